// @ts-check
// PAYLOAD_SECRET signs every login token and preview link: a production server with a missing,
// short or published one would hand out sessions anyone can forge. The server refuses to start
// instead, and says what to do.

/** Values that are public (the example file, the development fallback, the Docker build). */
const publishedSecrets = new Set([
  'change-me-to-a-long-random-string',
  'cifcc-development-only-secret',
  'docker-build-placeholder-secret',
])

const minimumLength = 32

/**
 * @param {string | undefined} secret
 * @returns {string | null} why the secret cannot be used in production, or null if it can
 */
export const productionSecretProblem = (secret) => {
  const advice = 'Set it to a long random string, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32).'
  if (!secret) return `PAYLOAD_SECRET is not set. ${advice}`
  if (publishedSecrets.has(secret)) {
    return `PAYLOAD_SECRET is a published example value, so anyone could sign in as anyone. ${advice}`
  }
  if (secret.length < minimumLength) {
    return `PAYLOAD_SECRET is ${secret.length} characters long; it needs at least ${minimumLength}. ${advice}`
  }
  return null
}

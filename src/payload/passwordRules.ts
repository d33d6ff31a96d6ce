export const minPasswordLength = 12

// Passwords of 12 or more characters that lead the published lists of leaked passwords, and the
// obvious ones for this site. Compared without case, spaces or punctuation, so "Password 1234!"
// is "password1234". Length already rules out the shorter favourites (123456, qwerty, …).
const commonPasswords = new Set(
  [
    '123456789012',
    '1234567890123',
    '12345678901234',
    '123456789123',
    '111111111111',
    '000000000000',
    '123123123123',
    'password1234',
    'password12345',
    'password123456',
    'passwordpassword',
    'password1password1',
    'qwertyuiop12',
    'qwertyuiop123',
    'qwertyqwerty',
    'qwerty123456',
    'qwertyuiopasdfghjkl',
    '1q2w3e4r5t6y',
    '1qaz2wsx3edc',
    'zaq12wsxcde3',
    'asdfghjkl123',
    'abcdefghijkl',
    'abc123456789',
    'iloveyou1234',
    'letmein12345',
    'welcome12345',
    'welcome123456',
    'changeme1234',
    'changemenow1',
    'administrator',
    'administrator1',
    'admin1234567',
    'adminadmin123',
    'adminpassword',
    'superman1234',
    'football1234',
    'baseball1234',
    'sunshine1234',
    'princess1234',
    'trustno1trustno1',
    'correcthorsebatterystaple',
    'climatechange',
    'climatechange1',
    'climatechange2022',
    'cifcc1234567',
    'cifccpassword',
  ].map((password) => password.toLowerCase()),
)

const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

// Why a password is refused, as a sentence for the person choosing it; null when it is fine.
export const passwordProblem = ({
  password,
  email,
  name,
}: {
  password: string
  email?: string | null
  name?: string | null
}): string | null => {
  if (password.length < minPasswordLength)
    return `Choose a password of at least ${minPasswordLength} characters; a few words in a row are easy to remember.`
  const candidate = comparable(password)
  const emailName = email?.split('@')[0] ?? ''
  const personal = [email, emailName, name].map((text) => comparable(text ?? '')).filter(Boolean)
  if (personal.includes(candidate))
    return 'Choose a password that is not your e-mail address or your name.'
  if (commonPasswords.has(candidate) || new Set(candidate).size < 4)
    return 'This password is one of the first that attackers try. Choose a less common one.'
  return null
}

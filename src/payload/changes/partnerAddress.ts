import type { LookupFunction } from 'node:net'

import dns from 'node:dns'
import { BlockList, isIP } from 'node:net'

// A webhook makes this server send requests to an address staff typed in: without limits, an
// account (or a stolen session) could point it at the server's own admin port, a database on the
// private network, or the cloud's metadata service (169.254.169.254), and read the answers in the
// delivery log. So a webhook goes to a public address over https only. WEBHOOKS_ALLOW_LOCAL=true
// lifts both rules (a partner's test receiver on this machine or the office network); it is the
// default outside production, where the tests and `npm run dev` run their receivers on loopback.
export const allowsLocalWebhooks = (): boolean =>
  process.env.WEBHOOKS_ALLOW_LOCAL
    ? process.env.WEBHOOKS_ALLOW_LOCAL === 'true'
    : process.env.NODE_ENV !== 'production'

const privateNetworks = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, the cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 3], // multicast and reserved, up to 255.255.255.255
] as const)
  privateNetworks.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 127], // unspecified and loopback
  ['::ffff:0:0', 96], // IPv4 written as IPv6 (::ffff:127.0.0.1): nobody's partner needs it
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  privateNetworks.addSubnet(network, prefix, 'ipv6')

export const isPrivateAddress = (address: string): boolean => {
  const family = isIP(address)
  if (family === 0) return false
  return privateNetworks.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()

const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost')

// Checked when the webhook is saved: what the address says by itself. Where a name leads is
// checked on every delivery (checkedLookup), since DNS may change after the save.
export const partnerURLProblem = (value: unknown): null | string => {
  if (typeof value !== 'string' || !value.trim())
    return 'Give the address the partner receives changes at.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `"${value.slice(0, 80)}" is not a web address: write it whole, e.g. https://partner.example/cifcc-changes.`
  }
  if (url.username || url.password)
    return 'Leave the user name and password out of the address: the partner checks the signature instead.'
  const isLocalAllowed = allowsLocalWebhooks()
  if (url.protocol === 'http:' && !isLocalAllowed)
    return 'The address must start with https://, so that nobody between here and the partner reads or changes what is sent.'
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'The address must start with https://.'
  const host = hostOf(url)
  if (!isLocalAllowed && (isLocalName(host) || isPrivateAddress(host)))
    return `${host} is this machine or a private network, which webhooks may not reach (set WEBHOOKS_ALLOW_LOCAL=true for a test receiver).`
  return null
}

export class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} leads to a private or loopback address, which webhooks may not reach`)
    this.name = 'PrivateAddressError'
  }
}

// Node calls it for a name (not for an address written as such: see refusedAddress) right before
// connecting, so the address checked is the one connected to, whatever DNS answers later.
export const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0)
    const allowed = allowsLocalWebhooks()
      ? addresses
      : addresses.filter(({ address }) => !isPrivateAddress(address))
    if (allowed.length === 0) return callback(new PrivateAddressError(hostname), '', 0)
    if (options.all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed)
    callback(null, allowed[0].address, allowed[0].family)
  })
}

// An address written as such is connected to without a lookup.
export const refusedAddress = (url: URL): Error | null => {
  const host = hostOf(url)
  if (allowsLocalWebhooks()) return null
  if (isLocalName(host) || isPrivateAddress(host)) return new PrivateAddressError(host)
  if (url.protocol !== 'https:') return new Error('Webhooks are sent over https only')
  return null
}

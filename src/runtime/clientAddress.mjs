// @ts-check
import net from 'node:net'

// The header through which the server tells the app (Payload's hooks, route handlers) whose
// request it is. The server always sets it from the connection, overwriting whatever a client
// sent, so nothing downstream reads X-Forwarded-For itself.
export const clientAddressHeader = 'x-cifcc-client-address'

/** @param {string} address */
const plain = (address) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')

/**
 * TRUSTED_PROXIES: the addresses (or CIDR ranges) of the proxies in front of the site, comma
 * separated, e.g. "127.0.0.1, 10.0.0.0/8". Only they may say, in X-Forwarded-For, whom they
 * forward for; a client's own X-Forwarded-For is ignored. Node's BlockList does the matching.
 *
 * @param {string | undefined} list
 */
export const trustedProxies = (list) => {
  const blockList = new net.BlockList()
  for (const entry of (list ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split('/')
    const type = net.isIPv6(address) ? 'ipv6' : 'ipv4'
    if (!net.isIP(address)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address`)
    if (prefix === undefined) blockList.addAddress(plain(address), type)
    else blockList.addSubnet(plain(address), Number(prefix), type)
  }
  return blockList
}

/** @param {net.BlockList} proxies @param {string} address */
const isTrusted = (proxies, address) =>
  net.isIP(address) !== 0 && proxies.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4')

/**
 * The address of the client a request came from: the connection's peer, or, while that peer is
 * a trusted proxy, the address it names last in X-Forwarded-For (read from the right, since
 * each proxy appends the address it saw and a client can write anything to the left).
 *
 * @param {{ socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: net.BlockList }} request
 */
export const clientAddressOf = ({ socketAddress, forwardedFor, proxies }) => {
  let address = plain(socketAddress ?? '')
  const hops = [forwardedFor ?? []].flat().join(',').split(',').map(plain).filter(Boolean)
  while (isTrusted(proxies, address) && hops.length > 0)
    address = /** @type {string} */ (hops.pop())
  return address || 'unknown'
}

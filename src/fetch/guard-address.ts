// Addresses the fetcher refuses unless told otherwise: every special-purpose range of IANA's IPv4
// and IPv6 special-purpose address registries (loopback, private, link-local, carrier-grade NAT,
// documentation, benchmarking, protocol assignments, ...), multicast and reserved space, and every
// IPv6 address outside global unicast (2000::/3). IPv6 forms that carry an IPv4 address (mapped
// ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are decoded and the IPv4 address is checked,
// whatever way it was written (`::ffff:127.0.0.1`, `::ffff:7f00:1`, ...). Checked on every
// connection, after DNS resolution, so a redirect or a name that resolves to an inside address is
// refused too. Anything that is not an IP address is refused.
import { BlockList, isIP } from 'node:net';

/** [network, prefix length]: IANA IPv4 special-purpose registry, plus multicast and reserved space. */
const IPV4_BLOCKED: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (DS-Lite, NAT64 discovery, PCP, TURN)
  ['192.0.2.0', 24], // documentation TEST-NET-1
  ['192.31.196.0', 24], // AS112-v4
  ['192.52.193.0', 24], // AMT
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['192.175.48.0', 24], // direct delegation AS112
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation TEST-NET-2
  ['203.0.113.0', 24], // documentation TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 limited broadcast
];

/** IANA IPv6 special-purpose registry, plus multicast, deprecated site-local and all space outside 2000::/3. */
const IPV6_BLOCKED: ReadonlyArray<[string, number]> = [
  // outside global unicast: ::/128, ::1/128, ::/96 IPv4-compatible, ::ffff:0:0:0/96 SIIT,
  // 64:ff9b:1::/48 local-use NAT64, 100::/64 discard, 100:0:0:1::/64, 5f00::/16 SRv6,
  // fc00::/7 unique-local, fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast
  ['::', 3],
  ['4000::', 2],
  ['8000::', 1],
  // inside 2000::/3
  ['2001::', 23], // IETF protocol assignments, Teredo 2001::/32 included
  ['2001:db8::', 32], // documentation
  ['2620:4f:8000::', 48], // direct delegation AS112
  ['3fff::', 20], // documentation
];

// two lists: Node's BlockList matches an IPv4 address against IPv6 rules as ::ffff:a.b.c.d,
// which ::/3 would then block
const blocked4 = new BlockList();
for (const [network, prefix] of IPV4_BLOCKED) blocked4.addSubnet(network, prefix, 'ipv4');
blocked4.addAddress('255.255.255.255', 'ipv4');
const blocked6 = new BlockList();
for (const [network, prefix] of IPV6_BLOCKED) blocked6.addSubnet(network, prefix, 'ipv6');

const withoutZone = (address: string): string => (address.includes('%') ? address.slice(0, address.indexOf('%')) : address);

/** The 16 bytes of an IPv6 address that isIP() accepted (a zone index dropped). */
function ipv6Bytes(address: string): Uint8Array {
  let text = withoutZone(address).toLowerCase();
  const bytes = new Uint8Array(16);
  // a trailing dotted IPv4 becomes two hex groups
  const last = text.lastIndexOf(':') + 1;
  if (text.includes('.', last)) {
    const [a, b, c, d] = text.slice(last).split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, last)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const groups = (part: string | null | undefined): number[] => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = groups(tail);
  const all = tail === null ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);
const dottedOf = (bytes: Uint8Array, at: number): string => Array.from(bytes.subarray(at, at + 4)).join('.');

/** The IPv4 address an IPv6 address carries and stands for (mapped, NAT64, 6to4), or null. */
export function embeddedIpv4(address: string): string | null {
  if (isIP(address) !== 6) return null;
  const bytes = ipv6Bytes(address);
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return dottedOf(bytes, 12); // ::ffff:0:0/96
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return dottedOf(bytes, 12); // 64:ff9b::/96
  if (startsWith(bytes, [0x20, 0x02])) return dottedOf(bytes, 2); // 2002::/16 6to4
  return null;
}

export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return blocked4.check(address, 'ipv4');
  if (kind === 6) {
    const inner = embeddedIpv4(address);
    if (inner !== null) return blocked4.check(inner, 'ipv4');
    return blocked6.check(withoutZone(address), 'ipv6');
  }
  return true;
}

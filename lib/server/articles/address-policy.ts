import "server-only";
import { isIPv4, isIPv6 } from "node:net";

// Which IP addresses URL import may connect to: public unicast only. Everything a server-side
// fetch could use to reach the host itself, the internal network or a cloud metadata service
// is refused, in IPv4 and IPv6, including IPv4 embedded in IPv6 (mapped, NAT64, 6to4).

type Range = { bytes: number[]; prefix: number; reason: string };

function v4(text: string): number[] {
  return text.split(".").map((p) => Number.parseInt(p, 10));
}

/** Expands an IPv6 address (with :: and optional dotted IPv4 tail) to 16 bytes. */
export function ipv6Bytes(address: string): number[] {
  let text = address.replace(/^\[|\]$/g, "").split("%")[0].toLowerCase();
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail = v4(dotted[1]);
    text = text.slice(0, -dotted[1].length) + "0:0";
  }
  const [head, rest] = text.includes("::") ? text.split("::") : [text, null];
  const headParts = head ? head.split(":").filter((p) => p !== "") : [];
  const restParts = rest ? rest.split(":").filter((p) => p !== "") : [];
  const missing = 8 - headParts.length - restParts.length;
  const groups = [...headParts, ...Array(rest === null ? 0 : missing).fill("0"), ...restParts].map((g) => Number.parseInt(g, 16));
  const bytes = groups.flatMap((g) => [(g >> 8) & 0xff, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

const V4_RANGES: Range[] = [
  { bytes: [0, 0, 0, 0], prefix: 8, reason: "an unspecified (0.0.0.0/8) address" },
  { bytes: [10, 0, 0, 0], prefix: 8, reason: "a private network address" },
  { bytes: [100, 64, 0, 0], prefix: 10, reason: "a carrier-grade NAT (shared) address" },
  { bytes: [127, 0, 0, 0], prefix: 8, reason: "a loopback address (this server itself)" },
  { bytes: [169, 254, 169, 254], prefix: 32, reason: "the cloud metadata address" },
  { bytes: [169, 254, 0, 0], prefix: 16, reason: "a link-local address" },
  { bytes: [172, 16, 0, 0], prefix: 12, reason: "a private network address" },
  { bytes: [192, 0, 0, 0], prefix: 24, reason: "a reserved (IETF protocol) address" },
  { bytes: [192, 0, 2, 0], prefix: 24, reason: "a reserved documentation address" },
  { bytes: [192, 88, 99, 0], prefix: 24, reason: "a reserved relay address" },
  { bytes: [192, 168, 0, 0], prefix: 16, reason: "a private network address" },
  { bytes: [198, 18, 0, 0], prefix: 15, reason: "a reserved benchmarking address" },
  { bytes: [198, 51, 100, 0], prefix: 24, reason: "a reserved documentation address" },
  { bytes: [203, 0, 113, 0], prefix: 24, reason: "a reserved documentation address" },
  { bytes: [224, 0, 0, 0], prefix: 4, reason: "a multicast address" },
  { bytes: [240, 0, 0, 0], prefix: 4, reason: "a reserved (240.0.0.0/4 or broadcast) address" },
];

const V6_RANGES: Range[] = [
  { bytes: ipv6Bytes("::"), prefix: 128, reason: "the unspecified address (::)" },
  { bytes: ipv6Bytes("::1"), prefix: 128, reason: "a loopback address (this server itself)" },
  { bytes: ipv6Bytes("fd00:ec2::254"), prefix: 128, reason: "the cloud metadata address" },
  { bytes: ipv6Bytes("100::"), prefix: 64, reason: "a discard-only address" },
  { bytes: ipv6Bytes("2001::"), prefix: 32, reason: "a Teredo tunnel address" },
  { bytes: ipv6Bytes("2001:db8::"), prefix: 32, reason: "a reserved documentation address" },
  { bytes: ipv6Bytes("fc00::"), prefix: 7, reason: "a private (unique local) address" },
  { bytes: ipv6Bytes("fe80::"), prefix: 10, reason: "a link-local address" },
  { bytes: ipv6Bytes("fec0::"), prefix: 10, reason: "a site-local address" },
  { bytes: ipv6Bytes("ff00::"), prefix: 8, reason: "a multicast address" },
  { bytes: ipv6Bytes("::"), prefix: 96, reason: "a deprecated IPv4-compatible address" },
];

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (range.bytes[i] & mask)) return false;
  }
  return true;
}

function v4Reason(bytes: number[]): string | null {
  return V4_RANGES.find((r) => inRange(bytes, r))?.reason ?? null;
}

/** Why the address may not be fetched, or null when it is public. Non-IP input is refused. */
export function blockedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  if (isIPv4(bare)) return v4Reason(v4(bare));
  if (!isIPv6(bare)) return "not an IP address";
  const bytes = ipv6Bytes(bare);
  const first10Zero = bytes.slice(0, 10).every((b) => b === 0);
  // IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::) carry an IPv4 address.
  if (first10Zero && bytes[10] === 0xff && bytes[11] === 0xff) return v4Reason(bytes.slice(12));
  if (inRange(bytes, { bytes: ipv6Bytes("64:ff9b::"), prefix: 96, reason: "" })) return v4Reason(bytes.slice(12));
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4Reason(bytes.slice(2, 6));
  return V6_RANGES.find((r) => inRange(bytes, r))?.reason ?? null;
}

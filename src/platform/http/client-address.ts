import net from "node:net";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/**
 * Parses `MUSUBI_TRUSTED_PROXIES`: addresses and CIDR ranges (`10.0.0.5, 10.1.0.0/16, ::1`) of
 * the reverse proxies in front of Musubi. Only their `X-Forwarded-For` is believed: anyone can send
 * the header, so believing it from everyone would let an attacker pick the address they are
 * counted under. Throws on an entry that is not an address or range, naming it.
 */
export function parseTrustedProxies(value: string | undefined): net.BlockList | undefined {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return undefined;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const type = net.isIP(address);
    if (type === 0) throw new Error(`MUSUBI_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const family = type === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(address, family);
      continue;
    }
    const prefix = Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (type === 4 ? 32 : 128)) {
      throw new Error(`MUSUBI_TRUSTED_PROXIES: "${entry}" has no valid prefix length`);
    }
    list.addSubnet(address, prefix, family);
  }
  return list;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; brackets and ports dropped; undefined when not an address. */
function normalise(raw: string): string | undefined {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.toLowerCase().startsWith("::ffff:") && net.isIPv4(a.slice(7))) a = a.slice(7);
  return net.isIP(a) ? a : undefined;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  return list.check(address, net.isIPv4(address) ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the nearest
 * address in `X-Forwarded-For` that is not itself a trusted proxy (read right to left, since each
 * proxy appends the address it received the request from). In-process test requests have no
 * socket and answer "unknown".
 */
export function clientAddress(c: Context, trusted: net.BlockList | undefined): string {
  let peer: string | undefined;
  try {
    peer = normalise(getConnInfo(c).remote.address ?? "");
  } catch {
    peer = undefined;
  }
  if (!peer) return "unknown";
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i]!);
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

/**
 * The bucket an address is counted in: the address itself for IPv4, its /64 for IPv6 — one
 * IPv6 customer usually holds a whole /64, so counting single addresses would count nothing.
 */
export function addressBucket(address: string): string {
  if (!net.isIPv6(address)) return address;
  const expanded = expandIpv6(address);
  return `${expanded.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, "").toLowerCase());
}

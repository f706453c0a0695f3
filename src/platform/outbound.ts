import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/**
 * Addresses an outbound call must never reach unless the operator allows them: loopback, private,
 * link-local (with cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified, multicast,
 * reserved, and the IPv6 equivalents (ULA fc00::/7 covers fd00:ec2::254). A webhook pointed at any of
 * them would turn Musubi into a probe of its own network.
 */
const FORBIDDEN = (() => {
  const list = new net.BlockList();
  for (const [address, prefix] of [
    ["0.0.0.0", 8],
    ["10.0.0.0", 8],
    ["100.64.0.0", 10],
    ["127.0.0.0", 8],
    ["169.254.0.0", 16],
    ["172.16.0.0", 12],
    ["192.0.0.0", 24],
    ["192.0.2.0", 24],
    ["192.88.99.0", 24],
    ["192.168.0.0", 16],
    ["198.18.0.0", 15],
    ["198.51.100.0", 24],
    ["203.0.113.0", 24],
    ["224.0.0.0", 4],
    ["240.0.0.0", 4],
  ] as const) {
    list.addSubnet(address, prefix, "ipv4");
  }
  for (const [address, prefix] of [
    ["::", 128],
    ["::1", 128],
    ["64:ff9b::", 96],
    ["64:ff9b:1::", 48],
    ["100::", 64],
    ["2001:db8::", 32],
    ["fc00::", 7],
    ["fe80::", 10],
    ["fec0::", 10],
    ["ff00::", 8],
  ] as const) {
    list.addSubnet(address, prefix, "ipv6");
  }
  return list;
})();

/** Where outbound calls may go besides the public internet (`MUSUBI_OUTBOUND_ALLOW`). */
export interface OutboundPolicy {
  allow: net.BlockList | undefined;
}

/** Parses `MUSUBI_OUTBOUND_ALLOW`: addresses and CIDR ranges of internal receivers the operator trusts. */
export function parseOutboundAllow(value: string | undefined): OutboundPolicy {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return { allow: undefined };
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const type = net.isIP(address);
    const prefix = bits === undefined ? (type === 4 ? 32 : 128) : Number(bits);
    if (type === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (type === 4 ? 32 : 128)) {
      throw new Error(`MUSUBI_OUTBOUND_ALLOW: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, prefix, type === 4 ? "ipv4" : "ipv6");
  }
  return { allow: list };
}

/** Why a call was not made; the message names the host and address but never reaches the far side. */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefused";
  }
}

function family(address: string): "ipv4" | "ipv6" {
  return net.isIPv4(address) ? "ipv4" : "ipv6";
}

/** True when `address` may be called under `policy`. IPv4-mapped IPv6 is judged as the IPv4 it maps. */
export function mayCall(address: string, policy: OutboundPolicy): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const a = mapped ? mapped[1]! : address;
  if (policy.allow?.check(a, family(a))) return true;
  return !FORBIDDEN.check(a, family(a));
}

/** The URL's host as an address when it is one (`[::1]` → `::1`); URL parsing already turned `2130706433`, `0x7f000001` and `127.1` into `127.0.0.1`. */
function literalAddress(url: URL): string | undefined {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return net.isIP(host) ? host : undefined;
}

/**
 * Checks a URL before it is stored (a webhook endpoint): http(s) only, and no forbidden address
 * written as an address or as `localhost`. Names are resolved only when a call is made (see
 * {@link postOutbound}), since what a name points to can change after it was checked.
 */
export function checkOutboundUrl(raw: string, policy: OutboundPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "only http and https URLs can receive calls";
  const literal = literalAddress(url);
  if (literal && !mayCall(literal, policy)) return `${literal} is a private, loopback, link-local or reserved address`;
  if (!literal && /(^|\.)localhost\.?$/i.test(url.hostname) && !mayCall("127.0.0.1", policy)) return `${url.hostname} is the server itself`;
  return undefined;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the name once and hands the socket only addresses that
 * passed the check: the address connected to is the address checked (no DNS rebinding in between).
 */
function guardedLookup(policy: OutboundPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { all: true, ...(options.family !== undefined && { family: options.family }) }, (err, addresses) => {
      if (err) return callback(err, "");
      const refused = addresses.find((a) => !mayCall(a.address, policy));
      if (refused || addresses.length === 0) {
        return callback(Object.assign(new OutboundRefused(`${hostname} resolves to ${refused?.address ?? "no address"}, a private, loopback, link-local or reserved address; refused`), { code: "EREFUSED_PRIVATE" }), "");
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** What an outbound call answered: the status and (for {@link requestOutbound}) the body, bounded. */
export interface OutboundAnswer {
  status: number;
  body: string;
}

/**
 * POSTs `body` to `url` unless the URL or any address its name resolves to is forbidden, without
 * following redirects, within `timeoutMs`. Answers the HTTP status; throws OutboundRefused (no
 * connection was attempted) or the network error.
 */
export async function postOutbound(
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
  policy: OutboundPolicy,
): Promise<number> {
  return (await requestOutbound(url, { method: "POST", ...init, maxResponseBytes: 0 }, policy)).status;
}

/**
 * An outbound call under the same guard as {@link postOutbound}, that also reads the answer's body
 * — up to `maxResponseBytes` (a longer answer fails the call, so a hostile server cannot fill
 * memory); 0 reads none. The timeout covers the whole exchange, body included.
 */
export function requestOutbound(
  url: string,
  init: { method: "GET" | "POST"; headers: Record<string, string>; body?: string; timeoutMs: number; maxResponseBytes: number },
  policy: OutboundPolicy,
): Promise<OutboundAnswer> {
  const target = new URL(url);
  // Addresses are judged here; names (localhost too) by what they resolve to, when connecting.
  const literal = literalAddress(target);
  if (literal && !mayCall(literal, policy)) return Promise.reject(new OutboundRefused(`${literal} is a private, loopback, link-local or reserved address; refused`));
  if (target.protocol !== "http:" && target.protocol !== "https:") return Promise.reject(new OutboundRefused(`${target.protocol} URLs cannot be called`));
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const headers = init.body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) };
    const req = client.request(target, { method: init.method, headers, lookup: guardedLookup(policy) as unknown as typeof dns.lookup, timeout: init.timeoutMs }, (res) => {
      const status = res.statusCode ?? 0;
      if (init.maxResponseBytes === 0) {
        res.resume();
        return resolve({ status, body: "" });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > init.maxResponseBytes) return req.destroy(new Error(`the answer is larger than ${init.maxResponseBytes} bytes`));
        chunks.push(chunk);
      });
      res.on("end", () => resolve({ status, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${init.timeoutMs / 1000} s`)), init.timeoutMs);
    req.on("close", () => clearTimeout(timer));
    req.on("timeout", () => req.destroy(new Error(`no answer within ${init.timeoutMs / 1000} s`)));
    req.on("error", (err) => reject(err instanceof OutboundRefused || (err as { code?: string }).code === "EREFUSED_PRIVATE" ? new OutboundRefused(err.message) : err));
    req.end(init.body);
  });
}

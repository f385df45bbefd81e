import "server-only";
import { decodeText, declaredHtmlCharset } from "@/lib/importing/decode-text";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import zlib from "node:zlib";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/importing";
import { blockedAddressReason } from "./address-policy";

// Fetches a web page for import, on the server, without letting a URL reach this host, the
// internal network or a cloud metadata service: http(s) only; every hop's host is resolved and
// every resolved address checked, and the socket connects to the checked address (the check
// runs inside the connection's own DNS lookup, so a second resolution cannot swap it: no DNS
// rebinding); redirects are followed by hand, at most MAX_REDIRECTS, each re-checked; one
// time-out covers the whole chain; the body is capped while it streams, after decompression.

export const MAX_REDIRECTS = 5;
const ACCEPTED_TYPES = ["text/html", "application/xhtml+xml", "text/plain"];

export interface FetchedPage {
  /** The URL as given (normalised). */
  url: string;
  /** Where the content was finally found, after redirects. */
  finalUrl: string;
  kind: "html" | "text";
  body: string;
}

class BlockedAddress extends Error {
  constructor(readonly host: string, readonly address: string, readonly reason: string) {
    super(`${host} resolves to ${reason} (${address})`);
  }
}

function refuse(message: string): AppError {
  return new AppError("VALIDATION_ERROR", message);
}

/** host:port pairs a test may fetch although they are local. Only under NODE_ENV=test or FACTMARK_E2E=1. */
function testAllowedHosts(): Set<string> {
  const e = env();
  if (!(e.NODE_ENV === "test" || e.FACTMARK_E2E === "1") || !e.IMPORT_TEST_ALLOW_HOSTS) return new Set();
  return new Set(e.IMPORT_TEST_ALLOW_HOSTS.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean));
}

function portOf(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

/** Parses and checks a URL before any connection: scheme, credentials, literal addresses, local names. */
export function checkUrl(raw: string, allowed: Set<string> = testAllowedHosts()): { url: URL; allowed: boolean } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse(`"${raw.slice(0, 200)}" is not a valid URL. Give the full address, starting with https://.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refuse(`Only http and https URLs can be imported (this one is ${url.protocol.replace(/:$/, "")}:).`);
  }
  if (url.username || url.password) throw refuse("URLs with a user name or password cannot be imported. Remove the credentials from the URL.");
  // WHATWG URL parsing already turns 127.1, 2130706433 and 0x7f000001 into 127.0.0.1.
  const host = url.hostname.toLowerCase();
  const isAllowed = allowed.has(`${host}:${portOf(url)}`);
  if (isAllowed) return { url, allowed: true };
  // "localhost." is "localhost": names are compared without the root dot.
  const bare = host.replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  if (isIP(bare)) {
    const reason = blockedAddressReason(bare);
    if (reason) throw refuse(`The URL points to ${reason} (${bare}). Only public web addresses can be imported.`);
  } else if (bare === "localhost" || bare.endsWith(".localhost") || bare.endsWith(".local") || bare.endsWith(".internal") || !bare.includes(".")) {
    throw refuse(`The URL's host "${bare}" is a local name. Only public web addresses can be imported.`);
  }
  return { url, allowed: false };
}

/** DNS lookup for the connection that refuses the whole answer if any address is not public. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, "", 4);
    const list = addresses as LookupAddress[];
    for (const a of list) {
      const reason = blockedAddressReason(a.address);
      if (reason) return callback(new BlockedAddress(hostname, a.address, reason), "", 4);
    }
    if (list.length === 0) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

interface Hop {
  status: number;
  location: string | null;
  contentType: string;
  body?: Buffer;
}

function requestOnce(url: URL, allowed: boolean, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === "https:" ? https : http;
    const req = mod.request(
      url,
      {
        method: "GET",
        headers: {
          "user-agent": "FactmarkImporter/1.0 (+article import for fact-checking)",
          accept: "text/html,application/xhtml+xml,text/plain;q=0.8",
          "accept-encoding": "gzip, deflate, br",
        },
        // Allowed test hosts resolve normally; everything else through the guarded lookup.
        lookup: allowed ? undefined : guardedLookup,
        signal,
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "").toLowerCase();
        if (status >= 300 && status < 400) {
          res.resume();
          resolve({ status, location: res.headers.location ?? null, contentType });
          return;
        }
        if (status >= 400) {
          res.resume();
          resolve({ status, location: null, contentType });
          return;
        }
        const mediaType = contentType.split(";")[0].trim();
        if (!ACCEPTED_TYPES.includes(mediaType)) {
          res.destroy();
          reject(
            new AppError(
              "UNSUPPORTED_MEDIA_TYPE",
              `The URL returns ${mediaType || "content with no type"}, not a web page. Give the address of the article's HTML page, or download the file and upload it.`,
            ),
          );
          return;
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > maxBytes) {
          res.destroy();
          reject(tooLargeError(declared, maxBytes));
          return;
        }
        const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
        const stream =
          encoding === "gzip" || encoding === "x-gzip"
            ? res.pipe(zlib.createGunzip())
            : encoding === "deflate"
              ? res.pipe(zlib.createInflate())
              : encoding === "br"
                ? res.pipe(zlib.createBrotliDecompress())
                : res;
        const chunks: Buffer[] = [];
        let total = 0;
        stream.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) {
            res.destroy();
            stream.destroy();
            reject(tooLargeError(total, maxBytes, true));
            return;
          }
          chunks.push(chunk);
        });
        stream.on("end", () => resolve({ status, location: null, contentType, body: Buffer.concat(chunks) }));
        stream.on("error", (e) => reject(e));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function tooLargeError(size: number, limit: number, streaming = false): AppError {
  const what = streaming ? `larger than ${formatBytes(limit)}` : formatBytes(size);
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The page is ${what}; the import limit is ${formatBytes(limit)} (IMPORT_MAX_BYTES). Save the article's text and paste it instead.`,
    { limit },
  );
}

function decode(body: Buffer, contentType: string): string {
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? declaredHtmlCharset(body);
  return decodeText(body, declared, "The page").text;
}

function networkError(e: unknown, url: URL, timeoutMs: number): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof BlockedAddress) {
    return refuse(`The host ${e.host} resolves to ${e.reason} (${e.address}). Only public web addresses can be imported.`);
  }
  const err = e as NodeJS.ErrnoException & { name?: string };
  if (err?.name === "AbortError" || err?.code === "ABORT_ERR") {
    return new AppError("UPSTREAM_ERROR", `${url.host} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again later, or paste the article's text.`);
  }
  if (err?.code === "ENOTFOUND" || err?.code === "EAI_AGAIN") {
    return new AppError("UPSTREAM_ERROR", `The host ${url.hostname} could not be found. Check the URL for typos.`);
  }
  if (err?.code === "ECONNREFUSED") return new AppError("UPSTREAM_ERROR", `${url.host} refused the connection. Check the URL, or try again later.`);
  if (err?.code === "ECONNRESET" || err?.code === "EPIPE") return new AppError("UPSTREAM_ERROR", `${url.host} closed the connection. Try again later, or paste the article's text.`);
  if (typeof err?.code === "string" && (err.code.startsWith("ERR_TLS") || err.code.includes("CERT"))) {
    return new AppError("UPSTREAM_ERROR", `The secure connection to ${url.host} failed (${err.code}). Check the URL, or paste the article's text.`);
  }
  return new AppError("UPSTREAM_ERROR", `The page could not be fetched (${err?.code ?? err?.message ?? "network error"}). Check the URL, or paste the article's text.`);
}

/** Fetches the page at `rawUrl` for import. Throws an AppError that says why when it refuses. */
export async function fetchArticleUrl(rawUrl: string, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? env().IMPORT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? env().IMPORT_MAX_BYTES;
  const allowedHosts = testAllowedHosts();
  const first = checkUrl(rawUrl, allowedHosts);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current = first;
  try {
    for (let hop = 0; ; hop++) {
      let res: Hop;
      try {
        res = await requestOnce(current.url, current.allowed, maxBytes, controller.signal);
      } catch (e) {
        throw networkError(controller.signal.aborted ? Object.assign(new Error("aborted"), { name: "AbortError" }) : e, current.url, timeoutMs);
      }
      if (res.status >= 300 && res.status < 400) {
        if (!res.location) throw new AppError("UPSTREAM_ERROR", `${current.url.host} answered ${res.status} (a redirect) without saying where to. Check the URL.`);
        if (hop >= MAX_REDIRECTS) throw new AppError("UPSTREAM_ERROR", `The URL redirects more than ${MAX_REDIRECTS} times. Open it in a browser and give the final address.`);
        let next: string;
        try {
          next = new URL(res.location, current.url).toString();
        } catch {
          throw new AppError("UPSTREAM_ERROR", `${current.url.host} redirected to an invalid address. Check the URL.`);
        }
        try {
          current = checkUrl(next, allowedHosts);
        } catch (e) {
          throw e instanceof AppError ? new AppError(e.code, `The URL redirects to ${next}: ${e.message}`) : e;
        }
        continue;
      }
      if (res.status >= 400) {
        throw new AppError(
          "UPSTREAM_ERROR",
          `${current.url.host} answered ${res.status} ${http.STATUS_CODES[res.status] ?? ""}`.trim() +
            (res.status === 401 || res.status === 403 ? ". The page may be behind a log-in or paywall: paste the article's text instead." : ". Check the URL."),
        );
      }
      const mediaType = res.contentType.split(";")[0].trim();
      return {
        url: first.url.toString(),
        finalUrl: current.url.toString(),
        kind: mediaType === "text/plain" ? "text" : "html",
        body: decode(res.body ?? Buffer.alloc(0), res.contentType),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}

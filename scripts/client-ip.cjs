// Preloaded into the server process (`node --require ./scripts/client-ip.cjs … next start`, see
// package.json "start"): records the client's address for sign-in throttling in the
// `x-factmark-client-ip` request header, replacing whatever the client sent under that name.
// The address is the socket's peer unless TRUSTED_PROXY_HOPS (default 0) says that many
// proxies of ours sit in front: then it is the X-Forwarded-For entry the outermost trusted proxy
// appended, counted from the right, so entries a client makes up on the left are ignored.
// Next.js itself keeps a client-supplied X-Forwarded-For, so the app never reads that header.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const http = require("node:http");

const HEADER = "x-factmark-client-ip";

function normalise(address) {
  if (!address) return null;
  const a = String(address).trim();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a || null;
}

/** The client address given the socket peer, the X-Forwarded-For header and the trusted hops. */
function clientIp(socketAddress, forwardedFor, hops) {
  const socket = normalise(socketAddress);
  if (!hops || hops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor || "";
  const chain = header.split(",").map(normalise).filter(Boolean);
  chain.push(socket);
  // chain[last] is our own proxy's peer (the socket); each trusted hop adds one entry to the right.
  const index = chain.length - 1 - hops;
  return chain[Math.max(0, index)] || null;
}

function trustedHops() {
  const n = Number.parseInt(process.env.TRUSTED_PROXY_HOPS || "0", 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function install() {
  if (http.Server.prototype.__factmarkClientIp) return;
  const hops = trustedHops();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request" && req && req.headers) {
      const ip = clientIp(req.socket && req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
      if (ip) req.headers[HEADER] = ip;
      else delete req.headers[HEADER];
    }
    return emit.call(this, event, req, ...rest);
  };
  http.Server.prototype.__factmarkClientIp = true;
  // Tells the app (same process) that the header is ours and can be trusted.
  process.env.FACTMARK_CLIENT_IP_HEADER = "1";
}

module.exports = { clientIp, install, HEADER };
if (require.main !== module && !process.env.VITEST) install();

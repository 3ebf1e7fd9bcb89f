/**
 * The page that hosts user scripts (docs/security.md, "Script sandbox"). The renderer embeds it as
 * `<iframe sandbox="allow-scripts">`, which gives it an opaque origin: no cookies, no storage, no
 * access to the app's DOM, and — for Chromium — its own process, so a memory bomb kills only the
 * sandbox. Its only script is the bridge below, allowed by hash; the bridge starts the user's
 * code in a dedicated worker built from a blob: URL, and that worker inherits this page's policy:
 * no network of any kind (default-src 'none'), no eval, nothing but further blob: workers.
 */

/** Served next to index.html; the hosts answer it with SANDBOX_RESPONSE_HEADERS, never the app's CSP. */
export const SANDBOX_PAGE_PATH = 'sandbox.html';

/**
 * Relays between the parent (only messages whose source is the parent window are read) and the
 * worker. It never interprets what the worker says beyond forwarding transferable buffers: the
 * parent validates every message.
 */
export const SANDBOX_BRIDGE_SCRIPT = `'use strict';
(function () {
  var worker = null;
  var post = function (message, transfer) { parent.postMessage(message, '*', transfer || []); };
  var transferOf = function (message) {
    var list = message && typeof message === 'object' && Array.isArray(message.transfer) ? message.transfer : [];
    return list.filter(function (item) { return item instanceof ArrayBuffer; });
  };
  addEventListener('message', function (event) {
    if (event.source !== parent) return;
    var message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'ping') { post({ type: 'pong', nonce: message.nonce }); return; }
    if (message.type !== 'start' || typeof message.source !== 'string') return;
    if (worker) worker.terminate();
    var url = URL.createObjectURL(new Blob([message.source], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = function (reply) {
      try { post(reply.data, transferOf(reply.data)); } catch (error) {
        post({ type: 'failed', runId: message.runId, kind: 'protocol', message: 'the script sent a message that cannot be relayed', location: null });
      }
    };
    worker.onerror = function (error) {
      error.preventDefault();
      post({ type: 'uncaught', runId: message.runId, message: String(error.message), line: error.lineno || 0, column: error.colno || 0 });
    };
    worker.postMessage({ type: 'run', runId: message.runId, data: message.data, options: message.options });
  });
  post({ type: 'ready' });
})();
`;

export const SANDBOX_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Scorecal script sandbox</title></head>
<body><script>${SANDBOX_BRIDGE_SCRIPT}</script></body></html>
`;

/**
 * The sandbox page's policy, given the base64 SHA-256 of SANDBOX_BRIDGE_SCRIPT. Only the bridge
 * runs; blob: workers are the one thing it may start; frame-ancestors 'self' lets the app (and
 * nothing else) embed it.
 */
export function sandboxContentSecurityPolicy(bridgeSha256Base64: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${bridgeSha256Base64}'`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

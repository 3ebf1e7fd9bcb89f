/**
 * The Content-Security-Policy of every page Scorecal serves, in the desktop app and in browser mode. It starts from nothing
 * (default-src 'none') and opens only what the renderer's libraries need, all on the app's own
 * origin; nothing remote is reachable because the app works offline on sensitive data.
 *
 * - script-src 'self': no 'unsafe-eval' and no inline scripts. Monaco and the plotly partial
 *   bundle run without eval. If the script sandbox settles on QuickJS compiled to WebAssembly,
 *   add 'wasm-unsafe-eval' here (it allows compiling WebAssembly, not evaluating JavaScript).
 * - style-src 'unsafe-inline': Monaco and plotly both set inline styles and inject <style>
 *   elements at run time; styles cannot run code, so this is the accepted trade-off.
 * - img-src data: blob:: plotly draws mode-bar icons and image exports as data:/blob: URLs.
 * - worker-src blob:: Monaco's language workers and the user-script worker may be started
 *   from blob: URLs built by the page itself.
 * - connect-src 'self': the IPC bridge is not a network request; fetch stays on the app origin.
 * - frame-src 'self': only the app's own script sandbox page (sandbox-page.ts), which the hosts
 *   serve with its own, stricter policy.
 * - object-src, base-uri, form-action, frame-ancestors: nothing may embed, be
 *   embedded, submit or re-base URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

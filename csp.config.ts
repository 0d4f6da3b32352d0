// The Content-Security-Policy, in one place: vite.config.ts sends it with every page of the dev server
// and the preview, index.html carries the same policy in a meta tag (a test checks they agree), and
// the browser tests run the app under it.
//
// No 'unsafe-eval' (Pixi runs without it through `pixi.js/unsafe-eval`) and no 'unsafe-inline': the
// app sets styles through the CSSOM, never in style attributes, and lil-gui's stylesheet is a file.
// Images may be data: or blob: URLs (the report's pictures), fonts data: (lil-gui's icon font).
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The dev server alone needs two more: Vite injects each stylesheet as a <style> element so it can
// swap it on a change (hence 'unsafe-inline' for styles, in development only), and it talks to the
// page over a WebSocket for hot reloading.
export const DEV_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: wss:",
);

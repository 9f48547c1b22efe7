/**
 * The page CSP: scripts and styles only from this origin or carrying this request's nonce.
 * Development needs eval for React's debugging and inline styles for the error overlay.
 */
export function buildCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/**
 * Set from next.config.ts on every response, so the framing, plugin and base-uri limits hold even
 * where the proxy does not run (static files, a bypassed proxy). It restricts nothing the nonce
 * policy allows, so browsers enforcing both get the nonce policy's limits.
 */
export const BASELINE_CSP = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * Responses of the API routes, and above all stored files (attachments, exports): nothing may load,
 * and `sandbox` gives the document an opaque origin with scripts, forms and plugins off, so even a
 * PDF/HTML polyglot a browser decided to render runs nothing and reaches no cookie. Set by the
 * handlers (lib/ledger/http.ts) and by next.config.ts for /api/*: Next.js keeps a next.config header
 * over the handler's header of the same name, so the page baseline must not be set on /api.
 */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

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

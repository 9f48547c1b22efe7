/**
 * HTTPS deployments: when the public URL (NEXTAUTH_URL) is https, every page response carries
 * Strict-Transport-Security, so a browser that has seen the portal once never talks plain HTTP to
 * it again, and next-auth issues its cookies Secure with the __Secure-/__Host- prefixes (next-auth 4
 * derives useSecureCookies from the same URL). TLS itself ends at the reverse proxy (README).
 */
export const HSTS_VALUE = "max-age=31536000";

export function isHttpsDeployment(url = process.env.NEXTAUTH_URL): boolean {
  return /^https:\/\//i.test(url?.trim() ?? "");
}

/** The Strict-Transport-Security value to send, or null on a plain-HTTP deployment (browsers ignore it there anyway). */
export function hstsHeader(url = process.env.NEXTAUTH_URL): string | null {
  return isHttpsDeployment(url) ? HSTS_VALUE : null;
}

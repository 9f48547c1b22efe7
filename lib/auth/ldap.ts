import fs from "node:fs";
import { Client, InvalidCredentialsError, InvalidDNSyntaxError, NoSuchObjectError, SizeLimitExceededError } from "ldapts";
import { USERNAME_PLACEHOLDER, type LdapConfig } from "./sso-config";

/**
 * LDAP / Active Directory password check (ldapts): find the user's entry with the service account
 * (LDAP_BIND_DN, or anonymously) by LDAP_USER_FILTER, then bind as that entry with the password
 * given — or, with LDAP_USER_DN, bind directly as the DN the template names. The directory says
 * only whether the password is right; which portal account it opens, and with what role, is the
 * portal's business (lib/auth/login.ts).
 *
 * - The username goes into the filter escaped (RFC 4515) and into a DN escaped (RFC 4514): `*`,
 *   `(`, `)` and `\` are data, never filter syntax, so `*)(uid=*` or `coord*` match nobody.
 * - An empty password is refused without asking the directory: a simple bind with a DN and no
 *   password is an "unauthenticated bind" (RFC 4513 5.1.2), which AD and many servers answer with
 *   success.
 * - A search that finds no entry or more than one is a wrong login, not a guess at the first one.
 */

export type LdapVerifyResult =
  | { ok: true; dn: string }
  /** Unknown user, ambiguous user, or wrong password: counted as a failed login. */
  | { ok: false; reason: "invalid" }
  /** The directory could not be asked (down, timeout, service account refused): not the user's fault. */
  | { ok: false; reason: "unavailable"; detail: string };

/** RFC 4515 3: the value of an assertion, with the filter's special characters as \XX escapes. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (char) => `\\${char.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** RFC 4514 2.4: an attribute value inside a DN. */
export function escapeDnValue(value: string): string {
  let escaped = value.replace(/[\\,+"<>;=\0]/g, (char) => (char === "\0" ? "\\00" : `\\${char}`));
  if (/^[ #]/.test(escaped)) escaped = `\\${escaped}`;
  if (/ $/.test(escaped) && escaped.length > 1) escaped = `${escaped.slice(0, -1)}\\ `;
  return escaped;
}

export function userFilter(template: string, username: string): string {
  return template.split(USERNAME_PLACEHOLDER).join(escapeFilterValue(username));
}

export function userDn(template: string, username: string): string {
  return template.split(USERNAME_PLACEHOLDER).join(escapeDnValue(username));
}

function tlsOptions(config: LdapConfig) {
  if (!config.url.startsWith("ldaps:")) return undefined;
  return config.tlsCaFile ? { ca: [fs.readFileSync(config.tlsCaFile)], minVersion: "TLSv1.2" as const } : { minVersion: "TLSv1.2" as const };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === "string" || typeof code === "number" ? ` ${code}` : ""}: ${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

/** Checks a username and password against the directory. Never throws. */
export async function verifyLdapPassword(config: LdapConfig, username: string, password: string): Promise<LdapVerifyResult> {
  // An empty password would make the bind below an unauthenticated (anonymous) bind.
  if (!username || !password) return { ok: false, reason: "invalid" };
  let client: Client;
  try {
    client = new Client({
      url: config.url,
      timeout: config.timeoutMs,
      connectTimeout: config.timeoutMs,
      tlsOptions: tlsOptions(config),
      // An AD user principal ({username}@corp.example) is not a DN: no strict DN parsing for it.
      strictDN: !config.userDnTemplate || config.userDnTemplate.includes("="),
    });
  } catch (error) {
    return { ok: false, reason: "unavailable", detail: describe(error) };
  }
  try {
    let dn: string;
    if (config.userDnTemplate) {
      dn = userDn(config.userDnTemplate, username);
    } else {
      try {
        if (config.bindDn && config.bindPassword) await client.bind(config.bindDn, config.bindPassword);
        const { searchEntries } = await client.search(config.baseDn ?? "", {
          scope: "sub",
          filter: userFilter(config.userFilter, username),
          attributes: ["1.1"],
          sizeLimit: 2,
          timeLimit: Math.max(1, Math.ceil(config.timeoutMs / 1000)),
        });
        if (searchEntries.length !== 1) return { ok: false, reason: "invalid" };
        dn = (searchEntries[0] as { dn: string }).dn;
      } catch (error) {
        // More than one entry matched: ambiguous, refused like an unknown user.
        if (error instanceof SizeLimitExceededError) return { ok: false, reason: "invalid" };
        return { ok: false, reason: "unavailable", detail: `search: ${describe(error)}` };
      }
    }
    try {
      await client.bind(dn, password);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return { ok: false, reason: "invalid" };
      // A template DN that does not exist or a malformed one is reported by some servers this way.
      if (config.userDnTemplate && (error instanceof NoSuchObjectError || error instanceof InvalidDNSyntaxError)) return { ok: false, reason: "invalid" };
      return { ok: false, reason: "unavailable", detail: `bind: ${describe(error)}` };
    }
    return { ok: true, dn };
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

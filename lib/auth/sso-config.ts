import { z } from "zod";
import { isAdminRole, isRole } from "./roles";

/**
 * Single sign-on configuration (issue 15, 统一身份认证), parsed from the environment once:
 * - OIDC (`OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET`, optional `OIDC_NAME`,
 *   `OIDC_USERNAME_CLAIM`): a "统一身份认证登录" button through next-auth's OAuth provider;
 * - LDAP / Active Directory (`LDAP_URL`, `LDAP_BASE_DN`, optional `LDAP_BIND_DN` +
 *   `LDAP_BIND_PASSWORD`, `LDAP_USER_FILTER`, `LDAP_USER_DN`, `LDAP_TLS_CA`, `LDAP_TIMEOUT_MS`):
 *   the login form's username and password are checked by the directory instead of the local hash;
 * - `LOCAL_LOGIN` (default on): `off` turns the local password login off, server-side too, except
 *   the emergency login of the administrative roles (三员), so a broken IdP locks nobody out.
 *
 * The parse is pure (env in, config or Chinese error messages out), so it is tested with tables of
 * cases and checked by `npm start` before anything else happens.
 */

export const DEFAULT_OIDC_NAME = "统一身份认证登录";
export const DEFAULT_USERNAME_CLAIM = "preferred_username";
export const DEFAULT_LDAP_USER_FILTER = "(uid={username})";
export const DEFAULT_LDAP_TIMEOUT_MS = 5000;
export const USERNAME_PLACEHOLDER = "{username}";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The login button's label. */
  name: string;
  /** The ID token (or userinfo) claim that holds the portal username. */
  usernameClaim: string;
}

export interface LdapConfig {
  url: string;
  /** Service account for the user search; null: search anonymously (or bind by userDnTemplate). */
  bindDn: string | null;
  bindPassword: string | null;
  /** Where users are searched (subtree); null only with userDnTemplate. */
  baseDn: string | null;
  /** RFC 4515 filter with {username}, e.g. (uid={username}) or (sAMAccountName={username}). */
  userFilter: string;
  /** Bind directly as this DN (or AD user principal, e.g. {username}@corp.example) instead of searching. */
  userDnTemplate: string | null;
  /** Path of a PEM file with the CA certificate(s) trusted for ldaps://. */
  tlsCaFile: string | null;
  timeoutMs: number;
}

export interface SsoConfig {
  oidc: OidcConfig | null;
  ldap: LdapConfig | null;
  /** LOCAL_LOGIN: the local password login for every account (true) or for the administrative roles only (false). */
  localLogin: boolean;
}

export type SsoConfigResult = { ok: true; config: SsoConfig } | { ok: false; errors: string[] };

export const SSO_CONFIG_ERROR_PREFIX = "统一身份认证（单点登录）配置有误";

const KEYS = [
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_NAME",
  "OIDC_USERNAME_CLAIM",
  "LDAP_URL",
  "LDAP_BIND_DN",
  "LDAP_BIND_PASSWORD",
  "LDAP_BASE_DN",
  "LDAP_USER_FILTER",
  "LDAP_USER_DN",
  "LDAP_TLS_CA",
  "LDAP_TIMEOUT_MS",
  "LOCAL_LOGIN",
] as const;

const text = z.string().trim().min(1).optional();
const envSchema = z.object(Object.fromEntries(KEYS.map((key) => [key, text])) as Record<(typeof KEYS)[number], typeof text>).strict();

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.search && !url.hash && !url.username && !url.password;
  } catch {
    return false;
  }
}

function isLdapUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "ldap:" || url.protocol === "ldaps:") && Boolean(url.hostname) && (url.pathname === "" || url.pathname === "/") && !url.search;
  } catch {
    return false;
  }
}

/** A filter with balanced parentheses around the whole, containing {username}. */
function isFilterTemplate(value: string): boolean {
  if (!value.startsWith("(") || !value.endsWith(")") || !value.includes(USERNAME_PLACEHOLDER)) return false;
  let depth = 0;
  for (const [index, char] of [...value].entries()) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth < 0 || (depth === 0 && index < value.length - 1)) return false;
  }
  return depth === 0;
}

function parseSwitch(raw: string | undefined): boolean | null {
  if (raw === undefined) return true;
  const value = raw.toLowerCase();
  if (["on", "1", "true", "yes"].includes(value)) return true;
  if (["off", "0", "false", "no"].includes(value)) return false;
  return null;
}

/** Parses the SSO settings out of an environment; every problem is reported, in Chinese. */
export function parseSsoConfig(env: Record<string, string | undefined>): SsoConfigResult {
  const picked = Object.fromEntries(KEYS.map((key) => [key, env[key]?.trim() ? env[key] : undefined]));
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) return { ok: false, errors: ["无法读取单点登录配置"] };
  const e = parsed.data;
  const errors: string[] = [];

  let oidc: OidcConfig | null = null;
  const oidcKeys = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcKeys.some(Boolean) || e.OIDC_NAME || e.OIDC_USERNAME_CLAIM) {
    if (!oidcKeys.every(Boolean)) {
      errors.push("OIDC 登录需要同时设置 OIDC_ISSUER、OIDC_CLIENT_ID 和 OIDC_CLIENT_SECRET");
    } else if (!isHttpUrl(e.OIDC_ISSUER as string)) {
      errors.push(`OIDC_ISSUER 应为认证服务的地址（http:// 或 https:// 开头，不含查询参数），当前为“${e.OIDC_ISSUER}”`);
    }
    if (e.OIDC_USERNAME_CLAIM && !/^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/.test(e.OIDC_USERNAME_CLAIM)) {
      errors.push(`OIDC_USERNAME_CLAIM 应为令牌中的声明名称（如 preferred_username），当前为“${e.OIDC_USERNAME_CLAIM}”`);
    }
    if (e.OIDC_NAME && [...e.OIDC_NAME].length > 32) errors.push("OIDC_NAME（登录按钮文字）不超过 32 个字");
    oidc = {
      issuer: (e.OIDC_ISSUER ?? "").replace(/\/+$/, ""),
      clientId: e.OIDC_CLIENT_ID ?? "",
      clientSecret: e.OIDC_CLIENT_SECRET ?? "",
      name: e.OIDC_NAME ?? DEFAULT_OIDC_NAME,
      usernameClaim: e.OIDC_USERNAME_CLAIM ?? DEFAULT_USERNAME_CLAIM,
    };
  }

  let ldap: LdapConfig | null = null;
  const ldapOnly = [e.LDAP_BIND_DN, e.LDAP_BIND_PASSWORD, e.LDAP_BASE_DN, e.LDAP_USER_FILTER, e.LDAP_USER_DN, e.LDAP_TLS_CA, e.LDAP_TIMEOUT_MS];
  if (e.LDAP_URL || ldapOnly.some(Boolean)) {
    if (!e.LDAP_URL) errors.push("已设置 LDAP 参数但缺少 LDAP_URL（如 ldaps://ldap.example.gov.cn）");
    else if (!isLdapUrl(e.LDAP_URL)) errors.push(`LDAP_URL 应以 ldap:// 或 ldaps:// 开头，只含主机和端口，当前为“${e.LDAP_URL}”`);
    if (Boolean(e.LDAP_BIND_DN) !== Boolean(e.LDAP_BIND_PASSWORD)) errors.push("LDAP_BIND_DN 和 LDAP_BIND_PASSWORD（查询用的服务账号）须同时设置");
    if (!e.LDAP_BASE_DN && !e.LDAP_USER_DN) errors.push("LDAP 登录需要 LDAP_BASE_DN（查找用户的目录位置），或以 LDAP_USER_DN 直接绑定");
    const filter = e.LDAP_USER_FILTER ?? DEFAULT_LDAP_USER_FILTER;
    if (!isFilterTemplate(filter)) errors.push(`LDAP_USER_FILTER 应为含 {username} 的 LDAP 过滤器，如 (uid={username}) 或 (sAMAccountName={username})，当前为“${filter}”`);
    if (e.LDAP_USER_DN && !e.LDAP_USER_DN.includes(USERNAME_PLACEHOLDER)) errors.push("LDAP_USER_DN 须包含 {username}，如 uid={username},ou=people,dc=example,dc=org");
    let timeoutMs = DEFAULT_LDAP_TIMEOUT_MS;
    if (e.LDAP_TIMEOUT_MS !== undefined) {
      timeoutMs = Number(e.LDAP_TIMEOUT_MS);
      if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) errors.push(`LDAP_TIMEOUT_MS 应为 100 到 60000 之间的毫秒数，当前为“${e.LDAP_TIMEOUT_MS}”`);
    }
    if (e.LDAP_TLS_CA && e.LDAP_URL && isLdapUrl(e.LDAP_URL) && !e.LDAP_URL.startsWith("ldaps:")) errors.push("LDAP_TLS_CA 仅用于 ldaps:// 连接，请将 LDAP_URL 改为 ldaps://");
    ldap = {
      url: e.LDAP_URL ?? "",
      bindDn: e.LDAP_BIND_DN ?? null,
      bindPassword: e.LDAP_BIND_PASSWORD ?? null,
      baseDn: e.LDAP_BASE_DN ?? null,
      userFilter: filter,
      userDnTemplate: e.LDAP_USER_DN ?? null,
      tlsCaFile: e.LDAP_TLS_CA ?? null,
      timeoutMs,
    };
  }

  const localLogin = parseSwitch(e.LOCAL_LOGIN);
  if (localLogin === null) errors.push(`LOCAL_LOGIN 应为 on 或 off，当前为“${e.LOCAL_LOGIN}”`);
  else if (!localLogin && !oidc && !ldap) errors.push("LOCAL_LOGIN=off 关闭了本地密码登录，但未配置 OIDC 或 LDAP：除管理员应急登录外将无人能够登录");

  if (errors.length) return { ok: false, errors };
  return { ok: true, config: { oidc, ldap, localLogin: localLogin ?? true } };
}

/** The startup error: one line per problem, under a heading that says what to fix. */
export function formatSsoConfigErrors(errors: string[]): string {
  return `${SSO_CONFIG_ERROR_PREFIX}，请修改环境变量后重新启动：\n${errors.map((error) => `  - ${error}`).join("\n")}`;
}

export class SsoConfigError extends Error {
  constructor(readonly errors: string[]) {
    super(formatSsoConfigErrors(errors));
    this.name = "SsoConfigError";
  }
}

let cached: { source: string; config: SsoConfig } | null = null;

/** The configuration of this process's environment (re-parsed when the variables change, as tests do); throws SsoConfigError. */
export function ssoConfig(env: Record<string, string | undefined> = process.env): SsoConfig {
  const source = JSON.stringify(KEYS.map((key) => env[key] ?? null));
  if (cached?.source === source) return cached.config;
  const result = parseSsoConfig(env);
  if (!result.ok) throw new SsoConfigError(result.errors);
  cached = { source, config: result.config };
  return result.config;
}

/**
 * Whether an account may log in with its local (portal) password. With LOCAL_LOGIN=off only the
 * administrative roles keep it, as the emergency way in when the IdP or the directory is down.
 */
export function localPasswordAllowed(role: string, config: Pick<SsoConfig, "localLogin">): boolean {
  return config.localLogin || (isRole(role) && isAdminRole(role));
}

/**
 * The username an SSO identity (a directory login name, an OIDC claim) maps to: portal usernames
 * are lower case (lib/admin/schemas.ts), directories often are not (AD's sAMAccountName).
 */
export function normalizeSsoUsername(raw: string): string {
  return raw.trim().toLowerCase().slice(0, 64);
}

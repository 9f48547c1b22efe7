import { describe, expect, it } from "vitest";
import { formatSsoConfigErrors, localPasswordAllowed, normalizeSsoUsername, parseSsoConfig, ssoConfig, SsoConfigError } from "./sso-config";

const OIDC = { OIDC_ISSUER: "https://sso.example.gov.cn/realms/zx", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "s3cret" };
const LDAP = { LDAP_URL: "ldaps://dc1.corp.example:636", LDAP_BASE_DN: "dc=corp,dc=example" };

describe("parseSsoConfig: accepted settings", () => {
  it("has no SSO and local login on when nothing is set", () => {
    expect(parseSsoConfig({})).toEqual({ ok: true, config: { oidc: null, ldap: null, localLogin: true } });
  });

  it("reads OIDC with the defaults for the button label and the username claim", () => {
    const result = parseSsoConfig({ ...OIDC, OIDC_ISSUER: "https://sso.example.gov.cn/realms/zx/" });
    expect(result).toEqual({
      ok: true,
      config: {
        oidc: { issuer: "https://sso.example.gov.cn/realms/zx", clientId: "portal", clientSecret: "s3cret", name: "统一身份认证登录", usernameClaim: "preferred_username" },
        ldap: null,
        localLogin: true,
      },
    });
  });

  it("reads OIDC_NAME and OIDC_USERNAME_CLAIM", () => {
    const result = parseSsoConfig({ ...OIDC, OIDC_NAME: "政务外网统一认证", OIDC_USERNAME_CLAIM: "employee_no" });
    expect(result.ok && result.config.oidc).toMatchObject({ name: "政务外网统一认证", usernameClaim: "employee_no" });
  });

  it("reads LDAP with its defaults: (uid={username}) and 5 s", () => {
    const result = parseSsoConfig({ ...LDAP, LDAP_BIND_DN: "cn=reader,dc=corp,dc=example", LDAP_BIND_PASSWORD: "pw" });
    expect(result).toEqual({
      ok: true,
      config: {
        oidc: null,
        ldap: {
          url: "ldaps://dc1.corp.example:636",
          bindDn: "cn=reader,dc=corp,dc=example",
          bindPassword: "pw",
          baseDn: "dc=corp,dc=example",
          userFilter: "(uid={username})",
          userDnTemplate: null,
          tlsCaFile: null,
          timeoutMs: 5000,
        },
        localLogin: true,
      },
    });
  });

  it.each([
    ["an AD filter", { ...LDAP, LDAP_USER_FILTER: "(&(objectClass=user)(sAMAccountName={username}))" }, { userFilter: "(&(objectClass=user)(sAMAccountName={username}))" }],
    ["a DN template without a base DN", { LDAP_URL: "ldap://127.0.0.1:3389", LDAP_USER_DN: "uid={username},ou=people,dc=example,dc=org" }, { userDnTemplate: "uid={username},ou=people,dc=example,dc=org", baseDn: null }],
    ["an AD user principal template", { LDAP_URL: "ldap://dc1", LDAP_USER_DN: "{username}@corp.example" }, { userDnTemplate: "{username}@corp.example" }],
    ["a CA file and a timeout", { ...LDAP, LDAP_TLS_CA: "/etc/ssl/corp-ca.pem", LDAP_TIMEOUT_MS: "2500" }, { tlsCaFile: "/etc/ssl/corp-ca.pem", timeoutMs: 2500 }],
  ])("reads %s", (_name, env, expected) => {
    const result = parseSsoConfig(env);
    expect(result.ok && result.config.ldap).toMatchObject(expected);
  });

  it.each([
    ["off", false],
    ["OFF", false],
    ["0", false],
    ["false", false],
    ["on", true],
    ["1", true],
    ["", true],
  ])("reads LOCAL_LOGIN=%s with an IdP configured", (value, expected) => {
    const result = parseSsoConfig({ ...OIDC, LOCAL_LOGIN: value });
    expect(result.ok && result.config.localLogin).toBe(expected);
  });

  it("ignores variables of other features and blank values", () => {
    expect(parseSsoConfig({ DATABASE_URL: "file:x.db", OIDC_NAME: "  ", LDAP_URL: "" })).toEqual({ ok: true, config: { oidc: null, ldap: null, localLogin: true } });
  });
});

describe("parseSsoConfig: refused settings, in Chinese", () => {
  it.each([
    ["OIDC without its secret", { OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: "portal" }, "OIDC_CLIENT_SECRET"],
    ["an OIDC label alone", { OIDC_NAME: "统一认证" }, "OIDC_ISSUER"],
    ["an issuer that is not a URL", { ...OIDC, OIDC_ISSUER: "sso.example.gov.cn" }, "OIDC_ISSUER 应为认证服务的地址"],
    ["an issuer with a query", { ...OIDC, OIDC_ISSUER: "https://sso.example/?x=1" }, "OIDC_ISSUER"],
    ["a claim name with spaces", { ...OIDC, OIDC_USERNAME_CLAIM: "user name" }, "OIDC_USERNAME_CLAIM"],
    ["LDAP settings without LDAP_URL", { LDAP_BASE_DN: "dc=x" }, "缺少 LDAP_URL"],
    ["an http URL for LDAP", { ...LDAP, LDAP_URL: "http://dc1" }, "LDAP_URL 应以 ldap:// 或 ldaps://"],
    ["an LDAP URL with a DN path", { ...LDAP, LDAP_URL: "ldap://dc1/dc=corp" }, "LDAP_URL"],
    ["a service account without its password", { ...LDAP, LDAP_BIND_DN: "cn=reader" }, "LDAP_BIND_DN 和 LDAP_BIND_PASSWORD"],
    ["neither a base DN nor a DN template", { LDAP_URL: "ldap://dc1" }, "LDAP_BASE_DN"],
    ["a filter without {username}", { ...LDAP, LDAP_USER_FILTER: "(uid=admin)" }, "LDAP_USER_FILTER"],
    ["a filter without parentheses", { ...LDAP, LDAP_USER_FILTER: "uid={username}" }, "LDAP_USER_FILTER"],
    ["a filter of two clauses side by side", { ...LDAP, LDAP_USER_FILTER: "(uid={username})(objectClass=*)" }, "LDAP_USER_FILTER"],
    ["unbalanced parentheses", { ...LDAP, LDAP_USER_FILTER: "(&(uid={username})" }, "LDAP_USER_FILTER"],
    ["a DN template without {username}", { LDAP_URL: "ldap://dc1", LDAP_USER_DN: "uid=x,dc=corp" }, "LDAP_USER_DN 须包含 {username}"],
    ["a timeout that is not a number", { ...LDAP, LDAP_TIMEOUT_MS: "5s" }, "LDAP_TIMEOUT_MS"],
    ["a timeout too long", { ...LDAP, LDAP_TIMEOUT_MS: "600000" }, "LDAP_TIMEOUT_MS"],
    ["a CA file on plain ldap://", { ...LDAP, LDAP_URL: "ldap://dc1", LDAP_TLS_CA: "/ca.pem" }, "LDAP_TLS_CA"],
    ["LOCAL_LOGIN with an unknown value", { LOCAL_LOGIN: "disabled" }, "LOCAL_LOGIN 应为 on 或 off"],
    ["LOCAL_LOGIN=off without any IdP", { LOCAL_LOGIN: "off" }, "未配置 OIDC 或 LDAP"],
  ])("refuses %s", (_name, env, message) => {
    const result = parseSsoConfig(env);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join("\n")).toContain(message);
  });

  it("reports every problem at once, under one heading", () => {
    const result = parseSsoConfig({ OIDC_ISSUER: "x", LDAP_URL: "ftp://x", LOCAL_LOGIN: "maybe" });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(formatSsoConfigErrors(errors)).toMatch(/^统一身份认证（单点登录）配置有误，请修改环境变量后重新启动：\n {2}- /);
  });

  it("throws SsoConfigError from ssoConfig() for a bad environment", () => {
    expect(() => ssoConfig({ LOCAL_LOGIN: "off" })).toThrow(SsoConfigError);
    expect(ssoConfig({ ...OIDC, LOCAL_LOGIN: "off" }).localLogin).toBe(false);
  });
});

describe("localPasswordAllowed", () => {
  it.each([
    ["COORDINATOR", true, true],
    ["COORDINATOR", false, false],
    ["STAFF", false, false],
    ["ADMIN", false, true],
    ["SECURITY_ADMIN", false, true],
    ["AUDITOR", false, true],
    ["NOT_A_ROLE", false, false],
  ])("%s with LOCAL_LOGIN %s: %s", (role, localLogin, expected) => {
    expect(localPasswordAllowed(role, { localLogin })).toBe(expected);
  });
});

describe("normalizeSsoUsername", () => {
  it.each([
    ["coordinator", "coordinator"],
    ["  Staff-Zonghe ", "staff-zonghe"],
    ["ZHANGSAN", "zhangsan"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeSsoUsername(raw)).toBe(expected);
  });
});

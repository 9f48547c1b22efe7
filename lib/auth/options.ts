import crypto from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { clientAddress } from "@/lib/security/client-address";
import { authenticate } from "./login";
import { ssoConfig, type OidcConfig } from "./sso-config";
import { findSsoAccount, resolveSsoLogin, unauthorizedUrl } from "./sso";
import { authRequestContext, revokeSession } from "./revocation";
import { sessionIdleMinutes } from "./session-policy";
import { claimSession } from "./single-session";

/** The idle limit (SESSION_IDLE_MINUTES, default 30): the JWT's and the cookie's lifetime from their last renewal. */
export const SESSION_IDLE_SECONDS = sessionIdleMinutes() * 60;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/** The next-auth provider id of the OIDC login: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

type OidcClaims = Record<string, unknown> & { sub: string };

/**
 * The OIDC login through next-auth's generic OAuth provider: discovery from the issuer's
 * well-known document, the authorization code flow with PKCE and state, the ID token verified
 * (signature, issuer, audience, expiry) by openid-client. The portal username is the claim
 * OIDC_USERNAME_CLAIM of the ID token or, where the IdP puts profile claims only there (as
 * oidc-provider and others do by default), of the userinfo response for the same subject.
 */
export function oidcProvider(oidc: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: "oauth",
    wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: "openid profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    userinfo: {
      async request({ tokens: parameters, client }) {
        // next-auth hands over openid-client's TokenSet (typed as its parameters).
        const tokens = parameters as TokenSet;
        const claims = tokens.claims() as OidcClaims;
        if (typeof claims[oidc.usernameClaim] === "string" || !client.issuer.metadata.userinfo_endpoint) return claims;
        // openid-client checks that the userinfo subject is the ID token's.
        const info = (await client.userinfo(tokens)) as Record<string, unknown>;
        return { ...info, ...claims, [oidc.usernameClaim]: info[oidc.usernameClaim] };
      },
    },
    profile(profile) {
      const username = profile[oidc.usernameClaim];
      return { id: String(profile.sub), name: typeof username === "string" ? username : "" };
    },
  };
}

/**
 * The JWT carries only the user id, the session version, the login time and a per-login session id
 * (sid, revoked on logout: lib/auth/revocation.ts): role, office and the active flag are read from
 * the database on every request (lib/auth/dal.ts).
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 5 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "用户名和密码",
      credentials: {
        username: { label: "用户名", type: "text" },
        password: { label: "密码", type: "password" },
        /** "local": the portal's own password (LOCAL_LOGIN, or the administrators' emergency login); otherwise the directory when LDAP is configured. */
        mode: { label: "方式", type: "text" },
        otp: { label: "动态验证码", type: "text" },
      },
      async authorize(credentials, req) {
        const username = typeof credentials?.username === "string" ? credentials.username : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 256) : "";
        if (!username || !password) throw new Error("请输入用户名和密码");
        const config = ssoConfig();
        const method = credentials?.mode !== "local" && config.ldap ? "ldap" : "local";
        // The second factor (TOTP code or recovery code); without it an account that has one is
        // answered TOTP_REQUIRED (lib/auth/login.ts) and the form asks for it.
        const otp = typeof credentials?.otp === "string" ? credentials.otp.slice(0, 64) : "";
        const result = await authenticate(username, password, clientAddress(req?.headers as Record<string, unknown> | undefined), { method, config, otp });
        if (!result.ok) throw new Error(result.message);
        return { id: String(result.user.id), name: result.user.username, sv: result.user.sessionVersion };
      },
    }),
    ...(ssoConfig().oidc ? [oidcProvider(ssoConfig().oidc as OidcConfig)] : []),
  ],
  callbacks: {
    /**
     * An OIDC identity opens the active portal account of the same username (audited with the
     * method and the client address); an unknown, disabled or locked one is sent to the
     * "not yet authorised" page. Credentials logins were decided in authorize().
     */
    async signIn({ user, account }) {
      if (account?.type !== "oauth") return true;
      const ip = authRequestContext.getStore()?.ip ?? "";
      const identity = user.name ?? "";
      const resolution = await resolveSsoLogin(identity, ip, { method: account.provider, subject: account.providerAccountId });
      return resolution.ok ? true : unauthorizedUrl(identity, resolution.reason);
    },
    async jwt({ token, user, account }) {
      if (user) {
        // A new login, by password (authorize() returned the portal account) or by OIDC (the
        // account signIn() admitted, looked up again): the same token fields either way.
        let portal: { id: number; sv: number } | null = null;
        if (account?.type === "oauth") {
          const resolution = await findSsoAccount(user.name ?? "");
          if (resolution.ok) portal = { id: resolution.user.id, sv: resolution.user.sessionVersion };
          // Nothing of the IdP's profile is kept: the portal account is the identity.
          token = { name: resolution.ok ? resolution.user.username : "", sub: portal ? String(portal.id) : undefined };
        } else {
          portal = { id: Number(user.id), sv: (user as { sv?: number }).sv ?? 0 };
        }
        if (!portal) return {};
        token.uid = portal.id;
        token.sv = portal.sv;
        token.loginAt = Date.now();
        token.sid = crypto.randomUUID();
        // SINGLE_SESSION=1: this login becomes the account's one live session (lib/auth/single-session.ts).
        await claimSession(token.uid, token.sid, authRequestContext.getStore()?.ip ?? "");
      }
      // Past the absolute limit the token is emptied, so re-issuing it cannot extend the session.
      if (typeof token.loginAt === "number" && Date.now() - token.loginAt > SESSION_ABSOLUTE_MS) return {};
      return token;
    },
    async session({ session, token }) {
      return { expires: session.expires, uid: token.uid, sv: token.sv, loginAt: token.loginAt, sid: token.sid } as typeof session;
    },
  },
  events: {
    // Runs only after next-auth has checked the sign-out form's CSRF token. next-auth logs and
    // swallows an error here and clears the cookie anyway; the route handler sees signOutFailed
    // and answers with an error instead, so the user is not told they are out while the session lives.
    async signOut({ token }) {
      const context = authRequestContext.getStore();
      if (typeof token?.sid !== "string" || typeof token.uid !== "number" || typeof token.loginAt !== "number") return;
      try {
        await revokeSession({ sid: token.sid, userId: token.uid, expiresAt: new Date(token.loginAt + SESSION_ABSOLUTE_MS) }, context?.ip ?? "");
      } catch (error) {
        if (context) context.signOutFailed = true;
        throw error;
      }
    },
  },
};

declare module "next-auth" {
  interface Session {
    uid?: number;
    sv?: number;
    loginAt?: number;
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sv?: number;
    loginAt?: number;
    sid?: string;
  }
}

import crypto from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/security/client-address";
import { authenticate } from "./login";
import { authRequestContext, revokeSession } from "./revocation";

export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

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
        otp: { label: "动态验证码", type: "text" },
      },
      async authorize(credentials, req) {
        const username = typeof credentials?.username === "string" ? credentials.username : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 256) : "";
        if (!username || !password) throw new Error("请输入用户名和密码");
        // The second factor (TOTP code or recovery code); without it an account that has one is
        // answered TOTP_REQUIRED (lib/auth/login.ts) and the form asks for it.
        const otp = typeof credentials?.otp === "string" ? credentials.otp.slice(0, 64) : "";
        const result = await authenticate(username, password, clientAddress(req?.headers as Record<string, unknown> | undefined), { otp });
        if (!result.ok) throw new Error(result.message);
        return { id: String(result.user.id), name: result.user.username, sv: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.loginAt = Date.now();
        token.sid = crypto.randomUUID();
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

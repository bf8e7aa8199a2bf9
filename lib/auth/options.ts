import crypto from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { revokeSession, verifyLogin } from "@/db/queries/auth";
import { getDb } from "@/db";
import { authSecret, env, servedOverHttps, trustedProxies } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { epochSeconds, SESSION_MAX_AGE_SECONDS, sessionEnd } from "@/lib/security/session-policy";

// next-auth passes a message thrown in authorize() through as `error`; the login form translates
// the ones in LOGIN_ERRORS.
export { LOGIN_ERRORS } from "./browser";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

function forwardedFor(headers: Record<string, unknown> | undefined): string | undefined {
  const v = headers?.["x-forwarded-for"];
  return typeof v === "string" ? v : undefined;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Explicit rather than next-auth's guess from NEXTAUTH_URL: the proxy reads the same cookie name.
  useSecureCookies: servedOverHttps,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid");
        // next-auth passes the request headers only; see lib/security/client-address.ts for what
        // `next start` puts into X-Forwarded-For and which entry is believed.
        const ip = clientAddress(forwardedFor(req?.headers as Record<string, unknown> | undefined), trustedProxies);
        const result = await verifyLogin(await getDb(), parsed.data.email, parsed.data.password, ip, {
          maxAttempts: env.LOGIN_MAX_ATTEMPTS,
          maxAttemptsPerAccount: env.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
          windowMinutes: env.LOGIN_WINDOW_MINUTES,
        });
        if (!result.ok) throw new Error(result.reason);
        const u = result.user;
        return {
          id: String(u.id),
          email: u.email,
          name: u.name,
          role: u.role,
          departmentId: u.departmentId,
          sessionVersion: result.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.departmentId = user.departmentId ?? null;
        token.sv = user.sessionVersion;
        token.sid = crypto.randomUUID();
        token.signedInAt = epochSeconds(new Date());
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.uid,
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role,
        departmentId: token.departmentId ?? null,
      };
      session.claims = { sessionVersion: token.sv, sid: token.sid, signedInAt: token.signedInAt };
      return session;
    },
  },
  events: {
    // The cookie is deleted in this browser, but a copy of it would stay valid until it expires:
    // remember this session as logged out.
    async signOut({ token }) {
      if (!token?.sid || typeof token.signedInAt !== "number") return;
      await revokeSession(await getDb(), {
        sid: token.sid,
        userId: typeof token.uid === "number" ? token.uid : null,
        expiresAt: sessionEnd(token.signedInAt),
      });
    },
  },
};

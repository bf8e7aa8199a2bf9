import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { revokeSession, verifyLogin } from "@/db/queries/auth";
import { ssoSignIn } from "@/db/queries/sso";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { groupsFromClaim } from "@/lib/auth/group-map";
import { authSecret, env, servedOverHttps, ssoEnabled, trustedProxies } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import { epochSeconds, SESSION_MAX_AGE_SECONDS, sessionEnd } from "@/lib/security/session-policy";

// next-auth passes a message thrown in authorize() through as `error`; the login form translates
// the ones in LOGIN_ERRORS.
export { LOGIN_ERRORS } from "./browser";

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  /** The second factor, sent once the first answer was "totp_required". */
  code: z.string().max(40).optional(),
});

function forwardedFor(headers: Record<string, unknown> | undefined): string | undefined {
  const v = headers?.["x-forwarded-for"];
  return typeof v === "string" ? v : undefined;
}

type Claims = Record<string, unknown>;

function text(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/**
 * The company directory (Entra ID, Keycloak, any OpenID Connect issuer): authorization code flow
 * with PKCE, state and nonce checked, identity from the signed ID token. Whether the person may
 * enter, and as what, is decided in the signIn callback from their groups.
 */
function directoryProvider(): OAuthConfig<Claims> {
  return {
    id: "oidc",
    name: env.OIDC_LABEL,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      // Role, department and session version are placeholders: the jwt callback reads them from
      // the account the signIn callback has just brought up to date.
      return {
        id: String(claims.sub ?? ""),
        email: text(claims.email) ?? text(claims.preferred_username),
        name: text(claims.name),
        role: "employee",
        departmentId: null,
        sessionVersion: -1,
      };
    },
  };
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
        // SSO only: the password form is hidden, and this endpoint refuses whatever it is sent.
        if (env.LOCAL_LOGIN === "false") throw new Error("local_login_disabled");
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid");
        // next-auth passes the request headers only; see lib/security/client-address.ts for what
        // `next start` puts into X-Forwarded-For and which entry is believed.
        const ip = clientAddress(forwardedFor(req?.headers as Record<string, unknown> | undefined), trustedProxies);
        const result = await verifyLogin(await getDb(), parsed.data.email, parsed.data.password, ip, {
          maxAttempts: env.LOGIN_MAX_ATTEMPTS,
          maxAttemptsPerAccount: env.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
          windowMinutes: env.LOGIN_WINDOW_MINUTES,
        }, new Date(), parsed.data.code);
        if (!result.ok) throw new Error(result.reason);
        const u = result.user;
        // Break-glass access: with LOCAL_LOGIN=admins everyone else signs in through the directory.
        if (env.LOCAL_LOGIN === "admins" && u.role !== "admin") throw new Error("local_login_disabled");
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
    ...(ssoEnabled ? [directoryProvider()] : []),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const claims = (profile ?? {}) as Claims;
      const result = await ssoSignIn(await getDb(), {
        subject: text(claims.sub) ?? "",
        email: text(claims.email) ?? text(claims.preferred_username),
        emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : null,
        name: text(claims.name),
        groups: groupsFromClaim(claims[env.OIDC_GROUPS_CLAIM]),
        locale: text(claims.locale),
      });
      // The login page explains each refusal.
      return result.ok ? true : `/login?error=${result.reason}`;
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === "oidc") {
        // The signIn callback has just created or updated this account; the token carries its state.
        const [u] = await (await getDb()).select().from(users).where(eq(users.email, String(user.email).toLowerCase())).limit(1);
        if (!u) throw new Error("sso account missing");
        token.uid = u.id;
        token.name = u.name;
        token.email = u.email;
        token.role = u.role;
        token.departmentId = u.departmentId;
        token.sv = u.sessionVersion;
        token.sid = crypto.randomUUID();
        token.signedInAt = epochSeconds(new Date());
        token.via = "sso";
      } else if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.departmentId = user.departmentId ?? null;
        token.sv = user.sessionVersion;
        token.sid = crypto.randomUUID();
        token.signedInAt = epochSeconds(new Date());
        token.via = "password";
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
      session.claims = { sessionVersion: token.sv, sid: token.sid, signedInAt: token.signedInAt, via: token.via ?? "password" };
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

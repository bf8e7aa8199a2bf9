import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { verifyLogin } from "@/db/queries/auth";
import { getDb } from "@/db";
import { authSecret, env } from "@/lib/env";

/** Login failures the login form translates; next-auth passes the thrown message through as `error`. */
export const LOGIN_ERRORS = ["invalid", "deactivated", "throttled"] as const;

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid");
        const result = await verifyLogin(
          await getDb(),
          parsed.data.email,
          parsed.data.password,
          clientIp(req?.headers as Record<string, unknown> | undefined),
          { maxAttempts: env.LOGIN_MAX_ATTEMPTS, windowMinutes: env.LOGIN_WINDOW_MINUTES },
        );
        if (!result.ok) throw new Error(result.reason);
        const u = result.user;
        return { id: String(u.id), email: u.email, name: u.name, role: u.role, departmentId: u.departmentId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.departmentId = user.departmentId ?? null;
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
      return session;
    },
  },
};

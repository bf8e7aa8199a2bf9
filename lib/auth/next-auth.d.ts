import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role: Role;
    departmentId: number | null;
    sessionVersion: number;
  }
  interface Session {
    user: { id: number; name: string; email: string; role: Role; departmentId: number | null };
    /** What the server compares with the database on every request (see lib/auth/session.ts). */
    claims: { sessionVersion: number; sid: string; signedInAt: number; via?: "password" | "sso" };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    departmentId: number | null;
    /** users.session_version at sign-in. */
    sv: number;
    /** Random id of this sign-in. */
    sid: string;
    /** Sign-in time, seconds since the epoch; the session ends SESSION_MAX_AGE_SECONDS later. */
    signedInAt: number;
    /** How this session signed in: the password form, or the company directory. */
    via?: "password" | "sso";
  }
}

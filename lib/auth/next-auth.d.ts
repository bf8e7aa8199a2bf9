import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role: Role;
    departmentId: number | null;
  }
  interface Session {
    user: { id: number; name: string; email: string; role: Role; departmentId: number | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    departmentId: number | null;
  }
}

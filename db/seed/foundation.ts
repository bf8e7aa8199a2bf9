import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { type DepartmentKind, departments, type Role, users } from "../schema";
import { hashPassword } from "../queries/users";
import type { SignoffFunction } from "@/lib/guidelines/lifecycle";

export const DEMO_PASSWORD = "demo-password";

/** The demo company: Brenner Antriebstechnik GmbH, a drive-technology manufacturer near Stuttgart. */
export const DEMO_DEPARTMENTS: { slug: string; name: string; kind: DepartmentKind }[] = [
  { slug: "forschung-entwicklung", name: "Forschung & Entwicklung", kind: "rnd" },
  { slug: "kundenservice", name: "Kundenservice", kind: "service" },
  { slug: "personal", name: "Personal", kind: "hr" },
  { slug: "vertrieb", name: "Vertrieb", kind: "sales" },
  { slug: "marketing", name: "Marketing", kind: "marketing" },
  { slug: "unternehmenskommunikation", name: "Unternehmenskommunikation", kind: "communications" },
  { slug: "finanzen", name: "Finanzen & Controlling", kind: "finance" },
  { slug: "produktion", name: "Produktion", kind: "production" },
];

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  department: string | null;
  headOf?: string;
  login?: string;
  signoffFunctions?: SignoffFunction[];
}

/** `login` marks the accounts printed at start; the others make the company look inhabited. */
export const DEMO_USERS: DemoUser[] = [
  { email: "admin@example.com", name: "Petra Albrecht", role: "admin", department: null, login: "IT-Administration" },
  { email: "manager@example.com", name: "Jonas Weber", role: "manager", department: "unternehmenskommunikation", login: "Social-Media-Management (zentrale Einheit)" },
  { email: "head.rnd@example.com", name: "Dr. Katrin Hoffmann", role: "department_head", department: "forschung-entwicklung", headOf: "forschung-entwicklung", login: "Leitung Forschung & Entwicklung" },
  { email: "head.service@example.com", name: "Markus Schäfer", role: "department_head", department: "kundenservice", headOf: "kundenservice", login: "Leitung Kundenservice" },
  { email: "head.hr@example.com", name: "Sabine Krüger", role: "department_head", department: "personal", headOf: "personal", login: "Leitung Personal" },
  { email: "head.sales@example.com", name: "Thomas Becker", role: "department_head", department: "vertrieb", headOf: "vertrieb", login: "Leitung Vertrieb" },
  { email: "exec@example.com", name: "Dr. Martin Brenner", role: "executive", department: null, login: "Geschäftsführung" },
  { email: "employee@example.com", name: "Lena Fischer", role: "employee", department: "marketing", login: "Mitarbeiterin Marketing" },
  // The signatories sign guideline versions themselves; the (external) data protection officer has no login.
  { email: "betriebsrat@example.com", name: "Monika Hahn", role: "employee", department: "produktion", login: "Betriebsratsvorsitzende (Freigabe Betriebsrat)", signoffFunctions: ["works_council"] },
  { email: "recht@example.com", name: "Dr. Claudia Berger", role: "employee", department: null, login: "Rechtsabteilung (Freigabe Recht)", signoffFunctions: ["legal"] },
  { email: "head.marketing@example.com", name: "Julia Neumann", role: "department_head", department: "marketing", headOf: "marketing" },
  { email: "head.production@example.com", name: "Uwe Zimmermann", role: "department_head", department: "produktion", headOf: "produktion" },
  { email: "anna.schmidt@example.com", name: "Anna Schmidt", role: "employee", department: "vertrieb" },
  { email: "felix.wagner@example.com", name: "Felix Wagner", role: "employee", department: "forschung-entwicklung" },
  { email: "mia.schulz@example.com", name: "Mia Schulz", role: "employee", department: "kundenservice" },
  { email: "lukas.meyer@example.com", name: "Lukas Meyer", role: "employee", department: "personal" },
  { email: "sophie.wolf@example.com", name: "Sophie Wolf", role: "manager", department: "unternehmenskommunikation", signoffFunctions: ["communications"] },
  { email: "david.braun@example.com", name: "David Braun", role: "employee", department: "produktion" },
  { email: "laura.richter@example.com", name: "Laura Richter", role: "employee", department: "kundenservice" },
  { email: "paul.klein@example.com", name: "Paul Klein", role: "employee", department: "forschung-entwicklung", },
  { email: "emma.lang@example.com", name: "Emma Lang", role: "employee", department: "finanzen" },
];

export const DEMO_LOGINS = DEMO_USERS.filter((u) => u.login).map((u) => ({ email: u.email, role: u.role, label: u.login! }));

export async function seedFoundation(db: Executor): Promise<void> {
  await db.insert(departments).values(DEMO_DEPARTMENTS).onConflictDoNothing({ target: departments.slug });
  const deps = await db
    .select({ id: departments.id, slug: departments.slug })
    .from(departments)
    .where(inArray(departments.slug, DEMO_DEPARTMENTS.map((d) => d.slug)));
  const depId = new Map(deps.map((d) => [d.slug, d.id]));

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(
      DEMO_USERS.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        departmentId: u.department ? depId.get(u.department)! : null,
        passwordHash,
        signoffFunctions: u.signoffFunctions ?? [],
      })),
    )
    .onConflictDoNothing({ target: users.email });

  const rows = await db.select({ id: users.id, email: users.email }).from(users);
  const userId = new Map(rows.map((r) => [r.email, r.id]));
  for (const u of DEMO_USERS) {
    if (!u.headOf) continue;
    await db
      .update(departments)
      .set({ headUserId: userId.get(u.email)! })
      .where(eq(departments.slug, u.headOf));
  }
}

"use server";

import { revalidatePath } from "next/cache";
import { deleteGroupMapping, saveGroupMapping, setSsoDefaultRole } from "@/db/queries/sso";
import { setTotpRequiredRoles } from "@/db/queries/two-factor";
import type { Role } from "@/db/schema";
import { action } from "@/lib/actions";
import { ssoDefaultRoleSchema, ssoMappingDeleteSchema, ssoMappingSchema, twoFactorRolesSchema } from "@/lib/schemas/admin";

// Who may enter through the company directory, and as what, is user administration.
export const saveSsoMappingAction = action({
  permission: "admin:users",
  schema: ssoMappingSchema,
  run: async ({ id, ...input }, { db, user }) => {
    const row = await saveGroupMapping(db, user.id, input, id ?? undefined);
    revalidatePath("/admin/sso");
    return { id: row.id, groupName: row.groupName, updated: id != null };
  },
});

export const deleteSsoMappingAction = action({
  permission: "admin:users",
  schema: ssoMappingDeleteSchema,
  run: async ({ id }, { db, user }) => {
    await deleteGroupMapping(db, user.id, id);
    revalidatePath("/admin/sso");
    return { id };
  },
});

export const setSsoDefaultRoleAction = action({
  permission: "admin:users",
  schema: ssoDefaultRoleSchema,
  run: async ({ defaultRole }, { db, user }) => {
    await setSsoDefaultRole(db, user.id, defaultRole === "" ? null : (defaultRole as Role));
    revalidatePath("/admin/sso");
    return { defaultRole };
  },
});

export const setTwoFactorRolesAction = action({
  permission: "admin:users",
  schema: twoFactorRolesSchema,
  run: async ({ roles }, { db, user }) => {
    await setTotpRequiredRoles(db, user.id, roles);
    revalidatePath("/admin/sso");
    return { roles };
  },
});

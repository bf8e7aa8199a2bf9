"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { createDepartment, updateDepartment } from "@/db/queries/departments";
import { disableTwoFactor } from "@/db/queries/two-factor";
import { createUser, resetPassword, updateUser } from "@/db/queries/users";
import { action } from "@/lib/actions";
import {
  createTokenSchema,
  createUserSchema,
  departmentSchema,
  resetPasswordSchema,
  resetTwoFactorSchema,
  revokeTokenSchema,
  updateDepartmentSchema,
  updateUserSchema,
} from "@/lib/schemas/admin";

export const createUserAction = action({
  permission: "admin:users",
  schema: createUserSchema,
  run: async (input, { db, user }) => {
    const created = await createUser(db, user.id, input);
    revalidatePath("/admin/users");
    return { id: created.id, email: created.email };
  },
});

export const updateUserAction = action({
  permission: "admin:users",
  schema: updateUserSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateUser(db, user.id, id, input);
    revalidatePath("/admin/users");
    return { id };
  },
});

export const resetPasswordAction = action({
  permission: "admin:users",
  schema: resetPasswordSchema,
  run: async ({ id, password }, { db, user }) => {
    await resetPassword(db, user.id, id, password);
    return { id };
  },
});

/** For someone who lost both their phone and their recovery codes: they set it up anew at their next sign-in. */
export const resetTwoFactorAction = action({
  permission: "admin:users",
  schema: resetTwoFactorSchema,
  run: async ({ id }, { db, user }) => {
    await disableTwoFactor(db, user.id, id, null);
    revalidatePath(`/admin/users/${id}`);
    return { id };
  },
});

export const createDepartmentAction = action({
  permission: "admin:departments",
  schema: departmentSchema,
  run: async (input, { db, user }) => {
    const row = await createDepartment(db, user.id, input);
    revalidatePath("/admin/departments");
    return { id: row.id, name: row.name };
  },
});

export const updateDepartmentAction = action({
  permission: "admin:departments",
  schema: updateDepartmentSchema,
  run: async ({ id, ...input }, { db, user }) => {
    await updateDepartment(db, user.id, id, input);
    revalidatePath("/admin/departments");
    return { id };
  },
});

export const createTokenAction = action({
  permission: "admin:tokens",
  schema: createTokenSchema,
  run: async (input, { db, user }) => {
    const created = await createApiToken(db, user.id, input);
    revalidatePath("/admin/tokens");
    return { id: created.id, name: created.name, token: created.token };
  },
});

export const revokeTokenAction = action({
  permission: "admin:tokens",
  schema: revokeTokenSchema,
  run: async ({ id }, { db, user }) => {
    await revokeApiToken(db, user.id, id);
    revalidatePath("/admin/tokens");
    return { id };
  },
});

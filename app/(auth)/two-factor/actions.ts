"use server";

import QRCode from "qrcode";
import { z } from "zod";
import { confirmTotpEnrolment, disableTwoFactor, regenerateRecoveryCodes, startTotpEnrolment } from "@/db/queries/two-factor";
import { action } from "@/lib/actions";

const codeSchema = z.object({ code: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(40, "validation.tooLong") });

// A person's own second factor: every signed-in user, also one who must set it up before anything else.
export const startTwoFactorAction = action({
  permission: "authenticated",
  duringTwoFactorSetup: true,
  schema: z.object({}),
  run: async (_input, { db, user }) => {
    const { secret, uri } = await startTotpEnrolment(db, user.id);
    // An image the page shows as data: URL; the app's key never leaves in any other form than this and the text.
    const qr = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return { secret, qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}` };
  },
});

export const confirmTwoFactorAction = action({
  permission: "authenticated",
  duringTwoFactorSetup: true,
  schema: codeSchema,
  run: async ({ code }, { db, user }) => ({ recoveryCodes: await confirmTotpEnrolment(db, user.id, code) }),
});

export const renewRecoveryCodesAction = action({
  permission: "authenticated",
  duringTwoFactorSetup: true,
  schema: codeSchema,
  run: async ({ code }, { db, user }) => ({ recoveryCodes: await regenerateRecoveryCodes(db, user.id, code) }),
});

export const disableTwoFactorAction = action({
  permission: "authenticated",
  duringTwoFactorSetup: true,
  schema: codeSchema,
  run: async ({ code }, { db, user }) => {
    await disableTwoFactor(db, user.id, user.id, code);
    return { off: true };
  },
});

"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { queueMail } from "@/lib/mail/queue";
import { MailSendError, sendQueuedMail } from "@/lib/mail/send";

/**
 * Sends a test mail to the signed-in admin and answers what became of it. Unlike notifications it
 * is sent right away, because the admin is waiting to see whether the SMTP setup works.
 */
export const sendTestMailAction = action({
  permission: "admin:audit",
  schema: z.object({}),
  run: async (_input, { db, user }) => {
    const { id } = await queueMail(db, {
      kind: "test",
      data: { recipientName: user.name },
      to: user.email,
      recipientId: user.id,
      locale: user.locale,
      // Every click is its own test: a fresh key, so nothing is deduplicated away.
      dedupeKey: `test:${user.id}:${randomUUID()}`,
    });
    let status: string;
    let error: string | null = null;
    try {
      status = await sendQueuedMail(db, id);
    } catch (err) {
      if (!(err instanceof MailSendError)) throw err;
      status = "queued";
      error = err.message;
    }
    revalidatePath("/admin/outbox");
    return { id, status, error };
  },
});

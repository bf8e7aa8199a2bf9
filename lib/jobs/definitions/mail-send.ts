import { sendQueuedMail } from "@/lib/mail/send";
import { defineJob } from "../define";

/**
 * Sends one outbox mail. Without SMTP_URL the mail is kept in the outbox (Admin → Outbox) and
 * never sent later; an SMTP failure throws, so the queue retries with backoff for about a day,
 * after which the mail is marked failed (an admin can still send it again). Sending twice is
 * safe: a sent or kept mail is left alone.
 */
export const mailSendJob = defineJob<{ mailId: number }>({
  name: "mail.send",
  parse: (data) => {
    const id = (data as { mailId?: unknown })?.mailId;
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 1) throw new Error("mail.send: mailId must be a positive integer");
    return { mailId: id };
  },
  retry: { limit: 10, delaySeconds: 60, backoff: true },
  handler: async ({ mailId }, { db }) => ({ status: await sendQueuedMail(db, mailId, { maxAttempts: 11 }) }),
});

import type { Executor } from "@/db/client";
import { mailSendJob } from "./definitions/mail-send";
import { enqueue } from "./enqueue";

/** Enqueues the sending of outbox mails through `ex` (the transaction that wrote them). */
export async function enqueueMailSending(ex: Executor, mailIds: number[]): Promise<void> {
  for (const mailId of mailIds) await enqueue(ex, mailSendJob, { mailId });
}

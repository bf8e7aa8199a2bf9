/**
 * Sending one outbox mail: the function a job handler calls. It never loses a mail: without an
 * SMTP server the mail is kept in the outbox; a failed attempt stays queued with its error and
 * throws, so the job queue retries it later.
 */
import type { Executor } from "@/db/client";
import { CLAIM_LEASE_SECONDS, claimMailForSending, getOutboxMail, markMailAttemptFailed, markMailKept, markMailSent } from "@/db/queries/mail";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { OutboxStatus } from "@/lib/enums";
import { createSmtpMailer, type Mailer } from "./transport";

let configured: Mailer | null | undefined;

/** The mailer for SMTP_URL, or null when none is configured. */
export function configuredMailer(): Mailer | null {
  if (configured === undefined) configured = env.SMTP_URL ? createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }) : null;
  return configured;
}

export class MailSendError extends Error {
  constructor(
    readonly mailId: number,
    readonly attempts: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MailSendError";
  }
}

/**
 * Another sender holds the mail (status `sending`, lease not yet run out). Thrown rather than
 * answered so a job retries: if that sender died, the retry after the lease sends the mail.
 */
export class MailBusyError extends Error {
  constructor(readonly mailId: number) {
    super(`mail ${mailId} is being sent by another worker; try again after the lease (${CLAIM_LEASE_SECONDS} s)`);
    this.name = "MailBusyError";
  }
}

export interface SendOptions {
  /** Defaults to the mailer for SMTP_URL; null means "no SMTP server" (the mail is kept). */
  mailer?: Mailer | null;
  /** After this many failed attempts the mail is marked `failed` (it can still be sent again). */
  maxAttempts?: number;
}

/**
 * Sends outbox mail `id` and answers its status afterwards. A mail already sent or kept is left
 * alone (the call answers its status), so calling twice is safe. Throws MailSendError when the
 * SMTP server refused or could not be reached (the error is recorded on the mail first), and
 * MailBusyError while another worker is sending it: in both cases a job should retry later.
 */
export async function sendQueuedMail(db: Executor, id: number, opts: SendOptions = {}): Promise<OutboxStatus> {
  const mailer = opts.mailer === undefined ? configuredMailer() : opts.mailer;
  const maxAttempts = opts.maxAttempts ?? 10;
  if (!mailer) {
    const kept = await markMailKept(db, id);
    return kept ?? currentStatus(db, id);
  }
  const mail = await claimMailForSending(db, id);
  if (!mail) {
    const status = await currentStatus(db, id);
    if (status === "sending") throw new MailBusyError(id);
    return status;
  }
  try {
    await mailer.send({
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      messageId: `<outbox-${mail.id}-${mail.createdAt.getTime()}@${messageIdDomain(env.MAIL_FROM)}>`,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await markMailAttemptFailed(db, id, message, mail.attempts >= maxAttempts);
    throw new MailSendError(id, mail.attempts, `mail ${id} not sent (attempt ${mail.attempts}): ${message}`, { cause: err });
  }
  await markMailSent(db, id);
  return "sent";
}

async function currentStatus(db: Executor, id: number): Promise<OutboxStatus> {
  const row = await getOutboxMail(db, id);
  if (!row) throw new AppError("not_found", `outbox mail ${id} not found`);
  return row.status;
}

function messageIdDomain(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m ? m[1] : "localhost";
}

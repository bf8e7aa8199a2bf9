/**
 * Rendering and enqueuing in one step: what a notification calls for each recipient. Sending is a
 * separate step (sendQueuedMail), done by a job so the action that caused the mail never waits
 * for or fails with the SMTP server.
 */
import type { Executor } from "@/db/client";
import { enqueueMail } from "@/db/queries/mail";
import type { Locale } from "@/lib/enums";
import { appUrl } from "@/lib/env";
import { type MailKind, type MailTemplates, renderMail } from "./templates";

export async function queueMail<K extends MailKind>(
  db: Executor,
  m: { kind: K; data: MailTemplates[K]; to: string; recipientId?: number | null; locale: Locale; dedupeKey: string },
): Promise<{ id: number; created: boolean }> {
  const rendered = renderMail(m.kind, m.locale, m.data, { appUrl: appUrl() });
  return enqueueMail(db, { to: m.to, recipientId: m.recipientId, locale: m.locale, kind: m.kind, dedupeKey: m.dedupeKey, ...rendered });
}

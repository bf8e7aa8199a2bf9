import "server-only";
import { createTranslator } from "next-intl";
import type { Executor } from "@/db/client";
import { recordFacts } from "@/db/queries/record-of-processing";
import { env } from "@/lib/env";
import type { AppLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { buildRecord, type ProcessingRecord } from "./record";

/** The installation's record of processing in `locale`, with the app's names of categories, platforms and roles. */
export async function loadRecord(db: Executor, locale: AppLocale, now: Date = new Date()): Promise<ProcessingRecord> {
  const facts = await recordFacts(db, env, now);
  // The record's own language, whatever the reader's.
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return buildRecord(facts, locale, {
    category: (c) => t(`insights.category.${c}`),
    platform: (p) => t(`channels.platforms.${p}` as "channels.platforms.instagram"),
    role: (r) => t(`common.roles.${r}` as "common.roles.admin"),
  });
}

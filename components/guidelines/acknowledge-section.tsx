import { getTranslations } from "next-intl/server";
import { ActionButton } from "./action-button";
import { DiffView } from "./diff-view";
import { acknowledgeAction } from "@/app/(dashboard)/guidelines/actions";
import { wordDiff } from "@/lib/guidelines/diff";

/**
 * The confirmation comes after the text it confirms: whoever presses it has at least scrolled past
 * what they are confirming.
 */
export async function AcknowledgeSection({ versionId, version }: { versionId: number; version: number }) {
  const t = await getTranslations("guidelines");
  return (
    <section aria-labelledby="acknowledge" className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="acknowledge-section">
      <h3 id="acknowledge" className="font-semibold text-amber-950">
        {t("ack.pendingTitle")}
      </h3>
      <p className="mb-3 mt-1 text-sm text-amber-950">{t("ack.afterText", { version })}</p>
      <ActionButton action={acknowledgeAction} fields={{ versionId }} label={t("ack.confirm")} success={t("ack.recorded", { version })} />
    </section>
  );
}

/** What changed since the version this person last confirmed: they need not reread what they know. */
export async function ChangesSinceAcknowledged({ from, to }: { from: { version: number; bodyMd: string }; to: { version: number; bodyMd: string } }) {
  const t = await getTranslations("guidelines");
  const diff = wordDiff(from.bodyMd, to.bodyMd);
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="changes-since-ack">
      <summary className="cursor-pointer text-sm font-medium text-blue-800">
        {t("ack.changesSince", { from: from.version, to: to.version, added: diff.addedWords, removed: diff.removedWords })}
      </summary>
      <div className="mt-3">
        <DiffView diff={diff} />
      </div>
    </details>
  );
}

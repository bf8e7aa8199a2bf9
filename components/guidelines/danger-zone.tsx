import { getTranslations } from "next-intl/server";
import { ActionButton } from "./action-button";
import { transitionAction } from "@/app/(dashboard)/guidelines/actions";

/** Actions that end something, apart from the text and behind a confirmation. */
export async function DangerZone({ versionId, version }: { versionId: number; version: number }) {
  const t = await getTranslations("guidelines");
  return (
    <section aria-labelledby="danger-zone" className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
      <h2 id="danger-zone" className="text-lg font-semibold text-red-900">
        {t("dangerZone.title")}
      </h2>
      <p className="mb-3 mt-1 text-sm text-slate-700">{t("dangerZone.archiveHint", { version })}</p>
      <ActionButton
        action={transitionAction}
        fields={{ versionId, event: "archive" }}
        label={t("dangerZone.archive")}
        confirm={t("confirm.archive")}
        confirmLabel={t("dangerZone.archiveConfirm")}
        success={t("done.archive")}
        variant="danger"
      />
    </section>
  );
}

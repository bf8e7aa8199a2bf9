import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import type { SignoffDto } from "@/db/queries/guidelines";
import type { SignoffFunction, SignoffState } from "@/lib/guidelines/lifecycle";

/** Where each required sign-off stands in the current round, and every sign-off ever recorded for the version. */
export async function SignoffList({ required, state, signoffs }: { required: SignoffFunction[]; state: SignoffState; signoffs: SignoffDto[] }) {
  const t = await getTranslations("guidelines");
  const format = await getFormatter();
  return (
    <div className="space-y-3">
      {required.length ? (
        <SignoffStates required={required} decisions={state.decisions} />
      ) : (
        <p className="text-sm text-slate-600">{t("signoff.noneRequired")}</p>
      )}
      {signoffs.length ? (
        <ol className="space-y-2 text-sm" aria-label={t("signoff.historyLabel")} data-testid="signoff-history">
          {signoffs.map((s) => (
            <li key={s.id} className="rounded border border-slate-200 bg-slate-50 p-2" data-testid="signoff">
              <span className="font-medium">{t(`functions.${s.function}`)}</span> · {t(`decisions.${s.decision}`)} · {s.signatoryName}
              <span className="text-slate-600"> · {format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
              <p className="text-xs text-slate-600">
                {s.signatoryId !== null
                  ? t("signoff.signedOwn")
                  : t("signoff.recordedOnBehalf", { name: s.recordedByName ?? t("signoff.unknownRecorder"), reference: s.onBehalfReference ?? t("signoff.noReference") })}
              </p>
              {s.comment ? <p className="mt-1 break-words text-slate-700">„{s.comment}“</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/** One badge per required sign-off function: approved, rejected or still pending in this round. */
export async function SignoffStates({ required, decisions, className }: { required: SignoffFunction[]; decisions: SignoffState["decisions"]; className?: string }) {
  const t = await getTranslations("guidelines");
  return (
    <ul className={cn("flex flex-wrap gap-2", className)} aria-label={t("signoff.requiredLabel")}>
      {required.map((f) => {
        const d = decisions[f];
        return (
          <li key={f}>
            <Badge tone={d === "approved" ? "green" : d === "rejected" ? "red" : "amber"}>
              {t(`functions.${f}`)}: {d ? t(`decisions.${d}`) : t("decisions.pending")}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}

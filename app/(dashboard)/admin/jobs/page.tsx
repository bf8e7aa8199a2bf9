import { getFormatter, getTranslations } from "next-intl/server";
import { RetryJobButton } from "@/components/admin/retry-job-button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { JOB_STATES, jobsOverview } from "@/db/queries/jobs";
import { requirePagePermission } from "@/lib/auth/session";
import { sectionPageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = () => sectionPageTitle("admin.tabs.jobs", "admin.title");

const STATE_TONE = { created: "slate", retry: "amber", active: "blue", completed: "green", failed: "red" } as const;

export default async function JobsPage() {
  await requirePagePermission("admin:jobs");
  const { queues, schedules, failures } = await jobsOverview(await getDb(), new Date());
  const t = await getTranslations("admin.jobs");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  // Queue names are code (`crisis.evaluate`); people read what the job does.
  const key = (name: string) => name.replace(/[^a-z0-9]/gi, "_");
  const label = (name: string) => (t.has(`queueLabel.${key(name)}`) ? t(`queueLabel.${key(name)}`) : name);
  const hasJobs = queues.some((q) => JOB_STATES.some((s) => q.counts[s] > 0));

  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-slate-600">{t("lead")}</p>

      <section aria-labelledby="jobs-queues" className="space-y-2">
        <h2 id="jobs-queues" className="text-lg font-semibold text-slate-900">
          {t("queuesTitle")}
        </h2>
        {!hasJobs ? (
          <EmptyState title={t("empty")} body={t("emptyHint")} />
        ) : (
          <>
            <Table aria-label={t("queuesTitle")}>
              <thead>
                <tr>
                  <Th>{t("queue")}</Th>
                  {JOB_STATES.map((s) => (
                    <Th key={s} className="text-right">
                      {t(`state.${s}`)}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => (
                  <tr key={q.name} data-testid="job-queue">
                    <Td>
                      <div className="font-medium">{label(q.name)}</div>
                      <code className="text-xs text-slate-600">{q.name}</code>
                    </Td>
                    {JOB_STATES.map((s) => (
                      <Td key={s} className="text-right tabular-nums">
                        {q.counts[s] > 0 && (s === "failed" || s === "retry") ? <Badge tone={STATE_TONE[s]}>{format.number(q.counts[s])}</Badge> : format.number(q.counts[s])}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
            <p className="text-sm text-slate-600">{t("queuesHint")}</p>
          </>
        )}
      </section>

      <section aria-labelledby="jobs-schedules" className="space-y-2">
        <h2 id="jobs-schedules" className="text-lg font-semibold text-slate-900">
          {t("schedulesTitle")}
        </h2>
        {schedules.length === 0 ? (
          <p className="text-slate-600">{t("noSchedules")}</p>
        ) : (
          <Table aria-label={t("schedulesTitle")}>
            <thead>
              <tr>
                <Th>{t("queue")}</Th>
                <Th>{t("schedule")}</Th>
                <Th>{t("nextRun")}</Th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((s) => (
                <tr key={s.name} data-testid="job-schedule">
                  <Td className="font-medium">{label(s.name)}</Td>
                  <Td>
                    {t.has(`scheduleText.${key(s.name)}`) ? t(`scheduleText.${key(s.name)}`) : null}
                    <div>
                      <code className="text-xs text-slate-600" title={t("cron")}>
                        {s.cron} ({s.timezone})
                      </code>
                    </div>
                  </Td>
                  <Td>{when(s.nextRunAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="jobs-failures" className="space-y-2">
        <h2 id="jobs-failures" tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
          {t("failuresTitle")}
        </h2>
        {failures.length === 0 ? (
          <p className="text-slate-600">{t("noFailures")}</p>
        ) : (
          <ul className="space-y-3">
            {failures.map((f) => (
              <li key={f.id} data-testid="failed-job">
                <Card className="space-y-2 p-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-medium text-slate-900">{label(f.queue)}</h3>
                    <span className="text-sm text-slate-600">
                      {t("failedAt")} {when(f.failedAt)} · {t("attempts")}: {format.number(f.attempts)}
                    </span>
                  </div>
                  <p className="text-sm">
                    <span className="font-medium text-slate-700">{t("error")}: </span>
                    <code className="break-words text-red-800">{f.error || "—"}</code>
                  </p>
                  <RetryJobButton id={f.id} queue={f.queue} queueLabel={label(f.queue)} />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

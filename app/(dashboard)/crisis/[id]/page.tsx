import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { dismissCrisisAction } from "../actions";
import { BackLink } from "@/components/crisis/back-link";
import { AddInsightForm } from "@/components/crisis/add-insight-form";
import { AutoRefresh } from "@/components/crisis/auto-refresh";
import { Checklist } from "@/components/crisis/checklist";
import { CloseCrisisForm } from "@/components/crisis/close-form";
import { BriefingForm } from "@/components/crisis/briefing-form";
import { StatementUseForm } from "@/components/crisis/statement-use-form";
import { DiffView } from "@/components/guidelines/diff-view";
import { CrisisForm } from "@/components/crisis/crisis-form";
import { LessonsForm } from "@/components/crisis/lessons-form";
import { VolumeChart } from "@/components/crisis/volume-chart-lazy";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import {
  crisisChecklist,
  crisisInsightPage,
  crisisPeople,
  crisisScopeOf,
  crisisTimeline,
  crisisVisible,
  crisisVolume,
  getCrisis,
  earlierLessons,
  listPlaybooks,
  postMortemInput,
} from "@/db/queries/crises";
import { advocatesForBriefing, crisisBriefingRecipientsOf } from "@/db/queries/briefings";
import { listChannelOptions } from "@/db/queries/routing-rules";
import { approvedStatements, channelNames, crisisStatementsOf } from "@/db/queries/statements";
import { requirePagePermission } from "@/lib/auth/session";
import { stepState } from "@/lib/crisis/checklist";
import { wordDiff } from "@/lib/guidelines/diff";
import { reach } from "@/lib/crisis/reach";
import { INSIGHT_LANGUAGES, PLATFORMS } from "@/lib/enums";
import { enumParam } from "@/lib/search-params";
import { formatMinutes, postMortem } from "@/lib/crisis/post-mortem";
import { timelineWording } from "@/lib/crisis/timeline-text";
import { namedPageTitle } from "@/lib/i18n/page-title";
import { can } from "@/lib/permissions";

type Params = Promise<{ id: string }>;
type SP = Promise<Record<string, string | string[] | undefined>>;

function crisisId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: { params: Params }) {
  const id = crisisId((await params).id);
  const c = id ? await getCrisis(await getDb(), id) : undefined;
  return namedPageTitle(c?.title ?? "–", "crisis.room.kind");
}

/** `before=<iso>_<id>`: the page of insights older than that one (keyset). */
function cursorOf(sp: Record<string, string | string[] | undefined>) {
  const raw = typeof sp.before === "string" ? sp.before : "";
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d{1,15})$/.exec(raw);
  if (!m || Number.isNaN(Date.parse(m[1]))) return undefined;
  return { occurredAt: new Date(m[1]), id: Number(m[2]) };
}

const STATUS_TONE = { draft: "amber", active: "red", closed: "slate", dismissed: "slate" } as const;

export default async function CrisisRoomPage({ params, searchParams }: { params: Params; searchParams: SP }) {
  const user = await requirePagePermission("crisis:read");
  const id = crisisId((await params).id);
  if (!id) notFound();
  const db = await getDb();
  const scope = await crisisScopeOf(db, user);
  if (!scope) forbidden();
  const c = await getCrisis(db, id);
  if (!c) notFound();
  if (!(await crisisVisible(db, scope, id))) forbidden();
  const sp = await searchParams;
  const before = cursorOf(sp);
  const now = new Date();
  const manage = can(user.role, "crisis:manage");
  const live = c.status === "draft" || c.status === "active";
  const selection = {
    platform: enumParam(sp, "ap", PLATFORMS),
    language: enumParam(sp, "al", INSIGHT_LANGUAGES),
    topic: typeof sp.at === "string" ? sp.at.trim().slice(0, 80) || undefined : undefined,
  };
  const [volume, page, steps, timeline, people, playbooks, channels, briefed, candidates, lessons, used, approved] = await Promise.all([
    crisisVolume(db, c, now),
    crisisInsightPage(db, c, before),
    crisisChecklist(db, id),
    crisisTimeline(db, id),
    manage ? crisisPeople(db) : Promise.resolve([]),
    manage && c.status === "draft" ? listPlaybooks(db) : Promise.resolve([]),
    manage && c.status !== "closed" && c.status !== "dismissed" ? listChannelOptions(db) : Promise.resolve([]),
    crisisBriefingRecipientsOf(db, id),
    manage && c.status === "active" ? advocatesForBriefing(db, selection, now) : Promise.resolve([]),
    live ? earlierLessons(db, c) : Promise.resolve([]),
    crisisStatementsOf(db, id),
    manage && c.status === "active" ? approvedStatements(db, c.crisisType) : Promise.resolve([]),
  ]);
  const postedNames = await channelNames(db, used.flatMap((u) => u.channelIds));
  const activation = reach(briefed);
  const t = await getTranslations("crisis");
  const tch = await getTranslations("channels");
  const f = await getFormatter();
  const word = await timelineWording();
  const pmInput = c.status === "closed" ? await postMortemInput(db, c) : null;
  const pm = pmInput ? postMortem(pmInput) : null;
  const when = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const last = page.rows.at(-1);
  const olderHref = last && page.rows.length === 50 ? `/crisis/${id}?before=${last.occurredAt.toISOString()}_${last.id}` : null;
  const share = page.total ? Math.round((page.negative / page.total) * 100) : null;

  return (
    <>
      <BackLink href="/crisis" label={t("title")} />
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold text-slate-900">{c.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone={STATUS_TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge>
            <span>{t(`severities.${c.severity}`)}</span>
            {c.crisisType ? <span>· {t(`types.${c.crisisType}`)}</span> : null}
            <span>· {t("room.since", { time: when(c.startedAt) })}</span>
            {c.closedAt ? <span>· {t("room.closedAt", { time: when(c.closedAt) })}</span> : null}
          </p>
        </div>
        {live ? <AutoRefresh /> : null}
      </div>

      <dl className="mb-6 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("fields.lead")}</dt>
          <dd className="text-slate-900">{c.leadName ?? t("fields.noLead")}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("fields.playbook")}</dt>
          <dd className="text-slate-900">{c.playbookName ?? t("fields.noPlaybook")}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("fields.channels")}</dt>
          <dd className="break-words text-slate-900">{c.channels.length ? c.channels.map((ch) => ch.name).join(", ") : t("room.allChannels")}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("fields.topics")}</dt>
          <dd className="break-words text-slate-900">{c.topics.length ? c.topics.join(", ") : t("room.noTopics")}</dd>
        </div>
      </dl>

      {c.summary ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold text-slate-900">{t("close.summary")}</h2>
          <p className="whitespace-pre-wrap break-words text-slate-800">{c.summary}</p>
        </Card>
      ) : null}

      {pm ? (
        <Card className="mb-6">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold text-slate-900">{t("postMortem.title")}</h2>
            <a href={`/api/crisis/${id}/post-mortem`} className="text-sm text-blue-800 underline-offset-2 hover:underline" download>
              {t("postMortem.export")}
            </a>
          </div>
          <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <dt className="text-slate-600">{t("postMortem.duration")}</dt>
              <dd className="text-slate-900">{formatMinutes(pm.durationMinutes)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("postMortem.firstResponse")}</dt>
              <dd className="text-slate-900">{pm.firstResponseMinutes == null ? "–" : formatMinutes(pm.firstResponseMinutes)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("postMortem.firstStatement")}</dt>
              <dd className="text-slate-900">{pm.firstStatementMinutes == null ? "–" : formatMinutes(pm.firstStatementMinutes)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("postMortem.peak")}</dt>
              <dd className="text-slate-900">{pm.peak ? t("postMortem.peakValue", { total: pm.peak.total, time: when(new Date(pm.peak.hour)) }) : "–"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("postMortem.insights")}</dt>
              <dd className="text-slate-900">
                {t("room.totals", { total: pm.insights, negative: pm.negative })}
                {pm.negativeShare == null ? null : ` · ${t("room.share", { share: f.number(pm.negativeShare) })}`}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("postMortem.steps")}</dt>
              <dd className="text-slate-900">{t("postMortem.onTime", { done: pm.stepsOnTime, total: pm.stepsTotal })}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("briefing.reachTitle")}</dt>
              <dd className="text-slate-900">
                {t("briefing.reach", { briefed: activation.briefed, read: activation.read, acted: activation.acted })}
                {activation.firstActionMinutes != null ? ` · ${t("briefing.firstAction", { time: formatMinutes(activation.firstActionMinutes) })}` : null}
              </dd>
            </div>
          </dl>
          {pm.lateSteps.length || pm.undoneSteps.length ? (
            <ul className="mt-3 space-y-1 text-sm text-slate-800">
              {pm.lateSteps.map((s) => (
                <li key={`late-${s.position}`}>{t("postMortem.late", { title: `${s.position}. ${s.title}`, by: formatMinutes(s.lateMinutes) })}</li>
              ))}
              {pm.undoneSteps.map((s) => (
                <li key={`undone-${s.position}`}>{t("postMortem.undone", { title: `${s.position}. ${s.title}` })}</li>
              ))}
            </ul>
          ) : null}
          <div className="mt-4">
            {manage ? (
              <LessonsForm crisisId={id} value={c.lessonsLearned} />
            ) : (
              <>
                <h3 className="font-medium text-slate-900">{t("postMortem.lessons")}</h3>
                <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{c.lessonsLearned ?? t("postMortem.noLessons")}</p>
              </>
            )}
          </div>
        </Card>
      ) : null}

      {c.status === "draft" && manage ? (
        <section aria-labelledby="confirm-crisis" className="mb-6 space-y-3">
          <h2 id="confirm-crisis" className="text-lg font-semibold text-slate-900">
            {t("confirm.title")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">{t("confirm.lead")}</p>
          <CrisisForm
            mode="confirm"
            people={people}
            playbooks={playbooks.map((p) => ({ id: p.id, name: p.name }))}
            channels={channels}
            defaults={{ id, title: c.title, severity: c.severity, crisisType: c.crisisType, leadId: c.leadId ?? user.id, playbookId: c.playbookId, channelIds: c.channels.map((ch) => ch.id), topics: c.topics }}
          />
          <ActionButtonForm action={dismissCrisisAction} fields={{ id }} label={t("confirm.dismiss")} confirm={t("confirm.dismissConfirm")} variant="secondary" />
        </section>
      ) : null}

      {lessons.length ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold text-slate-900">{t("room.lessonsTitle")}</h2>
          <ul className="space-y-3 text-sm">
            {lessons.map((l) => (
              <li key={l.id}>
                <Link href={`/crisis/${l.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                  {l.title}
                </Link>
                {l.closedAt ? <span className="text-slate-600"> · {when(l.closedAt)}</span> : null}
                <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{l.lessonsLearned}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card className="mb-6">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-900">{t("room.volumeTitle")}</h2>
          <p className="text-sm text-slate-700">
            {t("room.totals", { total: page.total, negative: page.negative })}
            {share != null ? ` · ${t("room.share", { share })}` : null}
          </p>
        </div>
        <VolumeChart points={volume} startedAt={c.startedAt.toISOString()} />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-blue-800">{t("room.asTable")}</summary>
          <Table aria-label={t("room.volumeTitle")}>
            <thead>
              <tr>
                <Th>{t("room.hour")}</Th>
                <Th>{t("room.volume")}</Th>
                <Th>{t("room.negative")}</Th>
                <Th>{t("room.negativeShare")}</Th>
              </tr>
            </thead>
            <tbody>
              {volume
                .filter((p) => p.total > 0)
                .map((p) => (
                  <tr key={p.hour}>
                    <Td className="whitespace-nowrap">{when(new Date(p.hour))}</Td>
                    <Td className="tabular-nums">{p.total}</Td>
                    <Td className="tabular-nums">{p.negative}</Td>
                    <Td className="tabular-nums">{p.negativeShare == null ? "–" : `${f.number(p.negativeShare)} %`}</Td>
                  </tr>
                ))}
            </tbody>
          </Table>
        </details>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("checklist.title")}</h2>
          {steps.length ? (
            <Checklist
              crisisId={id}
              canEdit={manage && c.status === "active"}
              people={people}
              steps={steps.map((s) => ({
                id: s.id,
                position: s.position,
                title: s.title,
                dueAt: s.dueAt.toISOString(),
                state: stepState(s, now),
                responsible: s.departmentName ?? (s.responsibleRole ? t(`roles.${s.responsibleRole}`) : null),
                assigneeId: s.assigneeId,
                assigneeName: s.assigneeName,
                doneAt: s.doneAt?.toISOString() ?? null,
                doneByName: s.doneByName,
                comments: s.comments.map((cm) => ({ ...cm, at: cm.at.toISOString() })),
              }))}
            />
          ) : (
            <EmptyState title={t("checklist.empty")} body={t("checklist.emptyBody")} />
          )}
        </Card>

        <Card>
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("timeline.title")}</h2>
          {timeline.length ? (
            <ol className="space-y-2 text-sm">
              {timeline.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                  <span className="block text-slate-600">
                    {when(e.at)} · {e.actorName ?? t("timeline.system")}
                  </span>
                  <span className="break-words text-slate-900">{word(e)}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-700">{t("timeline.empty")}</p>
          )}
        </Card>
      </div>

      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("statements.usedTitle")}</h2>
        {used.length ? (
          <ul className="space-y-4">
            {used.map((u) => (
              <li key={u.id} className="space-y-2 border-b border-slate-100 pb-4 last:border-b-0">
                <p className="text-sm text-slate-800">
                  <span className="font-medium">{u.title}</span>
                  {u.language ? ` (${u.language.toUpperCase()})` : null} · {when(u.usedAt)} · {u.usedByName ?? "–"}
                </p>
                <p className="break-words text-sm text-slate-700">
                  {t("statements.postedOnValue", {
                    where: [...u.channelIds.map((cid) => postedNames.get(cid) ?? `#${cid}`), ...(u.postedNote ? [u.postedNote] : [])].join(", ") || "–",
                  })}
                </p>
                {u.text === u.approvedText ? (
                  <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{u.text}</p>
                ) : (
                  <DiffView diff={wordDiff(u.approvedText, u.text)} />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("statements.noneUsed")}</p>
        )}
        {manage && c.status === "active" ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="mb-3 font-semibold text-slate-900">{t("statements.use")}</h3>
            {approved.length ? (
              <StatementUseForm
                crisisId={id}
                statements={approved.map((s) => ({
                  versionId: s.versionId,
                  label: `${s.title} (${(s.language ?? "").toUpperCase()}${s.crisisType ? `, ${t(`types.${s.crisisType}`)}` : ""})`,
                  body: s.body,
                }))}
                channels={channels}
              />
            ) : (
              <p className="text-sm text-slate-700">{t("statements.noneApproved")}</p>
            )}
          </div>
        ) : null}
      </Card>

      <Card className="mt-6">
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("briefing.reachTitle")}</h2>
        {activation.briefed ? (
          <>
            <p className="mb-3 text-sm text-slate-800">
              {t("briefing.reach", { briefed: activation.briefed, read: activation.read, acted: activation.acted })}
              {activation.firstActionMinutes != null ? ` · ${t("briefing.firstAction", { time: formatMinutes(activation.firstActionMinutes) })}` : null}
            </p>
            <Table aria-label={t("briefing.perPlatform")}>
              <thead>
                <tr>
                  <Th>{t("briefing.platform")}</Th>
                  <Th>{t("briefing.briefed")}</Th>
                  <Th>{t("briefing.read")}</Th>
                  <Th>{t("briefing.acted")}</Th>
                </tr>
              </thead>
              <tbody>
                {activation.perPlatform.map((p) => (
                  <tr key={p.platform}>
                    <Td>{tch(`platforms.${p.platform}` as "platforms.x")}</Td>
                    <Td className="tabular-nums">{p.briefed}</Td>
                    <Td className="tabular-nums">{p.read}</Td>
                    <Td className="tabular-nums">{p.acted}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <ul className="mt-3 space-y-1 text-sm" aria-label={t("briefing.responses")}>
              {briefed.map((r) => (
                <li key={r.id} className="break-words text-slate-800">
                  <span className="font-medium">{r.name ?? t("briefing.erased")}</span>
                  {" · "}
                  {r.actedAt ? (
                    <>
                      {t("briefing.actedAt", { time: when(r.actedAt) })}
                      {r.actionUrl ? (
                        <>
                          {": "}
                          <a href={r.actionUrl} className="text-blue-800 underline" rel="noopener noreferrer nofollow">
                            {r.actionUrl}
                          </a>
                        </>
                      ) : null}
                    </>
                  ) : r.readAt ? (
                    t("briefing.readAt", { time: when(r.readAt) })
                  ) : (
                    t("briefing.sentAt", { time: when(r.sentAt) })
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-slate-700">{t("briefing.nobody")}</p>
        )}
        {manage && c.status === "active" ? (
          <div className="mt-4 space-y-4 border-t border-slate-200 pt-4">
            <h3 className="font-semibold text-slate-900">{t("briefing.title")}</h3>
            <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("briefing.select")}>
              <div>
                <Label htmlFor="b-topic">{t("briefing.topic")}</Label>
                <Input id="b-topic" name="at" defaultValue={selection.topic ?? ""} className="w-40" />
              </div>
              <div>
                <Label htmlFor="b-platform">{t("briefing.platform")}</Label>
                <Select id="b-platform" name="ap" defaultValue={selection.platform ?? ""}>
                  <option value="">{t("advocates.all")}</option>
                  {PLATFORMS.map((p) => (
                    <option key={p} value={p}>
                      {tch(`platforms.${p}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <div>
                <Label htmlFor="b-language">{t("briefing.language")}</Label>
                <Select id="b-language" name="al" defaultValue={selection.language ?? ""}>
                  <option value="">{t("advocates.all")}</option>
                  {INSIGHT_LANGUAGES.map((l) => (
                    <option key={l} value={l}>
                      {t(`advocates.languageNames.${l}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="secondary">
                {t("briefing.choose")}
              </Button>
            </form>
            <BriefingForm
              // A statement used since the form mounted becomes its agreed words.
              key={`briefing-${used.length}`}
              crisisId={id}
              statements={used.map((u) => ({ label: `${u.title} · ${when(u.usedAt)}`, text: u.text }))}
              candidates={candidates.map((a) => ({
                id: a.id,
                name: a.name,
                kindLabel: t(`advocates.kinds.${a.kind}`),
                platforms: a.platforms.map((p) => `${tch(`platforms.${p.platform}` as "platforms.x")} ${p.handle}`).join(", "),
                languages: a.languages.map((l) => l.toUpperCase()).join(", "),
                briefable: a.briefable === true || (a.briefable as unknown) === "t",
              }))}
            />
          </div>
        ) : null}
      </Card>

      <Card className="mt-6">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 className="text-lg font-semibold text-slate-900">{t("room.insightsTitle")}</h2>
          {manage && live ? <AddInsightForm crisisId={id} /> : null}
        </div>
        {page.rows.length ? (
          <Table aria-label={t("room.insightsTitle")}>
            <thead>
              <tr>
                <Th>{t("room.occurred")}</Th>
                <Th>{t("room.text")}</Th>
                <Th>{t("room.channel")}</Th>
                <Th>{t("room.sentiment")}</Th>
                <Th>{t("room.department")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((i) => (
                <tr key={i.id}>
                  <Td className="whitespace-nowrap">{when(i.occurredAt)}</Td>
                  <Td className="min-w-64">
                    <Link href={`/insights/${i.id}`} className="line-clamp-3 break-words text-blue-800 underline-offset-2 hover:underline">
                      {i.text}
                    </Link>
                    {i.added ? <Badge className="mt-1">{t("room.addedByHand")}</Badge> : null}
                  </Td>
                  <Td>{i.channelName ?? "–"}</Td>
                  <Td>
                    <Badge tone={i.sentiment === "negative" ? "red" : i.sentiment === "positive" ? "green" : "slate"}>{t(`sentiments.${i.sentiment}`)}</Badge>
                  </Td>
                  <Td>{i.departmentName ?? "–"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState title={t("room.noInsights")} body={t("room.noInsightsBody")} />
        )}
        <div className="mt-3 flex gap-4 text-sm">
          {before ? (
            <Link href={`/crisis/${id}`} className="text-blue-800 underline-offset-2 hover:underline">
              {t("room.newest")}
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className="text-blue-800 underline-offset-2 hover:underline">
              {t("room.older")}
            </Link>
          ) : null}
        </div>
      </Card>

      {c.status === "active" && manage ? (
        <Card className="mt-6">
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("close.title")}</h2>
          <CloseCrisisForm crisisId={id} />
        </Card>
      ) : null}
    </>
  );
}

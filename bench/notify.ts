/**
 * `npm run bench:notify` — notifications under load: does the intake stay fast while the
 * notification machinery works, and how long until every mail and webhook has arrived?
 *
 * On a throwaway database (in-memory PGlite, or with BENCH_DATABASE_URL a database created on that
 * PostgreSQL server and dropped afterwards) with the demo company, four routing rules that route
 * every insight to a department, an SMTP sink and a webhook receiver on 127.0.0.1 (every event):
 * 1. "off": after a warm-up of 1,000 that is not counted, BENCH_INSIGHTS (default 10,000) insights through the intake (`ingestBody`, what
 *    `POST /api/v1/insights` calls) in batches of 100 with nothing subscribed to events;
 * 2. "queued": half as many with notifications on and no worker running: what the request itself pays
 *    (the events' jobs written in the intake's transaction);
 * 3. "working": the other half while the workers work the queues (notify.insight, mail.send over
 *    SMTP, webhooks): on PostgreSQL in a worker process of their own at a lower CPU priority
 *    (`nice -n 10`; what an instance with JOBS_WORK=true beside web instances with
 *    JOBS_WORK=false does), on PGlite in this process (its only owner);
 * 4. waits until every mail the outbox holds was received by the SMTP sink and every webhook
 *    delivery in the log was received, and prints how long that took after the last batch.
 * Goal: intake with notifications on at least 0.9× "off" (the work happens in jobs, not in the
 * request). Both "on" phases are printed with their ratio; the phases run one after the other, so
 * a noisy machine shows as a ratio off 1 in either direction.
 * Environment: BENCH_DATABASE_URL, BENCH_INSIGHTS.
 */
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type net from "node:net";
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";

const N = Number(process.env.BENCH_INSIGHTS ?? 10_000);
const BATCH = 100;
const RULES = [
  { slug: "kundenservice", keyword: "reklamation", category: "complaint", text: "Reklamation: das Getriebe ist nach drei Wochen defekt" },
  { slug: "forschung-entwicklung", keyword: "idee", category: "idea", text: "Idee: ein leiserer Lüfter für den BX-400" },
  { slug: "personal", keyword: "bewerbung", category: "applicant_question", text: "Bewerbung als Mechatronikerin: wie geht das?" },
  { slug: "vertrieb", keyword: "angebot", category: "sales_lead", text: "Bitte um ein Angebot für 200 Antriebe im Jahr" },
];

async function startSmtpSink() {
  let received = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS lookup of the client (127.0.0.1): on a closed network it waits for a timeout.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _s, cb) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function startReceiver() {
  let received = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hooks`, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Starts the worker process (bench/notify-worker.ts) on the bench database; resolves once it takes jobs. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn("nice", ["-n", "10", process.execPath, ...process.execArgv, new URL("./notify-worker.ts", import.meta.url).pathname], {
    env: { ...process.env, BENCH_WORKER_DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    child.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("ready")) resolve(child);
    });
  });
}

async function main() {
  const smtp = await startSmtpSink();
  const receiver = await startReceiver();
  // Read by lib/env when the app's modules load, so set before importing them.
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  process.env.ALLOW_PRIVATE_NETWORKS = "true";
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

  const { sql, eq, count } = await import("drizzle-orm");
  const { createTestDb } = await import("../db/testing");
  const { seedFoundation } = await import("../db/seed/foundation");
  const { departments, outboxMails, routingRules } = await import("../db/schema");
  const { ingestBody } = await import("../db/queries/insight-intake");
  const { createWebhookEndpoint } = await import("../db/queries/webhooks");
  const { WEBHOOK_EVENTS } = await import("../lib/webhooks/events");
  const { JobRunner } = await import("../lib/jobs/runner");
  const { setEventSubscribers } = await import("../lib/jobs/enqueue");

  const backend = process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
  const t = await createTestDb(backend);
  let runner: InstanceType<typeof JobRunner> | null = null;
  let worker: ChildProcess | null = null;
  try {
    const label =
      backend === "postgres" ? `PostgreSQL ${((await t.db.execute(sql`show server_version`)).rows[0] as { server_version: string }).server_version}` : "PGlite (in memory)";
    await t.db.transaction((tx) => seedFoundation(tx));
    const deps = await t.db.select({ id: departments.id, slug: departments.slug }).from(departments);
    await t.db.insert(routingRules).values(
      RULES.map((r, k) => ({ name: `Bench ${r.keyword}`, position: k + 1, departmentId: deps.find((d) => d.slug === r.slug)!.id, keywords: [r.keyword], slaHours: 24 })),
    );
    await createWebhookEndpoint(t.db, null, { url: receiver.url, events: [...WEBHOOK_EVENTS] });
    console.log(`Database: ${label}; ${N.toLocaleString("en")} insights off, as many on, in batches of ${BATCH}, SMTP sink and webhook receiver on 127.0.0.1.`);

    let seq = 0;
    const body = () => ({
      items: Array.from({ length: BATCH }, () => {
        const i = ++seq;
        const r = RULES[i % RULES.length];
        return { source: "bench-notify", externalId: `n-${i}`, platform: "forum", occurredAt: new Date(Date.now() - 60_000).toISOString(), text: `${r.text} (#${i})`, category: r.category };
      }),
    });
    const intake = async (n: number) => {
      const t0 = performance.now();
      let routed = 0;
      for (let b = 0; b < n / BATCH; b++) {
        const res = await ingestBody(t.db, { via: "api", userId: null, label: "bench" }, body());
        if (res.created !== BATCH) throw new Error(`intake created ${res.created} of ${BATCH}: ${JSON.stringify(res).slice(0, 300)}`);
        routed += res.routed;
      }
      return { n, ms: performance.now() - t0, routed };
    };

    setEventSubscribers(false);
    // A warm-up, not counted: the first batches pay for compiling and caching, which would flatter "on".
    await intake(Math.min(N, 1_000));
    const off = await intake(N);
    setEventSubscribers(true);
    // 10,000 routed with notifications on in all: half while nobody works the queues, half while the workers do.
    const queued = await intake(N / 2);
    if (backend === "postgres") {
      worker = await startWorker(t.url!);
    } else {
      runner = await new JobRunner({ conn: t, work: true, schedule: false }).start();
    }
    const on = await intake(N / 2);
    const lastBatch = performance.now();
    const routedOn = queued.routed + on.routed;

    // Everything the "on" phase caused: one mail per routed insight (its head) and the webhook
    // deliveries the log holds. Wait until both sinks have received them all.
    const { wanted, deliveries } = await (async () => {
      for (;;) {
        const [{ mails }] = await t.db.select({ mails: count() }).from(outboxMails);
        const d = (await t.db.execute(sql`select count(*)::int as n from webhook_deliveries`)).rows[0] as { n: number };
        const [{ queued }] = await t.db.select({ queued: count() }).from(outboxMails).where(eq(outboxMails.status, "queued"));
        if (mails >= routedOn && queued === 0 && smtp.received() >= mails && receiver.received() >= d.n) return { wanted: mails, deliveries: d.n };
        if (process.env.BENCH_DEBUG) console.log((await t.db.execute(sql`select name, state, count(*)::int from pgboss.job group by 1,2`)).rows, (await t.db.execute(sql`select count(*)::int from notifications`)).rows);
        if (process.env.BENCH_DEBUG) console.log({ mails, queued, deliveries: d.n, smtp: smtp.received(), hooks: receiver.received(), routed: routedOn });
        if (performance.now() - lastBatch > 30 * 60_000) throw new Error(`gave up after 30 minutes: ${smtp.received()} of ${mails} mails, ${receiver.received()} of ${d.n} deliveries`);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const drainMs = performance.now() - lastBatch;

    const rate = (r: { n: number; ms: number }) => Math.round((r.n / r.ms) * 1000);
    const line = (label: string, r: { n: number; ms: number; routed: number }) => {
      const ratio = rate(r) / rate(off);
      const judged = r === off ? "" : `  ratio ${ratio.toFixed(2)} (goal ≥ 0.90: ${ratio >= 0.9 ? "met" : "missed"})`;
      console.log(`  ${label.padEnd(60)} ${rate(r).toLocaleString("en").padStart(7)} insights/s  (${r.routed.toLocaleString("en")} routed)${judged}`);
    };
    line("intake, notifications off", off);
    line("intake, notifications on, jobs queued, no worker", queued);
    line(`intake, notifications on, ${backend === "postgres" ? "worker process (nice 10) working" : "worker in this process working"}`, on);
    console.log(
      `  every mail and delivery arrived ${(drainMs / 1000).toFixed(1)} s after the last batch: ${wanted.toLocaleString("en")} mails received by the SMTP sink, ${deliveries.toLocaleString("en")} webhook deliveries received`,
    );
  } finally {
    await runner?.stop({ graceful: false });
    if (worker?.pid) {
      const exited = new Promise((r) => worker!.once("exit", r));
      process.kill(worker.pid, "SIGTERM");
      await exited;
    }
    await t.dispose();
    await smtp.close();
    await receiver.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * `npm run bench:connectors` — one scheduling round of 100 feed connectors, and one big feed.
 *
 * A fixture server on 127.0.0.1 serves 100 RSS feeds of 200 items each (every item new) and one
 * feed of 10,000 items; with the demo company's foundation and channels on a throwaway database
 * (in-memory PGlite, then — with BENCH_DATABASE_URL — a database created on that PostgreSQL server
 * and dropped afterwards), it times:
 * 1. the round: `pollConnectors` (what the `connectors.poll` job runs each minute) with all 100
 *    due — wall time, items stored per second, and the process's peak resident memory;
 * 2. the next round at each connector's next due time: every feed answers 304 (ETag);
 * 3. one run of the 10,000-item feed.
 * Goal: a round of 100 connectors well under a minute on two cores, memory flat. It prints; it
 * does not assert. (An in-memory PGlite holds the stored insights in the process, so its resident
 * memory grows with them; on PostgreSQL the process's own memory is what the goal means.) Environment: BENCH_DATABASE_URL, BENCH_CONNECTORS (100), BENCH_ITEMS (200).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

const CONNECTORS = Number(process.env.BENCH_CONNECTORS ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 200);
const BIG = 10_000;
const NOW = new Date("2026-06-15T10:00:00Z");

function rss(feed: string, count: number, version: number) {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><guid isPermaLink="false">${feed}-${i}</guid><title>Kommentar ${i}</title><description><![CDATA[<p>Feed ${feed}, Eintrag ${i}: Das Getriebe macht nach drei Wochen ein Geräusch &amp; vibriert. Version ${version}.</p>]]></description><pubDate>Mon, 15 Jun 2026 08:00:00 +0000</pubDate><dc:creator>Kunde ${i}</dc:creator></item>`,
  ).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed ${feed}</title>${items}</channel></rss>`;
}

async function startFeeds() {
  const cache = new Map<string, string>();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const name = (req.url ?? "/").replace(/^\/feed\//, "");
    if (req.headers["if-none-match"] === `"${name}"`) {
      res.writeHead(304, { etag: `"${name}"` });
      res.end();
      return;
    }
    let body = cache.get(name);
    if (!body) cache.set(name, (body = rss(name, name === "big" ? BIG : ITEMS, 1)));
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: `"${name}"` });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString("en");

async function main() {
  process.env.ALLOW_PRIVATE_NETWORKS = "true";
  const feeds = await startFeeds();
  const { createTestDb, availableBackends } = await import("../db/testing");
  const { seedFoundation } = await import("../db/seed/foundation");
  const { seedChannels } = await import("../db/seed/channels");
  const { createConnector } = await import("../db/queries/connectors");
  const { runConnector } = await import("../db/queries/connector-runs");
  const { pollConnectors } = await import("../lib/jobs/definitions/connectors-poll");
  const { channels } = await import("../db/schema");
  const { asc } = await import("drizzle-orm");

  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  console.log(`Connectors: ${CONNECTORS} feeds of ${ITEMS} items in one round, and one feed of ${BIG.toLocaleString("en")} items; fixture server on 127.0.0.1.`);
  try {
    for (const backend of availableBackends()) {
      const t = await createTestDb(backend);
      try {
        await t.db.transaction(async (tx) => {
          await seedFoundation(tx);
          await seedChannels(tx, NOW);
        });
        const [{ id: channelId }] = await t.db.select({ id: channels.id }).from(channels).orderBy(asc(channels.id)).limit(1);
        for (let i = 0; i < CONNECTORS; i++) {
          await createConnector(t.db, null, { kind: "feed", name: `Feed ${i}`, channelId, category: "product_feedback", url: `${feeds.base}/feed/f${i}` }, NOW, { allowPrivateNetworks: true });
        }
        const big = await createConnector(t.db, null, { kind: "feed", name: "Big", channelId, category: "question", url: `${feeds.base}/feed/big` }, new Date(NOW.getTime() + 3_600_000), {
          allowPrivateNetworks: true,
        });

        const rssBefore = process.memoryUsage().rss;
        const t0 = performance.now();
        const round = await pollConnectors(t.db, NOW);
        const roundMs = performance.now() - t0;
        const stored = CONNECTORS * ITEMS;
        const rssAfterRound = process.memoryUsage().rss;

        const t1 = performance.now();
        // Each connector is due 15 minutes after its own run began: all of them by then.
        const again = await pollConnectors(t.db, new Date(NOW.getTime() + 15 * 60_000 + Math.ceil(roundMs) + 1_000));
        const againMs = performance.now() - t1;

        const t2 = performance.now();
        const bigRun = await runConnector(t.db, big.connector.id, "manual", new Date(NOW.getTime() + 3_600_000));
        const bigMs = performance.now() - t2;

        console.log(`\n${backend === "pglite" ? "PGlite (in memory)" : "PostgreSQL (throwaway database)"}:`);
        console.log(`  round of ${round.ran} connectors (${round.failed} failed):   ${(roundMs / 1000).toFixed(1)} s, ${fmt((stored / roundMs) * 1000)} items stored/s`);
        console.log(`  next round, all unchanged (304):           ${(againMs / 1000).toFixed(2)} s for ${again.ran} connectors`);
        console.log(`  one feed of ${BIG.toLocaleString("en")} items:                ${(bigMs / 1000).toFixed(1)} s, ${fmt((bigRun.created / bigMs) * 1000)} items stored/s (${bigRun.created} new)`);
        console.log(`  resident memory: ${mb(rssBefore)} before, ${mb(rssAfterRound)} after the round, ${mb(process.memoryUsage().rss)} after the big feed; peak ${mb(process.resourceUsage().maxRSS * 1024)}`);
      } finally {
        await t.dispose();
      }
    }
    console.log(`\nGoal: a round of ${CONNECTORS} connectors well under a minute on two cores, memory flat. (${feeds.requests()} requests served.)`);
  } finally {
    await feeds.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * The job worker of `npm run bench:notify` on PostgreSQL: a process of its own that only works the
 * queues (what an instance with JOBS_WORK=true does beside web instances with JOBS_WORK=false), on
 * the database BENCH_WORKER_DATABASE_URL names. Prints "ready" once it takes jobs; stops on SIGTERM.
 */
async function main() {
  const url = process.env.BENCH_WORKER_DATABASE_URL;
  if (!url) throw new Error("BENCH_WORKER_DATABASE_URL is not set");
  const { openPostgres } = await import("../db/client");
  const { JobRunner } = await import("../lib/jobs/runner");
  const conn = await openPostgres(url, 10);
  const runner = await new JobRunner({ conn, work: true, schedule: false }).start();
  process.stdout.write("ready\n");
  const stop = async () => {
    await runner.stop({ graceful: false });
    await conn.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

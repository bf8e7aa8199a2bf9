/**
 * A stand-in for an app server in the kill -9 tests: opens the database the parent names, starts
 * its job runner, enqueues one job and reports its id, then stays up until it is killed.
 *   tsx tests/jobs/child.ts <pglite-dir | postgres-url> <record | hang> <key>
 */
import { openPglite, openPostgres } from "@/db/client";
import { JobRunner } from "@/lib/jobs/runner";
import { probeHangJob, probeRecordJob } from "./probe";

const [target, mode, key] = process.argv.slice(2);
const conn = target.startsWith("postgres") ? await openPostgres(target, 2) : await openPglite(target);
// "record": the job is only enqueued (no worker), as when a process dies between a request that
// enqueued work and the worker taking it. "hang": a worker takes it and is killed mid-run.
const runner = await new JobRunner({ conn, jobs: [probeRecordJob, probeHangJob], work: mode === "hang", schedule: false }).start();
const id =
  mode === "hang" ? await runner.send(probeHangJob, { key, hangInPid: process.pid }) : await runner.send(probeRecordJob, { key });
console.log(`enqueued ${id}`);
setInterval(() => {}, 60_000);

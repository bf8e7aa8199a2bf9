import { eq, sql } from "drizzle-orm";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { availableBackends, createTestDb, type TestDb } from "../testing";
import { outboxMails } from "../schema";
import { CLAIM_LEASE_SECONDS, enqueueMail, getOutboxMail, listOutbox } from "./mail";
import { appUrl } from "@/lib/env";
import { queueMail } from "@/lib/mail/queue";
import { MailBusyError, MailSendError, sendQueuedMail } from "@/lib/mail/send";
import { renderMail } from "@/lib/mail/templates";
import { createSmtpMailer } from "@/lib/mail/transport";

/** A real SMTP server on 127.0.0.1 that keeps what it receives, with the login it was given. */
async function startSmtp() {
  const received: { envelopeTo: string[]; raw: string; user?: string }[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, cb) {
      if (auth.username === "mailer" && auth.password === "p@ss word") cb(null, { user: auth.username });
      else cb(new Error("bad login"));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8"), user: session.user as string | undefined });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return { server, port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on which nothing listens: bound once, then released. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const APP = "https://dashboard.example.com";
const HOSTILE = 'Lieferzeit <script>alert("x")</script> & <b>fett</b>';

function routed(locale: "de" | "en", insightId: number) {
  return renderMail("insight_routed", locale, { insightId, text: HOSTILE, category: "complaint", departmentName: "F&E", recipientName: "Dr. Weber" }, { appUrl: APP });
}

for (const backend of availableBackends()) {
  describe(`e-mail outbox on ${backend}`, () => {
    let t: TestDb;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let key = 0;
    const nextKey = () => `test:${backend}:${++key}`;
    beforeAll(async () => {
      t = await createTestDb(backend);
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp?.close();
      await t?.dispose();
    });

    async function queue(locale: "de" | "en", to = "head.rnd@example.com", dedupeKey = nextKey()) {
      return enqueueMail(t.db, { to, locale, kind: "insight_routed", dedupeKey, ...routed(locale, 4711) });
    }

    it("sends a queued mail over SMTP with both parts, the subject in its language, the link and escaped HTML", async () => {
      const mailer = createSmtpMailer({ url: `smtp://mailer:${encodeURIComponent("p@ss word")}@127.0.0.1:${smtp.port}`, from: "Koordination <no-reply@example.com>" });
      const de = await queue("de", "de-head@example.com");
      const en = await queue("en", "en-head@example.com");
      expect(await sendQueuedMail(t.db, de.id, { mailer })).toBe("sent");
      expect(await sendQueuedMail(t.db, en.id, { mailer })).toBe("sent");

      const byRcpt = async (addr: string): Promise<ParsedMail> => simpleParser(smtp.received.find((r) => r.envelopeTo.includes(addr))!.raw);
      const deMail = await byRcpt("de-head@example.com");
      const enMail = await byRcpt("en-head@example.com");
      expect(smtp.received.every((r) => r.user === "mailer")).toBe(true);
      expect(deMail.subject).toBe("Neu für F&E: Beschwerde #4711");
      expect(enMail.subject).toBe("New for F&E: Complaint #4711");
      expect(deMail.from?.text).toContain("no-reply@example.com");
      for (const m of [deMail, enMail]) {
        expect(m.text).toContain(`${APP}/insights/4711`);
        expect(m.text).toContain(HOSTILE);
        expect(m.html).toBeTruthy();
        const html = m.html as string;
        expect(html).toContain(`href="${APP}/insights/4711"`);
        expect(html).not.toContain("<script>");
        expect(html).not.toContain("<b>fett</b>");
        expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fett&lt;/b&gt;");
      }

      const row = await getOutboxMail(t.db, de.id);
      expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      expect(row!.sentAt).toBeInstanceOf(Date);
      // Sending again is a no-op: the mail is not delivered twice.
      const before = smtp.received.length;
      expect(await sendQueuedMail(t.db, de.id, { mailer })).toBe("sent");
      expect(smtp.received.length).toBe(before);
    });

    it("ignores a second mail with the same dedupe key", async () => {
      const dedupeKey = nextKey();
      const first = await queue("de", "once@example.com", dedupeKey);
      const second = await queue("en", "once@example.com", dedupeKey);
      expect(first.created).toBe(true);
      expect(second).toEqual({ id: first.id, created: false });
      const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: "no-reply@example.com" });
      await sendQueuedMail(t.db, first.id, { mailer });
      await sendQueuedMail(t.db, second.id, { mailer });
      expect(smtp.received.filter((r) => r.envelopeTo.includes("once@example.com"))).toHaveLength(1);
      const all = await listOutbox(t.db, { pageSize: 200 });
      expect(all.rows.filter((r) => r.toAddress === "once@example.com")).toHaveLength(1);
    });

    it("keeps a mail queued with the error when the SMTP server cannot be reached, and fails it after the last attempt", async () => {
      const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${await closedPort()}`, from: "no-reply@example.com" });
      const { id } = await queue("de", "unreachable@example.com");
      const err = await sendQueuedMail(t.db, id, { mailer, maxAttempts: 2 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MailSendError);
      let row = await getOutboxMail(t.db, id);
      expect(row).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
      expect(row!.lastError).toMatch(/ECONNREFUSED/);

      await expect(sendQueuedMail(t.db, id, { mailer, maxAttempts: 2 })).rejects.toBeInstanceOf(MailSendError);
      row = await getOutboxMail(t.db, id);
      expect(row).toMatchObject({ status: "failed", attempts: 2 });

      // Nothing is lost: once the server is reachable, the same mail goes out.
      const working = createSmtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: "no-reply@example.com" });
      expect(await sendQueuedMail(t.db, id, { mailer: working })).toBe("sent");
      expect(smtp.received.some((r) => r.envelopeTo.includes("unreachable@example.com"))).toBe(true);
      expect((await getOutboxMail(t.db, id))!.lastError).toBeNull();
    });

    it("delivers once when two workers send the same mail at the same moment", async () => {
      const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: "no-reply@example.com" });
      const { id } = await queue("de", "race@example.com");
      const results = await Promise.allSettled([sendQueuedMail(t.db, id, { mailer }), sendQueuedMail(t.db, id, { mailer })]);
      expect(results.filter((r) => r.status === "fulfilled").map((r) => r.value)).toContain("sent");
      // The other one either came after (and saw `sent`) or found it busy and will be retried.
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(MailBusyError);
      expect(smtp.received.filter((r) => r.envelopeTo.includes("race@example.com"))).toHaveLength(1);
      expect(await getOutboxMail(t.db, id)).toMatchObject({ status: "sent", attempts: 1 });
      // A retry afterwards sends nothing more.
      expect(await sendQueuedMail(t.db, id, { mailer })).toBe("sent");
      expect(smtp.received.filter((r) => r.envelopeTo.includes("race@example.com"))).toHaveLength(1);
    });

    it("takes over a mail whose sender died, once its lease has run out", async () => {
      const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: "no-reply@example.com" });
      const { id } = await queue("en", "orphan@example.com");
      // A worker claimed it and was killed before it could send.
      await t.db.update(outboxMails).set({ status: "sending", attempts: 1, claimedAt: sql`now()` }).where(eq(outboxMails.id, id));
      await expect(sendQueuedMail(t.db, id, { mailer })).rejects.toBeInstanceOf(MailBusyError);
      await t.db
        .update(outboxMails)
        .set({ claimedAt: sql`now() - make_interval(secs => ${CLAIM_LEASE_SECONDS + 1})` })
        .where(eq(outboxMails.id, id));
      expect(await sendQueuedMail(t.db, id, { mailer })).toBe("sent");
      expect(await getOutboxMail(t.db, id)).toMatchObject({ status: "sent", attempts: 2 });
      expect(smtp.received.filter((r) => r.envelopeTo.includes("orphan@example.com"))).toHaveLength(1);
    });

    it("renders and enqueues in one step with links to APP_URL, and keeps the mail when SMTP_URL is unset", async () => {
      const dedupeKey = nextKey();
      const data = { insightId: 99, text: "Bitte <b>prüfen</b>", category: "idea" as const, departmentName: "Vertrieb", recipientName: "Herr Lang" };
      const first = await queueMail(t.db, { kind: "insight_routed", data, to: "sales@example.com", locale: "de", dedupeKey });
      const again = await queueMail(t.db, { kind: "insight_routed", data, to: "sales@example.com", locale: "de", dedupeKey });
      expect(again).toEqual({ id: first.id, created: false });
      const row = await getOutboxMail(t.db, first.id);
      expect(row).toMatchObject({ kind: "insight_routed", locale: "de", subject: "Neu für Vertrieb: Idee #99", status: "queued" });
      expect(row!.textBody).toContain(`${appUrl()}/insights/99`);
      expect(row!.htmlBody).toContain("Bitte &lt;b&gt;prüfen&lt;/b&gt;");
      // The test environment configures no SMTP server, so the default mailer keeps the mail.
      if (!process.env.SMTP_URL) expect(await sendQueuedMail(t.db, first.id)).toBe("kept");
    });

    it("keeps mails in the outbox when no SMTP server is configured", async () => {
      const { id } = await queue("en", "nosmtp@example.com");
      expect(await sendQueuedMail(t.db, id, { mailer: null })).toBe("kept");
      const row = await getOutboxMail(t.db, id);
      expect(row).toMatchObject({ status: "kept", attempts: 0, sentAt: null });
      expect(row!.textBody).toContain(`${APP}/insights/4711`);
      expect(smtp.received.some((r) => r.envelopeTo.includes("nosmtp@example.com"))).toBe(false);
      await expect(sendQueuedMail(t.db, 987_654_321, { mailer: null })).rejects.toMatchObject({ code: "not_found" });
    });

    it("lists the outbox newest first, filtered by status and paged", async () => {
      const kept = await listOutbox(t.db, { status: "kept" });
      expect(kept.rows.every((r) => r.status === "kept")).toBe(true);
      expect(kept.rows.length).toBeGreaterThan(0);
      const page1 = await listOutbox(t.db, { pageSize: 2 });
      expect(page1.rows).toHaveLength(2);
      expect(page1.rows[0].id).toBeGreaterThan(page1.rows[1].id);
      const page2 = await listOutbox(t.db, { pageSize: 2, after: page1.older! });
      expect(page2.rows[0].id).toBeLessThan(page1.rows[1].id);
    });
  });
}

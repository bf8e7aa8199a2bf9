import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * The mailbox the end-to-end app server sends to: a real SMTP server on 127.0.0.1 at
 * E2E_SMTP_PORT (playwright.config.ts points the app's SMTP_URL there). A spec that checks mail
 * starts it in beforeAll and closes it in afterAll; while none listens, the app's mail jobs fail
 * and retry later, as they would with a real server down.
 */
export async function startMailbox() {
  const port = Number(process.env.E2E_SMTP_PORT);
  if (!port) throw new Error("E2E_SMTP_PORT is not set (playwright.config.ts sets it)");
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS lookup of the client (127.0.0.1): on a closed network it waits for a timeout.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => {
          mails.push(m);
          cb();
        })
        .catch((err: Error) => cb(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    mails,
    /** Mails to `address` whose subject or text contains `text`. */
    find: (address: string, text: string) =>
      mails.filter((m) => addresses(m).includes(address) && `${m.subject ?? ""}\n${m.text ?? ""}`.includes(text)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(m: ParsedMail): string[] {
  const to = m.to ? (Array.isArray(m.to) ? m.to : [m.to]) : [];
  return to.flatMap((a) => a.value.map((v) => v.address ?? ""));
}

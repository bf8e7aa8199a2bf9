/**
 * The SMTP side of mail: one nodemailer transport per SMTP_URL, and what the admin page may show
 * about it (never the password).
 */
import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a receiving server can spot a duplicate after a lost answer. */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface SmtpConfig {
  url: string;
  from: string;
}

/**
 * Timeouts are short compared with nodemailer's defaults (minutes): a job holds a mail while it
 * sends, and an unreachable server should fail the attempt soon so the retry takes over.
 */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000, dnsTimeout: 15_000 };

export function createSmtpMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({ url: config.url, ...TIMEOUTS } as nodemailer.TransportOptions);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
    },
  };
}

export interface SmtpSummary {
  configured: boolean;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
}

/** For display: host, port, TLS and user name, without the password. */
export function describeSmtp(url: string | undefined): SmtpSummary {
  if (!url) return { configured: false };
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  return {
    configured: true,
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    user: u.username ? decodeURIComponent(u.username) : undefined,
  };
}

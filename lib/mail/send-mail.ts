import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { dataDir } from "@/db/config";
import { env } from "@/lib/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Where a message went: to the SMTP server, or (no SMTP_URL: the demo) to a file under `.data/mail/`. */
export type MailDelivery = { via: "smtp"; messageId: string } | { via: "file"; path: string };

export interface MailFailure {
  code: "mail_failed";
  message: string;
}

/** Delivery never throws: a mail that cannot go out is logged and reported, the request goes on. */
export type SendMailResult = { ok: true; data: MailDelivery } | { ok: false; error: MailFailure };

export const defaultMailFrom = "Atelier <no-reply@atelier.local>";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

// Nodemailer waits minutes by default; a request that sends mail should give up within seconds.
const smtpTimeouts = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "20000" } as const;

/**
 * SMTP_URL as nodemailer reads it (its query string sets options, e.g. `?tls.rejectUnauthorized=false`), with
 * our defaults: short timeouts, and no STARTTLS to a relay on this machine (plain `smtp://127.0.0.1:2525`), whose
 * traffic never leaves it. Any other `smtp://` host keeps nodemailer's opportunistic STARTTLS with verification.
 */
export function smtpTransportUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(smtpTimeouts)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  const tlsChosen = ["ignoreTLS", "requireTLS", "secure"].some((key) => url.searchParams.has(key));
  if (url.protocol === "smtp:" && loopbackHosts.has(url.hostname.toLowerCase()) && !tlsChosen) url.searchParams.set("ignoreTLS", "true");
  return url.toString();
}

let cached: { url: string; transporter: Transporter } | undefined;

function transporterFor(smtpUrl: string): Transporter {
  if (cached?.url !== smtpUrl) {
    cached?.transporter.close();
    cached = { url: smtpUrl, transporter: nodemailer.createTransport(smtpTransportUrl(smtpUrl)) };
  }
  return cached.transporter;
}

function mailFrom(): string {
  return env().MAIL_FROM || defaultMailFrom;
}

/** Header values never carry line breaks (no header injection through a stored name or address). */
function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function sendWithSmtp(smtpUrl: string, message: MailMessage): Promise<SendMailResult> {
  try {
    const info = await transporterFor(smtpUrl).sendMail({
      from: mailFrom(),
      to: headerValue(message.to),
      subject: headerValue(message.subject),
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
    });
    return { ok: true, data: { via: "smtp", messageId: String(info.messageId ?? "") } };
  } catch (error) {
    // The SMTP URL may hold a password: it is never logged.
    console.error(`[mail] Sending "${headerValue(message.subject)}" to ${headerValue(message.to)} through SMTP failed: ${errorMessage(error)}`);
    return { ok: false, error: { code: "mail_failed", message: "The e-mail could not be sent." } };
  }
}

/** The demo's mailbox: an RFC 822-style text file per message (readable, unencoded, so links can be copied). */
async function writeToFile(message: MailMessage): Promise<SendMailResult> {
  try {
    const folder = path.join(dataDir(), "mail");
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    const now = new Date();
    const file = path.join(folder, `${now.toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`);
    const content = [
      `From: ${headerValue(mailFrom())}`,
      `To: ${headerValue(message.to)}`,
      `Subject: ${headerValue(message.subject)}`,
      `Date: ${now.toUTCString()}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      message.text,
      "",
    ].join("\n");
    // The message may carry a secret link: readable by the server's user only.
    await fs.writeFile(file, content, { mode: 0o600 });
    console.info(
      `[mail] No SMTP_URL set: "${headerValue(message.subject)}" for ${headerValue(message.to)} written to ${file}\n${message.text}`,
    );
    return { ok: true, data: { via: "file", path: file } };
  } catch (error) {
    console.error(`[mail] Writing "${headerValue(message.subject)}" for ${headerValue(message.to)} to ${dataDir()}/mail failed: ${errorMessage(error)}`);
    return { ok: false, error: { code: "mail_failed", message: "The e-mail could not be written." } };
  }
}

/**
 * Sends one e-mail through nodemailer to SMTP_URL (from MAIL_FROM, default "Atelier <no-reply@atelier.local>").
 * Without SMTP_URL (the demo) the message is written to `<data dir>/mail/` and logged, so flows that mail a
 * link work out of the box. Never throws.
 */
export async function sendMail(message: MailMessage): Promise<SendMailResult> {
  const smtpUrl = env().SMTP_URL;
  return smtpUrl ? sendWithSmtp(smtpUrl, message) : writeToFile(message);
}

import nodemailer from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { MailSender } from './options.js';

export interface MailTransport extends MailSender {
  close(): void;
}

const CONNECT_TIMEOUT_MS = 30_000;

/** A pooled SMTP transport: a few connections reused, as many as emails are sent at once. */
export function createMailTransport(smtpUrl: string, connections: number): MailTransport {
  // Built as a pool itself: createTransport given a `url` reads only the URL, dropping the rest.
  return nodemailer.createTransport(
    new SMTPPool({
      url: smtpUrl,
      pool: true,
      maxConnections: connections,
      // Well inside a claim's lease (options.ts): a hung server must not outlast the claim, or
      // another instance would take the row and send it too.
      connectionTimeout: CONNECT_TIMEOUT_MS,
      greetingTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: 60_000,
    } as SMTPPool.Options),
  );
}

/** The SMTP server as it may be logged: never the user name or password. */
export function describeSmtp(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(an SMTP_URL that is not a URL)';
  }
}

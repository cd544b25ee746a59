import nodemailer from 'nodemailer';
import type { MailSender } from './options.js';

export interface MailTransport extends MailSender {
  close(): void;
}

/** A pooled SMTP transport: a few connections reused, as many as emails are sent at once. */
export function createMailTransport(smtpUrl: string, connections: number): MailTransport {
  return nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: connections });
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

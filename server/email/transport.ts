import net from 'node:net';
import nodemailer from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { MailSender } from './options.js';

export interface MailTransport extends MailSender {
  close(): void;
}

const CONNECT_TIMEOUT_MS = 30_000;

/**
 * nodemailer's sockets keep Nagle's algorithm on: an email's body goes out in several writes, each
 * waiting for the server's delayed acknowledgement (about 40 ms), which made every send take tens
 * of milliseconds whatever its size. Our own socket, with no delay, is handed to it instead;
 * nodemailer still upgrades it to TLS as the URL asks.
 */
function socketWithoutDelay(
  options: { host?: string; port?: number },
  callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
): void {
  const socket = net.connect({ host: options.host, port: options.port ?? 25 });
  socket.setNoDelay(true);
  socket.setTimeout(CONNECT_TIMEOUT_MS, () =>
    socket.destroy(new Error('Timed out connecting to the SMTP server')),
  );
  socket.once('error', callback);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.removeListener('error', callback);
    callback(null, { connection: socket });
  });
}

/** A pooled SMTP transport: a few connections reused, as many as emails are sent at once. */
export function createMailTransport(smtpUrl: string, connections: number): MailTransport {
  // Built as a pool itself: createTransport given a `url` reads only the URL, dropping the rest.
  return nodemailer.createTransport(
    new SMTPPool({
      url: smtpUrl,
      pool: true,
      maxConnections: connections,
      getSocket: socketWithoutDelay,
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

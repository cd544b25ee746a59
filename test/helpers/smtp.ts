import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

export interface TestSmtp {
  /** smtp://user:pass@127.0.0.1:<port>, as SMTP_URL would name it. */
  url: string;
  messages: ReceivedMail[];
  /** The next `n` messages are refused with a temporary error (451). */
  refuseNext(n: number): void;
  /** Every message is refused until this is called with false. */
  refuseAll(on: boolean): void;
  close(): Promise<void>;
}

const USER = 'mailer';
const PASS = 'mailer-secret';

/** A real SMTP server on a random local port that keeps every message it accepts. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let refusals = 0;
  let refusing = false;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing || refusals > 0) {
          refusals = Math.max(0, refusals - 1);
          const err = Object.assign(new Error('Try again later: mailbox busy'), {
            responseCode: 451,
          });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push(
          parseMail(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  server.server.prependListener('connection', (socket: import('node:net').Socket) =>
    socket.setNoDelay(true),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    messages,
    refuseNext(n) {
      refusals = n;
    },
    refuseAll(on) {
      refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const text = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const hex = text[i] === '=' ? /^[0-9A-F]{2}/i.exec(text.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeBody(text.replace(/_/g, ' '), 'quoted-printable'),
  );
}

function collectParts(raw: string, found: { text: string; html: string }): Map<string, string> {
  const at = raw.indexOf('\r\n\r\n');
  const headers = splitHeaders(raw.slice(0, at));
  const body = raw.slice(at + 4);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      collectParts(part.replace(/^\r\n/, ''), found);
    }
  } else if (type.startsWith('text/html')) {
    found.html = decodeBody(body, headers.get('content-transfer-encoding'));
  } else if (type.startsWith('text/plain')) {
    found.text = decodeBody(body, headers.get('content-transfer-encoding'));
  }
  return headers;
}

function parseMail(raw: string, envelopeTo: string[]): ReceivedMail {
  const found = { text: '', html: '' };
  const headers = collectParts(raw, found);
  return {
    envelopeTo,
    raw,
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: found.text.replace(/\r\n/g, '\n'),
    html: found.html.replace(/\r\n/g, '\n'),
  };
}

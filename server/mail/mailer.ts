import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { mailDir, type Config } from '../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is about (e.g. `verify-email`); logged instead of anything from the message itself. */
  kind?: string;
}

export interface Mailer {
  /** Sends one message; rejects with a MailError when the mail server or the folder does not take it. */
  send(message: MailMessage): Promise<void>;
  /** Waits for messages under way, then closes the SMTP connections. */
  close(): Promise<void>;
  readonly transport: 'smtp' | 'folder';
}

/** The part of a logger the mailer uses; a Fastify/pino logger fits. */
export interface MailLog {
  info(o: object | string, msg?: string): void;
  warn(o: object | string, msg?: string): void;
  error(o: object | string, msg?: string): void;
}

/** A mail that was not sent. The message is safe to show and log: it never holds credentials or content. */
export class MailError extends Error {
  constructor(
    message: string,
    /** Nodemailer's or the system's error code, e.g. ECONNECTION, ETIMEDOUT, EAUTH, ENOSPC. */
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

/**
 * Limits for the SMTP conversation, so a dead or stuck mail server fails a request within about 15 s instead
 * of holding it for nodemailer's defaults (2 min to connect, 10 min of silence).
 */
const SMTP_TIMEOUTS = {
  dnsTimeout: 5_000,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 15_000,
} as const;

/**
 * The mail transport the configuration asks for: the SMTP server in SMTP_URL, or else a folder under DATA_DIR
 * that receives every message as an .eml file, so the server runs (and links can be followed) without one.
 */
export function createMailer(config: Config, log: MailLog): Mailer {
  return config.SMTP_URL ? smtpMailer(config, config.SMTP_URL, log) : folderMailer(config, log);
}

function smtpMailer(config: Config, url: string, log: MailLog): Mailer {
  // nodemailer's own logger stays off (the default): it would write whole SMTP transcripts, bodies included.
  const transporter = createTransport({ url, pool: true, maxConnections: 3, ...SMTP_TIMEOUTS });
  const secrets = urlSecrets(url);
  const pending = new Set<Promise<unknown>>();
  let closed = false;
  return {
    transport: 'smtp',
    async send(message) {
      if (closed) throw new MailError('The mailer is closed', undefined);
      const sending = transporter.sendMail({ from: config.MAIL_FROM, ...content(message) });
      pending.add(sending);
      try {
        const info = await sending;
        log.info({ mail: message.kind ?? 'mail', messageId: info.messageId, transport: 'smtp' }, 'mail sent');
      } catch (error) {
        const failure = toMailError(error, secrets);
        log.error({ mail: message.kind ?? 'mail', code: failure.code, reason: failure.message }, 'mail not sent');
        throw failure;
      } finally {
        pending.delete(sending);
      }
    },
    async close() {
      closed = true;
      await Promise.allSettled([...pending]);
      transporter.close();
    },
  };
}

function folderMailer(config: Config, log: MailLog): Mailer {
  // `buffer` makes nodemailer build the complete RFC 822 message (headers, MIME parts, encodings) in memory;
  // CRLF line ends are what the format requires and what mail programs expect from an .eml file.
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const dir = mailDir(config);
  const pending = new Set<Promise<unknown>>();
  let closed = false;

  async function deliver(message: MailMessage): Promise<void> {
    try {
      const info = await transporter.sendMail({ from: config.MAIL_FROM, ...content(message) });
      if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer did not build the message in memory');
      await mkdir(dir, { recursive: true });
      const file = join(dir, fileName(new Date()));
      // `wx`: never overwrite a message that is already there.
      await writeFile(file, info.message, { flag: 'wx' });
      log.info({ mail: message.kind ?? 'mail', messageId: info.messageId, transport: 'folder', file }, 'mail written to folder');
    } catch (error) {
      const failure = toMailError(error, []);
      log.error({ mail: message.kind ?? 'mail', code: failure.code, reason: failure.message }, 'mail not written');
      throw failure;
    }
  }

  return {
    transport: 'folder',
    async send(message) {
      if (closed) throw new MailError('The mailer is closed', undefined);
      const writing = deliver(message);
      pending.add(writing);
      try {
        await writing;
      } finally {
        pending.delete(writing);
      }
    },
    async close() {
      closed = true;
      await Promise.allSettled([...pending]);
      transporter.close();
    },
  };
}

/** Only the fields a message is meant to have, so a caller's extra properties never reach nodemailer. */
function content(message: MailMessage): { to: string; subject: string; text: string; html?: string } {
  const { to, subject, text, html } = message;
  return html === undefined ? { to, subject, text } : { to, subject, text, html };
}

/** `2026-11-26T10-15-03-123Z-3f9a1c0b.eml`: sorts by time, and the random part keeps names apart within a millisecond. */
export function fileName(at: Date): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
}

/** The user name and password in an SMTP URL, in every spelling they could show up in an error message. */
function urlSecrets(url: string): string[] {
  const { username, password } = new URL(url);
  const found = new Set<string>();
  for (const raw of [username, password]) {
    if (!raw) continue;
    found.add(raw);
    found.add(safeDecode(raw));
  }
  // Longest first, so a password that contains the user name is removed whole.
  return [...found].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Turns whatever nodemailer or the file system threw into a MailError. Only the error's own message is kept
 * (never the failed SMTP command, which can carry AUTH data) and any credential from the URL is cut out of it.
 */
function toMailError(error: unknown, secrets: string[]): MailError {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  let detail = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) detail = detail.split(secret).join('***');
  return new MailError(`Mail could not be sent${code ? ` (${code})` : ''}: ${detail}`, code);
}

import type { FastifyBaseLogger } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { createMailer, fileName, MailError, type MailLog, type Mailer } from '../../server/mail/mailer';
import {
  accountDeletedMail,
  invitationMail,
  memberInvitationMail,
  passwordResetMail,
  registrationAttemptMail,
  reviewResultMail,
  verifyEmailMail,
  type MailContent,
} from '../../server/mail/templates';
import { readMessage, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

/** Every log call, so tests can prove what was (not) written. */
function captureLog(): MailLog & { entries: { level: string; obj: unknown; msg?: string }[] } {
  const entries: { level: string; obj: unknown; msg?: string }[] = [];
  const at = (level: string) => (obj: object | string, msg?: string) => void entries.push({ level, obj, msg });
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A token like the ones auth issues: 32 random bytes, base64url, 43 characters. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Long enough (> 76 characters) that quoted-printable has to wrap it, and the `=` must survive as `=3D`. */
function linkWith(token: string): string {
  return `https://bildung.landkreis-beispielstadt.example.de/anbieter/e-mail-bestaetigen?token=${token}&lang=de`;
}

function tokenIn(text: string): string | undefined {
  return /[?&]token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'blk-mail-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A loopback port nobody listens on: taken from the system, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('mail log', () => {
  it('takes a Fastify logger', () => {
    expectTypeOf<FastifyBaseLogger>().toExtend<MailLog>();
  });
});

describe('templates', () => {
  const link = linkWith(newToken());
  const all: [string, MailContent][] = (['de', 'en'] as const).flatMap((lang) => [
    [`verify-email ${lang}`, verifyEmailMail({ lang, name: 'Anna', link })],
    [`password-reset ${lang}`, passwordResetMail({ lang, name: 'Anna', link })],
    [`registration-attempt ${lang}`, registrationAttemptMail({ lang, name: 'Anna', link })],
    [`invitation ${lang}`, invitationMail({ lang, name: 'Anna', role: 'coordinator', regionName: 'Landkreis Nord', link })],
    [`member-invitation ${lang}`, memberInvitationMail({ lang, name: 'Anna', organisationName: 'Lesepaten e.V.', inviterName: 'Bernd', link })],
    [`review-result ${lang}`, reviewResultMail({ lang, name: 'Anna', offeringTitle: 'Schach-AG', outcome: 'published', link })],
  ]);

  it.each(all)('%s puts the link on a line of its own in the text and as an anchor in the HTML', (_name, mail) => {
    expect(mail.text.split('\n')).toContain(link);
    expect(mail.html).toContain(`<p><a href="${link.replace('&', '&#38;')}">${link.replace('&', '&#38;')}</a></p>`);
  });

  it('states how long each link is valid', () => {
    expect(verifyEmailMail({ lang: 'de', name: 'A', link }).text).toContain('Der Link ist 24 Stunden gültig.');
    expect(verifyEmailMail({ lang: 'en', name: 'A', link }).text).toContain('The link is valid for 24 hours.');
    expect(passwordResetMail({ lang: 'de', name: 'A', link }).text).toContain('Der Link ist 1 Stunde gültig.');
    expect(passwordResetMail({ lang: 'en', name: 'A', link }).text).toContain('If you did not ask for a new password, just ignore');
    expect(invitationMail({ lang: 'de', name: 'A', role: 'admin', link }).text).toContain('Der Link ist 7 Tage gültig.');
    expect(invitationMail({ lang: 'en', name: 'A', role: 'admin', link }).text).toContain('The link is valid for 7 days.');
    const member = (lang: 'de' | 'en') => memberInvitationMail({ lang, name: 'A', organisationName: 'O', inviterName: 'B', link }).text;
    expect(member('de')).toContain('Der Link ist 7 Tage gültig.');
    expect(member('en')).toContain('The link is valid for 7 days.');
  });

  it('names the organisation and who invited, each on one line, in a member’s invitation', () => {
    const mail = memberInvitationMail({ lang: 'de', name: 'Anna', organisationName: 'Lesepaten\n\nKlicken Sie hier', inviterName: 'Bernd <b>B</b>', link });
    expect(mail.kind).toBe('member-invitation');
    expect(mail.subject).toBe('Einladung: Lesepaten Klicken Sie hier in der Bildungslandkarte');
    expect(mail.text).toContain('Bernd <b>B</b> hat Sie eingeladen, die Angebote von „Lesepaten Klicken Sie hier“ in der Bildungslandkarte mit zu pflegen.');
    expect(mail.html).toContain('Bernd &#60;b&#62;B&#60;/b&#62; hat Sie eingeladen');
  });

  it('names the role and, for coordinators, the region', () => {
    expect(invitationMail({ lang: 'en', name: 'A', role: 'coordinator', regionName: 'Landkreis Nord', link }).text).toContain(
      'as a coordinator for the education region Landkreis Nord.',
    );
    expect(invitationMail({ lang: 'de', name: 'A', role: 'admin', regionName: 'Landkreis Nord', link }).text).toContain(
      'Sie wurden eingeladen, als Administratorin oder Administrator an der Bildungslandkarte mitzuarbeiten.',
    );
  });

  it('quotes the reviewer’s reason line by line in the text and escaped in the HTML', () => {
    const mail = reviewResultMail({
      lang: 'de',
      name: 'Anna',
      offeringTitle: 'Kochen & Backen',
      outcome: 'rejected',
      reason: 'Die Adresse fehlt.\nBitte <b>ergänzen</b>.',
      link,
    });
    expect(mail.subject).toBe('Nicht veröffentlicht: Kochen & Backen');
    expect(mail.text).toContain('leider nicht veröffentlicht. Die Begründung:\n\n> Die Adresse fehlt.\n> Bitte <b>ergänzen</b>.\n\n');
    expect(mail.html).toContain('Die Adresse fehlt.<br>\nBitte &#60;b&#62;ergänzen&#60;/b&#62;.</blockquote>');
    expect(mail.html).toContain('Ihr Angebot „Kochen &#38; Backen“ wurde');
  });

  it('keeps a name with line breaks on the greeting line', () => {
    const mail = accountDeletedMail({ lang: 'en', name: 'Eve\r\n\r\nClick http://evil.example', });
    expect(mail.text.split('\n')[0]).toBe('Hello Eve Click http://evil.example,');
    expect(mail.subject).toBe('Your account has been deleted');
  });

  it('greets without a name when none is given', () => {
    expect(accountDeletedMail({ lang: 'de', name: '  ' }).text.startsWith('Hallo,\n\nIhr Konto bei der Bildungslandkarte wurde gelöscht.')).toBe(true);
  });
});

describe('SMTP transport', () => {
  let sink: SmtpSink;
  let mailer: Mailer;
  const log = captureLog();

  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = createMailer(loadConfig({ DATA_DIR: tempDir(), SMTP_URL: sink.url }), log);
  });
  afterAll(async () => {
    await mailer?.close();
    await sink?.close();
  });

  const cases: [string, (link: string) => MailContent][] = [
    ['verify-email de', (link) => verifyEmailMail({ lang: 'de', name: 'Anna Müller', link })],
    ['verify-email en', (link) => verifyEmailMail({ lang: 'en', name: 'Anna Müller', link })],
    ['password-reset de', (link) => passwordResetMail({ lang: 'de', name: 'Jörg', link })],
    ['password-reset en', (link) => passwordResetMail({ lang: 'en', name: 'Jörg', link })],
    ['registration-attempt de', (link) => registrationAttemptMail({ lang: 'de', name: 'Jörg', link })],
    ['invitation de', (link) => invitationMail({ lang: 'de', name: 'Kim', role: 'coordinator', regionName: 'Ostalb', link })],
    ['invitation en', (link) => invitationMail({ lang: 'en', name: 'Kim', role: 'admin', link })],
    ['member-invitation de', (link) => memberInvitationMail({ lang: 'de', name: 'Kim', organisationName: 'Bürgerstiftung Höhenried', inviterName: 'Jörg', link })],
    ['review-result de', (link) => reviewResultMail({ lang: 'de', name: 'Ali', offeringTitle: 'Töpfern für Kinder', outcome: 'published', link })],
    [
      'review-result en',
      (link) => reviewResultMail({ lang: 'en', name: 'Ali', offeringTitle: 'Pottery', outcome: 'rejected', reason: 'No dates given.', link }),
    ],
  ];

  it.each(cases)('delivers %s with subject, text and link intact', async (name, build) => {
    const token = newToken();
    expect(token).toHaveLength(43);
    const mail = build(linkWith(token));
    const to = `${name.replace(/\s/g, '-')}@example.org`;
    await mailer.send({ to, ...mail });
    const received = await sink.waitFor((m) => m.to.includes(to));

    expect(received.to).toEqual([to]);
    expect(received.from).toBe('no-reply@bildungslandkarte.example');
    expect(received.raw).toContain('From: Bildungslandkarte <no-reply@bildungslandkarte.example>\r\n');
    expect(received.subject).toBe(mail.subject);
    expect(received.text).toBe(mail.text);
    expect(received.html).toBe(mail.html);
    expect(tokenIn(received.text)).toBe(token);
    expect(received.text.split('\n')).toContain(linkWith(token));
    // The link did go over the wire wrapped and encoded: the decoding above is what made it whole again.
    expect(received.raw).not.toContain(linkWith(token));
  });

  it('escapes a name with markup in the HTML part and keeps it as written in the text part', async () => {
    const mail = verifyEmailMail({ lang: 'en', name: '<script>alert(1)</script>', link: linkWith(newToken()) });
    await mailer.send({ to: 'markup@example.org', ...mail });
    const received = await sink.waitFor((m) => m.to.includes('markup@example.org'));
    expect(received.html).toContain('<p>Hello &#60;script&#62;alert(1)&#60;/script&#62;,</p>');
    expect(received.html).not.toContain('<script');
    expect(received.text.split('\n')[0]).toBe('Hello <script>alert(1)</script>,');
  });

  it('logs the kind and message id of each mail and never its token, link or recipient', async () => {
    const token = newToken();
    const before = log.entries.length;
    await mailer.send({ to: 'quiet@example.org', ...passwordResetMail({ lang: 'de', name: 'Q', link: linkWith(token) }) });
    const received = await sink.waitFor((m) => m.to.includes('quiet@example.org'));
    const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(received.raw)?.[1];
    expect(log.entries.slice(before)).toEqual([
      { level: 'info', obj: { mail: 'password-reset', messageId, transport: 'smtp' }, msg: 'mail sent' },
    ]);
    const everything = JSON.stringify(log.entries);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('bestaetigen');
    expect(everything).not.toContain('@example.org');
  });

  it('logs in with the user and password from SMTP_URL and keeps the password out of the log', async () => {
    const withLogin = captureLog();
    const url = sink.url.replace('smtp://', 'smtp://mailer:Geheim%2Fpass@');
    const authed = createMailer(loadConfig({ DATA_DIR: tempDir(), SMTP_URL: url }), withLogin);
    try {
      await authed.send({ to: 'login@example.org', ...accountDeletedMail({ lang: 'de', name: 'L' }) });
      const received = await sink.waitFor((m) => m.to.includes('login@example.org'));
      expect(received.subject).toBe('Ihr Konto wurde gelöscht');
      expect(JSON.stringify(withLogin.entries)).not.toMatch(/Geheim/);
    } finally {
      await authed.close();
    }
  });
});

describe('SMTP failures', () => {
  const password = 'Sup3r-Geheim-Passw0rt';
  let silent: Server | undefined;
  const sockets = new Set<Socket>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
    silent = undefined;
  });

  it('rejects with a MailError at once when nothing listens, without the credentials', async () => {
    const port = await deadPort();
    const log = captureLog();
    const mailer = createMailer(loadConfig({ DATA_DIR: tempDir(), SMTP_URL: `smtp://postmaster:${password}@127.0.0.1:${port}` }), log);
    const started = performance.now();
    const error = await mailer.send({ to: 'dead@example.org', ...verifyEmailMail({ lang: 'de', name: 'D', link: linkWith(newToken()) }) }).then(
      () => null,
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;
    await mailer.close();

    expect(error).toBeInstanceOf(MailError);
    const mailError = error as MailError;
    expect(mailError.code).toBe('ESOCKET');
    expect(mailError.message).toBe(`Mail could not be sent (ESOCKET): connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(mailError.message).not.toContain(password);
    expect(elapsed).toBeLessThan(2_000);
    console.info(`mail: refused connection reported after ${elapsed.toFixed(0)} ms`);
    expect(log.entries).toEqual([
      { level: 'error', obj: { mail: 'verify-email', code: 'ESOCKET', reason: mailError.message }, msg: 'mail not sent' },
    ]);
  });

  it('cuts the user name and password out of a server answer that repeats them', async () => {
    // A server that echoes the login in its refusal, as a badly written one might.
    const echoing = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        callback(new Error(`No such login ${auth.username}/${auth.password}`));
      },
    });
    await new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', () => resolve()));
    const { port } = echoing.server.address() as { port: number };
    const mailer = createMailer(
      loadConfig({ DATA_DIR: tempDir(), SMTP_URL: `smtp://postmaster:${encodeURIComponent(password)}@127.0.0.1:${port}` }),
      captureLog(),
    );
    try {
      const error = await mailer.send({ to: 'echo@example.org', subject: 'Echo', text: 'echo' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MailError);
      expect((error as MailError).code).toBe('EAUTH');
      expect((error as MailError).message).toBe('Mail could not be sent (EAUTH): Invalid login: 535 No such login ***/***');
    } finally {
      await mailer.close();
      await new Promise<void>((resolve) => echoing.close(() => resolve()));
    }
  });

  it('gives up on a server that accepts but never greets within 15 s', async () => {
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const mailer = createMailer(loadConfig({ DATA_DIR: tempDir(), SMTP_URL: `smtp://postmaster:${password}@127.0.0.1:${port}` }), captureLog());
    const started = performance.now();
    const error = await mailer.send({ to: 'stuck@example.org', ...accountDeletedMail({ lang: 'en', name: 'S' }) }).then(
      () => null,
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;
    await mailer.close();

    expect(error).toBeInstanceOf(MailError);
    expect((error as MailError).code).toBe('ETIMEDOUT');
    expect((error as MailError).message).not.toContain(password);
    expect(elapsed).toBeGreaterThan(9_000);
    expect(elapsed).toBeLessThan(15_000);
    console.info(`mail: silent server reported after ${elapsed.toFixed(0)} ms`);
  }, 25_000);
});

describe('folder transport', () => {
  it('writes each mail as an .eml file in DATA_DIR/mail, created on demand, named in sending order', async () => {
    const dataDir = tempDir();
    const log = captureLog();
    const mailer = createMailer(loadConfig({ DATA_DIR: dataDir }), log);
    expect(mailer.transport).toBe('folder');
    expect(readdirSync(dataDir)).toEqual([]);

    const tokens = [newToken(), newToken(), newToken()];
    for (const [i, token] of tokens.entries()) {
      await mailer.send({ to: `folder${i}@example.org`, ...verifyEmailMail({ lang: 'de', name: `Nr. ${i}`, link: linkWith(token) }) });
    }
    await mailer.close();

    const files = readdirSync(join(dataDir, 'mail'));
    expect(files).toHaveLength(3);
    for (const file of files) expect(file).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{8}\.eml$/);
    const read = files.sort().map((file) => readFileSync(join(dataDir, 'mail', file), 'latin1'));
    for (const [i, raw] of read.entries()) {
      expect(raw).toContain(`\r\nTo: folder${i}@example.org\r\n`);
      const message = readMessage(raw);
      expect(message.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
      expect(message.text.split('\n')).toContain(linkWith(tokens[i]!));
      expect(message.text.startsWith(`Hallo Nr. ${i},\n`)).toBe(true);
    }
    expect(log.entries.map((e) => e.msg)).toEqual(['mail written to folder', 'mail written to folder', 'mail written to folder']);
    expect(JSON.stringify(log.entries)).not.toContain(tokens[0]);
  });

  it('names files by time so they sort in order', () => {
    const name = fileName(new Date('2026-11-26T10:15:03.123Z'));
    expect(name).toMatch(/^2026-11-26T10-15-03-123Z-[0-9a-f]{8}\.eml$/);
    expect(fileName(new Date('2026-11-26T10:15:03.124Z')) > name).toBe(true);
  });

  it('rejects with a MailError when the folder cannot be created', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'mail'), 'a file where the folder should be');
    const log = captureLog();
    const mailer = createMailer(loadConfig({ DATA_DIR: dataDir }), log);
    const token = newToken();
    await expect(mailer.send({ to: 'x@example.org', ...verifyEmailMail({ lang: 'en', name: 'X', link: linkWith(token) }) })).rejects.toThrow(
      MailError,
    );
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ level: 'error', obj: { mail: 'verify-email', code: 'EEXIST' }, msg: 'mail not written' });
    expect(JSON.stringify(log.entries)).not.toContain(token);
  });

  it('refuses to send after close', async () => {
    const mailer = createMailer(loadConfig({ DATA_DIR: tempDir() }), captureLog());
    await mailer.close();
    await expect(mailer.send({ to: 'late@example.org', subject: 'Late', text: 'late' })).rejects.toThrow('The mailer is closed');
  });
});

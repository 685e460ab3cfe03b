import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMessage } from '../../helpers/smtp-sink';

export interface FolderMail {
  file: string;
  subject: string;
  text: string;
  html: string | null;
  /** The To header as written (addresses may be wrapped in a name). */
  to: string;
}

/** Every .eml the folder mail transport wrote (DATA_DIR/mail), newest first: their names sort by time. */
export async function readMails(dir: string): Promise<FolderMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const mails: FolderMail[] = [];
  for (const name of names.filter((n) => n.endsWith('.eml')).sort().reverse()) {
    const raw = (await readFile(join(dir, name))).toString('latin1');
    const to = /^to:\s*(.+)$/im.exec(raw.split(/\r?\n\r?\n/)[0] ?? '')?.[1] ?? '';
    mails.push({ file: name, to, ...readMessage(raw) });
  }
  return mails;
}

/** Waits for the newest mail to `address` (the transport writes it after the request has answered). */
export async function waitForMail(dir: string, address: string, timeoutMs = 10_000): Promise<FolderMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await readMails(dir)).find((m) => m.to.toLowerCase().includes(address.toLowerCase()));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No mail to ${address} in ${dir} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The path and query of the first link in the mail's text that leads to `pathPrefix` (e.g. `/konto/bestaetigen`),
 * so a test can open it against its own server whatever PUBLIC_URL the mail was written with.
 */
export function linkIn(mail: FolderMail, pathPrefix: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return `${url.pathname}${url.search}`;
  }
  throw new Error(`No link to ${pathPrefix} in the mail "${mail.subject}":\n${mail.text.slice(0, 1000)}`);
}

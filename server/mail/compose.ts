/** Text that came from a person (a name, a title, a reason); escaped before it reaches any HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A value meant for one line (a name, a title, a subject): control characters and line breaks become spaces,
 * so user text cannot add lines that look like ours ("Click here: …") or break a header.
 */
export function oneLine(value: string, maxLength = 200): string {
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1).trimEnd()}…` : flat;
}

/** One block of a mail, rendered in both the text and the HTML part. */
export type Block =
  | { type: 'paragraph'; text: string }
  /** A link on a line of its own, so a person can copy it and a mail client does not glue words to it. */
  | { type: 'link'; url: string }
  /** Text a person wrote (a reviewer's reason), kept with its line breaks and set apart from ours. */
  | { type: 'quote'; text: string };

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** Builds the text and HTML parts from the same blocks, so both always say the same thing. */
export function composeMail(lang: 'de' | 'en', subject: string, blocks: Block[]): ComposedMail {
  const text = blocks.map(blockText).join('\n\n');
  const body = blocks.map(blockHtml).join('\n');
  const html =
    `<!doctype html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1a1a1a;">\n${body}\n</body>\n</html>\n`;
  return { subject: oneLine(subject, 250), text: `${text}\n`, html };
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'link':
      return block.url;
    case 'quote':
      return block.text
        .trim()
        .split(/\r?\n/)
        .map((line) => `> ${line}`.trimEnd())
        .join('\n');
  }
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${withBreaks(block.text)}</p>`;
    case 'link':
      return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`;
    case 'quote':
      return `<blockquote style="border-left: 3px solid #ccc; margin: 0 0 1em; padding-left: 1em;">${withBreaks(block.text.trim())}</blockquote>`;
  }
}

function withBreaks(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join('<br>\n');
}

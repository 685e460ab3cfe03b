import { composeMail, oneLine, type Block, type ComposedMail } from './compose';

export type MailLang = 'de' | 'en';

/** What a mail is about; the only thing about a mail that is logged besides its message id. */
export type MailKind =
  | 'verify-email' | 'password-reset' | 'registration-attempt' | 'invitation' | 'member-invitation' | 'review-result' | 'account-deleted';

export interface MailContent extends ComposedMail {
  kind: MailKind;
}

/**
 * How long each kind of link is valid. The mails state these figures, so code that issues tokens should use
 * them too, and the text and the rule cannot drift apart.
 */
export const LINK_LIFETIME_MS = {
  verifyEmail: 24 * 60 * 60 * 1000,
  passwordReset: 60 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
} as const;

function greeting(lang: MailLang, name: string): Block {
  const who = oneLine(name);
  if (lang === 'de') return { type: 'paragraph', text: who ? `Hallo ${who},` : 'Hallo,' };
  return { type: 'paragraph', text: who ? `Hello ${who},` : 'Hello,' };
}

function signOff(lang: MailLang): Block {
  return { type: 'paragraph', text: lang === 'de' ? 'Viele Grüße\nIhre Bildungslandkarte' : 'Best regards\nBildungslandkarte' };
}

function paragraph(text: string): Block {
  return { type: 'paragraph', text };
}

function mail(kind: MailKind, lang: MailLang, subject: string, name: string, blocks: Block[]): MailContent {
  return { kind, ...composeMail(lang, subject, [greeting(lang, name), ...blocks, signOff(lang)]) };
}

/** Asks a new provider to confirm their e-mail address. */
export function verifyEmailMail(input: { lang: MailLang; name: string; link: string }): MailContent {
  const link: Block = { type: 'link', url: input.link };
  if (input.lang === 'de') {
    return mail('verify-email', 'de', 'Bitte bestätigen Sie Ihre E-Mail-Adresse', input.name, [
      paragraph('vielen Dank für Ihre Anmeldung bei der Bildungslandkarte. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link:'),
      link,
      paragraph('Der Link ist 24 Stunden gültig. Wenn Sie sich nicht angemeldet haben, können Sie diese E-Mail ignorieren.'),
    ]);
  }
  return mail('verify-email', 'en', 'Please confirm your e-mail address', input.name, [
    paragraph('thank you for registering with Bildungslandkarte. Please confirm your e-mail address with this link:'),
    link,
    paragraph('The link is valid for 24 hours. If you did not register, you can ignore this e-mail.'),
  ]);
}

/** Sends the link that sets a new password. */
export function passwordResetMail(input: { lang: MailLang; name: string; link: string }): MailContent {
  const link: Block = { type: 'link', url: input.link };
  if (input.lang === 'de') {
    return mail('password-reset', 'de', 'Neues Passwort für die Bildungslandkarte', input.name, [
      paragraph('Sie haben ein neues Passwort angefordert. Mit diesem Link legen Sie es fest:'),
      link,
      paragraph(
        'Der Link ist 1 Stunde gültig. Wenn Sie kein neues Passwort angefordert haben, ignorieren Sie diese E-Mail einfach – Ihr Passwort bleibt unverändert.',
      ),
    ]);
  }
  return mail('password-reset', 'en', 'New password for Bildungslandkarte', input.name, [
    paragraph('You asked for a new password. Set it with this link:'),
    link,
    paragraph('The link is valid for 1 hour. If you did not ask for a new password, just ignore this e-mail – your password stays the same.'),
  ]);
}

/**
 * Someone registered with an address that already has an account. Its owner may have forgotten the account,
 * so the mail offers to set a password (the reset flow); whoever did not register just ignores it.
 */
export function registrationAttemptMail(input: { lang: MailLang; name: string; link: string }): MailContent {
  const link: Block = { type: 'link', url: input.link };
  if (input.lang === 'de') {
    return mail('registration-attempt', 'de', 'Sie haben schon ein Konto bei der Bildungslandkarte', input.name, [
      paragraph('Gerade hat sich jemand mit dieser E-Mail-Adresse registriert. Für diese Adresse gibt es schon ein Konto. Wenn Sie das waren, legen Sie mit diesem Link ein neues Passwort fest und melden sich dann an:'),
      link,
      paragraph('Der Link ist 1 Stunde gültig. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail einfach – Ihr Konto bleibt unverändert.'),
    ]);
  }
  return mail('registration-attempt', 'en', 'You already have a Bildungslandkarte account', input.name, [
    paragraph('Someone just registered with this e-mail address, which already has an account. If that was you, set a new password with this link and then log in:'),
    link,
    paragraph('The link is valid for 1 hour. If you did not register, just ignore this e-mail – your account stays as it is.'),
  ]);
}

/** Invites a coordinator or admin, who sets their password through the link. */
export function invitationMail(input: {
  lang: MailLang;
  name: string;
  role: 'coordinator' | 'admin';
  regionName?: string;
  link: string;
}): MailContent {
  const link: Block = { type: 'link', url: input.link };
  const region = input.regionName ? oneLine(input.regionName) : '';
  if (input.lang === 'de') {
    const role =
      input.role === 'admin'
        ? 'als Administratorin oder Administrator'
        : `als Koordinatorin oder Koordinator${region ? ` für die Bildungsregion ${region}` : ''}`;
    return mail('invitation', 'de', 'Einladung zur Bildungslandkarte', input.name, [
      paragraph(`Sie wurden eingeladen, ${role} an der Bildungslandkarte mitzuarbeiten. Legen Sie mit diesem Link Ihr Passwort fest:`),
      link,
      paragraph('Der Link ist 7 Tage gültig. Danach kann Ihnen die Redaktion eine neue Einladung schicken.'),
    ]);
  }
  const role = input.role === 'admin' ? 'an administrator' : `a coordinator${region ? ` for the education region ${region}` : ''}`;
  return mail('invitation', 'en', 'Invitation to Bildungslandkarte', input.name, [
    paragraph(`You have been invited to work on Bildungslandkarte as ${role}. Set your password with this link:`),
    link,
    paragraph('The link is valid for 7 days. After that, the editors can send you a new invitation.'),
  ]);
}

/**
 * A member invites a colleague into their organisation; the colleague sets a password through the link, which
 * also confirms the address. Valid as long as the other invitations (7 days).
 */
export function memberInvitationMail(input: {
  lang: MailLang;
  name: string;
  organisationName: string;
  inviterName: string;
  link: string;
}): MailContent {
  const link: Block = { type: 'link', url: input.link };
  // Names typed by people: one line each, so none of them can start a paragraph of its own in the mail.
  const organisation = oneLine(input.organisationName);
  const inviter = oneLine(input.inviterName);
  if (input.lang === 'de') {
    return mail('member-invitation', 'de', `Einladung: ${oneLine(input.organisationName, 60)} in der Bildungslandkarte`, input.name, [
      paragraph(`${inviter} hat Sie eingeladen, die Angebote von „${organisation}“ in der Bildungslandkarte mit zu pflegen. Legen Sie mit diesem Link Ihr Passwort fest; damit ist auch Ihre E-Mail-Adresse bestätigt:`),
      link,
      paragraph(`Der Link ist 7 Tage gültig. Danach kann ${inviter} Sie erneut einladen. Wenn Sie die Einladung nicht erwartet haben, ignorieren Sie diese E-Mail einfach.`),
    ]);
  }
  return mail('member-invitation', 'en', `Invitation: ${oneLine(input.organisationName, 60)} on Bildungslandkarte`, input.name, [
    paragraph(`${inviter} has invited you to help maintain the offerings of “${organisation}” on Bildungslandkarte. Set your password with this link; this also confirms your e-mail address:`),
    link,
    paragraph(`The link is valid for 7 days. After that, ${inviter} can invite you again. If you did not expect this invitation, just ignore this e-mail.`),
  ]);
}

/** Tells a provider that an entry was published, or rejected and why. */
export function reviewResultMail(input: {
  lang: MailLang;
  name: string;
  offeringTitle: string;
  outcome: 'published' | 'rejected';
  reason?: string;
  link: string;
}): MailContent {
  const title = oneLine(input.offeringTitle);
  // The subject shows a shorter title: mail clients cut long subjects anyway.
  const shortTitle = oneLine(input.offeringTitle, 60);
  const link: Block = { type: 'link', url: input.link };
  const reason: Block[] = input.reason?.trim() ? [{ type: 'quote', text: input.reason }] : [];
  const de = input.lang === 'de';
  if (input.outcome === 'published') {
    return de
      ? mail('review-result', 'de', `Veröffentlicht: ${shortTitle}`, input.name, [
          paragraph(`Ihr Angebot „${title}“ ist jetzt in der Bildungslandkarte veröffentlicht. Hier können Sie es ansehen:`),
          link,
        ])
      : mail('review-result', 'en', `Published: ${shortTitle}`, input.name, [
          paragraph(`Your offering “${title}” is now published on Bildungslandkarte. You can see it here:`),
          link,
        ]);
  }
  return de
    ? mail('review-result', 'de', `Nicht veröffentlicht: ${shortTitle}`, input.name, [
        paragraph(`Ihr Angebot „${title}“ wurde von der Redaktion leider nicht veröffentlicht.${reason.length ? ' Die Begründung:' : ''}`),
        ...reason,
        paragraph('Sie können das Angebot hier überarbeiten und erneut einreichen:'),
        link,
      ])
    : mail('review-result', 'en', `Not published: ${shortTitle}`, input.name, [
        paragraph(`Unfortunately, the editors did not publish your offering “${title}”.${reason.length ? ' Their reason:' : ''}`),
        ...reason,
        paragraph('You can revise the offering and submit it again here:'),
        link,
      ]);
}

/** Confirms that an account was deleted, so a person notices if they did not do it. */
export function accountDeletedMail(input: { lang: MailLang; name: string }): MailContent {
  if (input.lang === 'de') {
    return mail('account-deleted', 'de', 'Ihr Konto wurde gelöscht', input.name, [
      paragraph('Ihr Konto bei der Bildungslandkarte wurde gelöscht.'),
      paragraph('Wenn Sie das nicht veranlasst haben, wenden Sie sich bitte an die Redaktion Ihrer Bildungsregion.'),
    ]);
  }
  return mail('account-deleted', 'en', 'Your account has been deleted', input.name, [
    paragraph('Your Bildungslandkarte account has been deleted.'),
    paragraph('If you did not ask for this, please contact the editors of your education region.'),
  ]);
}

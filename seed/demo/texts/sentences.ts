import type { TextTemplate } from './context';

// Sentences any description may carry after its intro: where, when, what it costs, how to register, and
// what else a family should know. The offering decides which groups apply; each group varies its wording.

export const PLACE: readonly TextTemplate[] = [
  (c) => `Wir treffen uns ${c.at}.`,
  (c) => `Das Angebot findet ${c.at} in ${c.city} statt.`,
  (c) => `Die Termine finden ${c.at} statt.`,
  (c) => `Los geht es ${c.at}, gut erreichbar in ${c.city}.`,
];

export const WHEN: readonly TextTemplate[] = [
  (c) => `Zeiten: ${c.schedule}.`,
  (c) => `Wann: ${c.schedule}.`,
];

export const FREE: readonly TextTemplate[] = [
  () => 'Die Teilnahme ist kostenlos.',
  () => 'Das Angebot ist kostenfrei.',
  () => 'Es entstehen keine Kosten, Spenden sind willkommen.',
];

export const REDUCED: readonly TextTemplate[] = [
  (c) => `Der Beitrag beträgt ${c.price}; Ermäßigungen sind möglich.`,
  (c) => `Es wird ein kleiner Beitrag von ${c.price} erhoben, mit Familienpass ermäßigt.`,
];

export const PAID: readonly TextTemplate[] = [
  (c) => `Die Kosten betragen ${c.price}.`,
  (c) => `Kosten: ${c.price}.`,
];

export const BUT: readonly TextTemplate[] = [
  () => 'Die Kosten können über das Bildungs- und Teilhabepaket (BuT) übernommen werden.',
  () => 'Familien mit Bildungskarte oder BuT-Bescheid nehmen kostenlos teil.',
  () => 'Wir helfen gern beim Antrag auf Leistungen aus Bildung und Teilhabe.',
];

export const REGISTER: readonly TextTemplate[] = [
  (c) => `Anmeldung bei ${c.contactDative} unter ${c.phone} oder per E-Mail.`,
  () => 'Bitte melden Sie sich vorher telefonisch oder per E-Mail an.',
  (c) => `Interessierte melden sich bitte bei ${c.contactDative}.`,
  (c) => `Fragen beantwortet ${c.contact} gern, telefonisch unter ${c.phone}.`,
  () => 'Die Anmeldung ist online oder direkt bei uns vor Ort möglich.',
];

/** For offerings that run all year rather than on fixed dates. */
export const JOIN_ANYTIME: readonly TextTemplate[] = [
  () => 'Ein Einstieg ist jederzeit möglich, eine kurze Anmeldung genügt.',
  () => 'Neue Teilnehmende können jederzeit dazukommen, bitte kurz vorher anmelden.',
];

export const DROP_IN: readonly TextTemplate[] = [
  () => 'Eine Anmeldung ist nicht nötig, kommt einfach vorbei.',
  () => 'Ohne Anmeldung, einfach vorbeikommen.',
];

export const VOLUNTEERS: readonly TextTemplate[] = [
  () => 'Wir suchen weitere Ehrenamtliche, die Freude an der Arbeit mit jungen Menschen haben.',
  () => 'Wer sich ehrenamtlich engagieren möchte, ist bei uns herzlich willkommen.',
  () => 'Neue Ehrenamtliche werden vorab geschult und fachlich begleitet.',
];

export const WAITING: readonly TextTemplate[] = [
  () => 'Derzeit sind alle Plätze vergeben; wir führen eine Warteliste.',
  () => 'Die Nachfrage ist groß, deshalb gibt es eine Warteliste.',
];

export const LANGUAGES: readonly TextTemplate[] = [
  (c) => `Wir sprechen auch ${c.languages}.`,
  (c) => `Die Begleitung ist auch auf ${c.languages} möglich.`,
];

export const EASY_LANGUAGE: readonly TextTemplate[] = [
  () => 'Informationen zum Angebot gibt es auch in Leichter Sprache.',
];

export const SIGN_LANGUAGE: readonly TextTemplate[] = [
  () => 'Auf Wunsch übersetzt eine Gebärdensprachdolmetscherin.',
];

export const STEP_FREE: readonly TextTemplate[] = [
  () => 'Die Räume sind barrierefrei erreichbar.',
  () => 'Der Zugang ist stufenlos, eine barrierefreie Toilette ist vorhanden.',
];

export const NOT_STEP_FREE: readonly TextTemplate[] = [
  () => 'Leider sind die Räume nur über Treppen erreichbar.',
];

export const CHILDCARE: readonly TextTemplate[] = [
  () => 'Während des Kurses werden kleine Kinder betreut.',
  () => 'Eine Kinderbetreuung ist vor Ort.',
];

export const ONLINE: readonly TextTemplate[] = [
  () => 'Die Teilnahme ist auch online möglich.',
];

export const RECORD_CHECK: readonly TextTemplate[] = [
  () => 'Alle Mitarbeitenden haben ein erweitertes Führungszeugnis vorgelegt.',
  () => 'Wer bei uns mit Kindern arbeitet, legt ein erweitertes Führungszeugnis vor.',
];

export const SAFEGUARDING: readonly TextTemplate[] = [
  () => 'Wir arbeiten nach einem Schutzkonzept, das wir Ihnen gern zeigen.',
  () => 'Ein Kinderschutzkonzept ist für uns selbstverständlich.',
];

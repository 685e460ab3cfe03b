import type { Rng } from './random';
import { FEMALE_NAMES, MALE_NAMES, NAMESAKES, SCHOOL_SITES, SCHOOL_TYPES, SECONDARY_SCHOOL_TYPES, SURNAMES } from './words';

// Names of people and schools, and the web addresses derived from names.

export interface Person {
  first: string;
  last: string;
  female: boolean;
}

export function person(rng: Rng): Person {
  const female = rng.chance(0.62);
  return { first: rng.pick(female ? FEMALE_NAMES : MALE_NAMES), last: rng.pick(SURNAMES), female };
}

/**
 * A school and how to say "in it": "Grundschule am Lindenweg" / "in der Grundschule am Lindenweg".
 * `secondary` leaves out primary schools (for schools that run career orientation).
 */
export function schoolName(rng: Rng, secondary = false): { name: string; at: string } {
  const roll = rng.float();
  if (roll < (secondary ? 0.25 : 0.12)) {
    const namesake = rng.pick(NAMESAKES);
    return { name: `${namesake}-Gymnasium`, at: `im ${namesake}-Gymnasium` };
  }
  const type = rng.pick(secondary ? SECONDARY_SCHOOL_TYPES : SCHOOL_TYPES);
  const named = roll < 0.55 && !type.includes(' ');
  const name = named ? `${rng.pick(NAMESAKES)}-${type === 'Grundschule' ? 'Schule' : type}` : `${type} ${rng.pick(SCHOOL_SITES)}`;
  return { name, at: `in der ${name}` };
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', é: 'e', è: 'e', á: 'a', ó: 'o' };

/** Words that add nothing to a web address. */
const FILLERS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'am', 'im', 'an', 'in', 'und', 'fuer', 'e', 'v', 'ev', 'st', 'gmbh',
  'co', 'kg', 'ggmbh', 'zu', 'zum', 'zur', 'von', 'auf', 'bei', 'a', 'd', 'i',
]);

/** "Förderverein der Grundschule am Lindenweg e.V." → "foerderverein-grundschule-lindenweg". */
export function slugOf(text: string, maxLength = 40): string {
  const words = text
    .toLowerCase()
    .replace(/[äöüßéèáó]/g, (ch) => UMLAUTS[ch] ?? ch)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !FILLERS.has(w));
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength && slug !== '') break;
    slug = next.slice(0, maxLength);
  }
  return slug === '' ? 'angebot' : slug;
}

/** "a.schneider" — the local part of a person's e-mail address. */
export function mailboxOf(p: Person): string {
  return `${slugOf(p.first, 20).charAt(0)}.${slugOf(p.last, 30)}`;
}

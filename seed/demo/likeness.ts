// How alike two offerings read and how far apart they are, for planting parallel programmes that look like
// parallel programmes and not like one programme entered twice (duplicates.ts).

const FOLD: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

function trigrams(title: string): Set<string> {
  const text = ` ${title.toLowerCase().replace(/[äöüß]/g, (ch) => FOLD[ch] ?? ch).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

/**
 * Whether two titles read alike (Dice coefficient of their letter trigrams ≥ 0.6): a parallel programme
 * with such a title would look like the same programme entered twice.
 */
export function similarTitles(a: string, b: string): boolean {
  const x = trigrams(a);
  const y = trigrams(b);
  const shared = [...x].filter((g) => y.has(g)).length;
  return x.size + y.size === 0 || (2 * shared) / (x.size + y.size) >= 0.6;
}

/** Words by which a title says whom it is for. */
const WHO: readonly (readonly [string, RegExp])[] = [
  ['parents', /eltern|mütter|väter/],
  ['families', /famili/],
  ['children', /kind|kinder|baby|babys/],
  ['youth', /jugend|teens/],
  ['adults', /erwachsen/],
  ['seniors', /senior|ältere|jung und alt/],
  ['girls', /mädchen/],
  ['boys', /\bjungen\b|\bjungs\b/],
  ['women', /frauen/],
  ['men', /männer/],
];

/**
 * Whether both titles name whom they are for, and nobody in common ("… für Familien" / "Großeltern auf
 * Zeit"): then they do not read as programmes for the same people, whatever their ages say.
 */
export function namesOtherPeople(a: string, b: string): boolean {
  const who = (title: string) => WHO.filter(([, pattern]) => pattern.test(title.toLowerCase())).map(([group]) => group);
  const x = who(a);
  const y = who(b);
  return x.length > 0 && y.length > 0 && !x.some((g) => y.includes(g));
}

const KM_PER_DEGREE = 111.32;

/** Straight-line distance on a local flat approximation: good to a few metres within a district. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const cos = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const dx = (a.lng - b.lng) * KM_PER_DEGREE * cos;
  const dy = (a.lat - b.lat) * KM_PER_DEGREE;
  return Math.sqrt(dx * dx + dy * dy);
}

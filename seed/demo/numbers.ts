import { hash32, type Rng } from './random';

// Postcodes and telephone numbers that look German without being looked up: the leading digits follow the
// state (postcode zones, area code regions), the rest is a stable hash of the municipality key.

/** Leading two postcode digits that occur in each state. */
const POSTCODE_ZONES: Record<string, readonly string[]> = {
  '01': ['22', '23', '24', '25'],
  '02': ['20', '21', '22'],
  '03': ['21', '26', '27', '29', '30', '31', '37', '38', '49'],
  '04': ['27', '28'],
  '05': ['32', '33', '40', '41', '42', '44', '45', '46', '47', '48', '50', '51', '52', '53', '57', '58', '59'],
  '06': ['34', '35', '36', '60', '61', '63', '64', '65'],
  '07': ['54', '55', '56', '66', '67', '76'],
  '08': ['68', '69', '70', '71', '72', '73', '74', '75', '77', '78', '79', '88', '89'],
  '09': ['63', '80', '81', '82', '83', '84', '85', '86', '87', '90', '91', '92', '93', '94', '95', '96', '97'],
  '10': ['66'],
  '11': ['10', '12', '13', '14'],
  '12': ['03', '04', '14', '15', '16', '17', '19'],
  '13': ['17', '18', '19', '23'],
  '14': ['01', '02', '04', '08', '09'],
  '15': ['06', '29', '38', '39'],
  '16': ['04', '06', '07', '36', '37', '98', '99'],
};

/**
 * Stable 5-digit postcodes for a municipality when no real ones are given: the zone is shared by the
 * district, the rest comes from the key. Big cities get several codes, about one per 25,000 people.
 */
export function derivedPostcodes(key: string, weight: number): string[] {
  const zones = POSTCODE_ZONES[key.slice(0, 2)] ?? ['3', '5'].map((d) => `${d}${key[1] ?? '0'}`);
  const zone = zones[hash32(`zone:${key.slice(0, 5)}`) % zones.length] ?? '10';
  const base = 100 + (hash32(`postcode:${key}`) % 880);
  const count = Math.min(30, Math.max(1, Math.ceil(weight / 25_000)));
  const codes: string[] = [];
  for (let i = 0; i < count; i++) codes.push(`${zone}${String((base + i * 3) % 1000).padStart(3, '0')}`);
  return codes;
}

/** Area code prefix per state (the area code regions roughly follow the states). */
const AREA_PREFIX: Record<string, string> = {
  '01': '04', '02': '040', '03': '05', '04': '0421', '05': '02', '06': '06', '07': '06', '08': '07',
  '09': '08', '10': '068', '11': '030', '12': '033', '13': '038', '14': '03', '15': '039', '16': '036',
};

/** A stable area code: 3–4 digits for big cities, 5 for towns and villages. */
export function areaCodeFor(key: string, weight: number): string {
  const prefix = AREA_PREFIX[key.slice(0, 2)] ?? '06';
  // Berlin, Hamburg and Bremen are single cities with one area code.
  if (['02', '04', '11'].includes(key.slice(0, 2))) return prefix;
  const length = weight >= 100_000 ? 4 : 5;
  if (prefix.length >= length) return prefix;
  let digits = String(hash32(`area:${key}`));
  // Area codes never continue with 0 after the leading zero and prefix digits in this scheme.
  digits = digits.replace(/0/g, '1');
  return (prefix + digits).slice(0, length);
}

/** "07161 984321", "0711 2165-430": area code, a space, a subscriber number, sometimes an extension. */
export function phoneNumber(areaCode: string, rng: Rng): string {
  const subscriberLength = Math.max(4, Math.min(8, 11 - areaCode.length - rng.int(0, 1)));
  let subscriber = String(rng.int(2, 9));
  while (subscriber.length < subscriberLength) subscriber += String(rng.int(0, 9));
  if (rng.chance(0.25)) return `${areaCode} ${subscriber.slice(0, -2)}-${rng.int(10, 499)}`;
  return `${areaCode} ${subscriber}`;
}

/** Money in German notation: "12 €", "7,50 €". */
export function euros(amount: number): string {
  return Number.isInteger(amount) ? `${amount} €` : `${amount.toFixed(2).replace('.', ',')} €`;
}

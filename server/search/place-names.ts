import type { PostcodeRow, RegionRow } from '../db/schema';
import { foldLetters, foldName } from '../lib/fold-name';

/** A municipality or district named in a query. */
export interface PlaceName {
  key: string;
  /** The name to show: the region's name, for a district with its kind ("Landkreis Regen"). */
  name: string;
  lat: number;
  lng: number;
  level: 'gemeinde' | 'kreis';
}

export interface PostcodePlace {
  code: string;
  place: string;
  lat: number;
  lng: number;
  regionKey: string;
}

/**
 * Where a name's qualifier starts: "Freiburg| im Breisgau", "Frankfurt| am Main", "Halle| (Saale)",
 * "Lauenburg|/Elbe", "Limburg| a.d. Lahn", "Rothenburg| ob der Tauber", "Haag| i. OB".
 */
const QUALIFIER =
  /\s*\(|\s*\/|\s+(?:im|am|an|in|bei|ob|unter|vor|auf|über|zu|a\.|b\.|i\.|v\.|a\.d\.|v\.d\.|i\.d\.)\s/;

/** Words some district names start with before the name people use. */
const DISTRICT_PREFIX = /^(?:Region|Städteregion|Regionalverband|Eifelkreis|Altmarkkreis|Rhein-Kreis)\s+/;

interface Candidate {
  row: RegionRow;
  /** 0: the name or the name without its qualifier; 1: the name without a leading "Bad". */
  tier: number;
}

/**
 * Municipality and district names and postcodes, read from folded words of a query (see `foldName`).
 * Built once from the reference data (~12,000 regions, ~8,000 postcodes); every lookup is a map access.
 */
export class PlaceNames {
  private readonly municipalities = new Map<string, Candidate>();
  private readonly districts = new Map<string, Candidate>();
  /** The same names folded without reading "ue" as "ü", consulted first (see foldLetters). */
  private readonly municipalitiesAsWritten = new Map<string, Candidate>();
  private readonly districtsAsWritten = new Map<string, Candidate>();
  private readonly postcodes = new Map<string, PostcodePlace>();
  /** The most words any name has, so a reader knows how far to look ahead. */
  readonly maxWords: number;

  constructor(regions: readonly RegionRow[], postcodes: readonly PostcodeRow[]) {
    let maxWords = 1;
    for (const row of regions) {
      if (row.level === 'land') continue;
      const municipal = row.level === 'gemeinde';
      const targets: [Map<string, Candidate>, (text: string) => string][] = [
        [municipal ? this.municipalities : this.districts, foldName],
        [municipal ? this.municipalitiesAsWritten : this.districtsAsWritten, foldLetters],
      ];
      for (const [target, fold] of targets) {
        for (const [name, tier] of nameForms(row.name, fold)) {
          maxWords = Math.max(maxWords, name.split(' ').length);
          const known = target.get(name);
          if (!known || better({ row, tier }, known)) target.set(name, { row, tier });
        }
      }
    }
    this.maxWords = maxWords;
    for (const p of postcodes) {
      this.postcodes.set(p.code, { code: p.code, place: p.place, lat: p.lat, lng: p.lng, regionKey: p.regionKey });
    }
  }

  /**
   * The municipality of that name (folded words), or of that name without its qualifier; the largest one.
   * With the words as folded by foldLetters, a name written with "ue" is looked up as written first.
   */
  municipality(words: readonly string[], asWritten?: readonly string[]): PlaceName | undefined {
    const found =
      (asWritten && this.municipalitiesAsWritten.get(asWritten.join(' '))) ?? this.municipalities.get(words.join(' '));
    return found && toPlace(found.row);
  }

  /** The district of that name ("regen" → Landkreis Regen; a Landkreis before a city of the same name). */
  district(words: readonly string[], asWritten?: readonly string[]): PlaceName | undefined {
    const found = (asWritten && this.districtsAsWritten.get(asWritten.join(' '))) ?? this.districts.get(words.join(' '));
    return found && toPlace(found.row);
  }

  /** A municipality of that name, else a district: a district name that is also a municipality's gives the municipality. */
  place(words: readonly string[], asWritten?: readonly string[]): PlaceName | undefined {
    return this.municipality(words, asWritten) ?? this.district(words, asWritten);
  }

  /** A five-digit German postcode. */
  postcode(code: string): PostcodePlace | undefined {
    return /^\d{5}$/.test(code) ? this.postcodes.get(code) : undefined;
  }
}

/** Prefers the closer name form, then a Landkreis over a city with district status, then the larger place. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  const aCounty = isCounty(a.row);
  if (aCounty !== isCounty(b.row)) return aCounty;
  return a.row.weight > b.row.weight || (a.row.weight === b.row.weight && a.row.key < b.row.key);
}

function isCounty(row: RegionRow): boolean {
  return row.level === 'kreis' && (row.type === 'Landkreis' || row.type === 'Kreis');
}

function toPlace(row: RegionRow): PlaceName {
  const name =
    isCounty(row) && !/kreis|region/i.test(row.name) ? `${row.type} ${row.name}` : row.name;
  return { key: row.key, name, lat: row.lat, lng: row.lng, level: row.level === 'gemeinde' ? 'gemeinde' : 'kreis' };
}

/** The folded forms a name is found by, with their tier: full, without qualifier, St./Sankt, without "Bad". */
function nameForms(name: string, foldName: (text: string) => string): [string, number][] {
  const forms = new Map<string, number>();
  const add = (folded: string, tier: number) => {
    if (folded === '') return;
    for (const variant of saintVariants(folded)) {
      const known = forms.get(variant);
      if (known === undefined || tier < known) forms.set(variant, tier);
    }
  };
  const full = foldName(name);
  add(full, 0);
  const cut = QUALIFIER.exec(name);
  const short = cut && cut.index > 0 ? foldName(name.slice(0, cut.index)) : full;
  add(short, 0);
  // "Region Hannover", "Städteregion Aachen", "Regionalverband Saarbrücken": also by the city's name.
  const prefix = DISTRICT_PREFIX.exec(name);
  if (prefix) add(foldName(name.slice(prefix[0].length)), 0);
  for (const form of [full, short]) {
    if (form.startsWith('bad ') && form.length > 8) add(form.slice(4), 1);
  }
  return [...forms];
}

/** "st englmar" and "sankt englmar" name the same place. */
function saintVariants(folded: string): string[] {
  const words = folded.split(' ');
  if (!words.some((w) => w === 'st' || w === 'sankt')) return [folded];
  return [
    words.map((w) => (w === 'sankt' ? 'st' : w)).join(' '),
    words.map((w) => (w === 'st' ? 'sankt' : w)).join(' '),
  ];
}

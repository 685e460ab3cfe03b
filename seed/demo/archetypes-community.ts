import { archetype, districtShortName, inDistrict, type Archetype } from './archetype';
import type { District } from './places';
import { CHURCH_PATRONS, CITY_QUARTERS, COMPANY_TRADES, KITA_NAMES, SPORTS_CLUB_PREFIXES, SURNAMES, YOUTH_HOUSE_NAMES } from './words';

// Providers of community life: churches, youth centres, clubs, culture, the municipality, day care,
// families, companies.

const SPORTS_VENUES = [
  ['Sporthalle am Schulzentrum', 'in der Sporthalle am Schulzentrum'], ['Vereinsheim', 'im Vereinsheim'],
  ['Sportpark', 'im Sportpark'], ['Turnhalle', 'in der Turnhalle'],
] as const;

/**
 * The district authority: "Landratsamt Göppingen" in Bavaria, Baden-Württemberg, Saxony and Thuringia,
 * "Kreisverwaltung Mettmann" elsewhere; regions ("Region Hannover") are their own authority.
 */
function districtAuthority(district: District, stateKey: string): string {
  if (/^(Region|Städteregion|Regionalverband)\b/.test(district.label)) return district.label;
  const short = districtShortName(district);
  return ['08', '09', '14', '16'].includes(stateKey) ? `Landratsamt ${short}` : `Kreisverwaltung ${short}`;
}

export const COMMUNITY_ARCHETYPES: readonly Archetype[] = [
  archetype({
    id: 'church', kind: 'church', size: [2, 7], share: { village: 10, town: 6, city: 5 }, volunteerRun: true,
    categories: { homework_help: 2, parent_education: 2, open_youth_work: 2, holiday_programme: 2, language_mentorship: 1, music_arts: 1, early_childhood: 1, mentoring: 0.5 },
    identity(place, rng) {
      const patron = rng.pick(CHURCH_PATRONS);
      // Saints' names are common to both churches; "Lukaskirche" and the like are Protestant.
      const saint = /^(St\.|Heilig)/.test(patron);
      const confession = !saint || rng.chance(0.5) ? 'Evangelische Kirchengemeinde' : 'Katholische Pfarrgemeinde';
      const name = rng.chance(0.6) ? `${confession} ${patron}` : `${confession} ${patron} ${place.name}`;
      return { name, venue: { name: `Gemeindehaus ${patron}`, at: `im Gemeindehaus ${patron}` } };
    },
    about: (place) => `Unsere Kirchengemeinde lädt Menschen jeden Alters in ${place.name} ein, unabhängig von Konfession und Herkunft.`,
  }),
  archetype({
    id: 'youth_centre', kind: 'youth_services', size: [3, 10], share: { village: 3, town: 5, city: 5 }, volunteerRun: false,
    categories: { open_youth_work: 4, homework_help: 2, holiday_programme: 2, digital_media: 1, career_orientation: 1, sports: 1, music_arts: 1 },
    identity(_place, rng) {
      const house = rng.pick(YOUTH_HOUSE_NAMES);
      const type = rng.pick(['Jugendzentrum', 'Jugendhaus', 'Kinder- und Jugendtreff']);
      const at = type === 'Kinder- und Jugendtreff' ? `im Kinder- und Jugendtreff ${house}` : `im ${type} ${house}`;
      return { name: `${type} ${house}`, venue: { name: null, at } };
    },
    about: () => 'Das Haus der offenen Kinder- und Jugendarbeit ist ein Treffpunkt ohne Mitgliedschaft und ohne Eintritt.',
  }),
  archetype({
    id: 'stem_network', kind: 'association', size: [3, 10], share: { village: 0.5, town: 2, city: 2.5 }, volunteerRun: false,
    categories: { stem: 6, digital_media: 2, holiday_programme: 1, career_orientation: 1 },
    identity(place, rng) {
      const name = rng.pick([`MINT-Netzwerk ${districtShortName(place.district)}`, `Schülerforschungszentrum ${place.name}`, `Forscherwerkstatt ${place.name} e.V.`, `MakerSpace ${place.name} e.V.`]);
      return { name, venue: { name: 'Forscherwerkstatt', at: 'in der Forscherwerkstatt' } };
    },
    about: (place) => `Wir begeistern Kinder und Jugendliche ${inDistrict(place.district)} für Mathematik, Informatik, Naturwissenschaft und Technik.`,
  }),
  archetype({
    id: 'music_school', kind: 'cultural_institution', size: [3, 15], share: { village: 1.5, town: 2, city: 2 }, volunteerRun: false,
    categories: { music_arts: 6, early_childhood: 1, culture_mentorship: 0.3 },
    identity(place) {
      const name = place.size === 'village' ? `Jugendmusikschule ${districtShortName(place.district)}` : `Musikschule ${place.name}`;
      return { name, venue: { name: 'Musikschule', at: 'in der Musikschule' } };
    },
    about: () => 'Die Musikschule bietet Unterricht vom Musikgarten bis zum Jugendorchester, mit Ermäßigungen für Familien.',
  }),
  archetype({
    id: 'sports_club', kind: 'association', size: [2, 8], share: { village: 8, town: 5, city: 4 }, volunteerRun: true,
    categories: { sports: 7, holiday_programme: 1.5, open_youth_work: 0.3, early_childhood: 0.3 },
    identity(place, rng) {
      const prefix = rng.pick(SPORTS_CLUB_PREFIXES);
      const year = rng.int(1848, 1978);
      const name = rng.chance(0.5) ? `${prefix} ${year} ${place.name} e.V.` : `${prefix} ${place.name} ${year} e.V.`;
      const [venue, at] = rng.pick(SPORTS_VENUES);
      return { name, venue: { name: venue, at } };
    },
    about: (place) => `Unser Sportverein ist seit Generationen fester Teil des Lebens in ${place.name}.`,
  }),
  archetype({
    id: 'culture_centre', kind: 'cultural_institution', size: [3, 12], share: { village: 0.5, town: 2, city: 3.5 }, volunteerRun: false,
    categories: { culture_guides: 4, culture_mentorship: 3, music_arts: 3, holiday_programme: 1 },
    identity(place, rng) {
      const house = rng.pick(YOUTH_HOUSE_NAMES);
      const [name, at] = rng.pick([
        [`Kulturzentrum ${house}`, `im Kulturzentrum ${house}`], [`Stadtmuseum ${place.name}`, 'im Stadtmuseum'],
        [`Theater ${place.name}`, 'im Theater'], [`Kunstverein ${place.name} e.V.`, 'in der Kunsthalle'],
        [`Kulturbüro ${place.name}`, 'im Kulturhaus'],
      ] as const);
      return { name, venue: { name: null, at } };
    },
    about: (place) => `Wir machen Kultur in ${place.name} für alle zugänglich, besonders für Kinder und Jugendliche.`,
  }),
  archetype({
    id: 'education_office', kind: 'municipality', size: [2, 8], share: { village: 0.5, town: 1, city: 1 }, volunteerRun: false,
    categories: { education_counselling: 4, career_orientation: 2, parent_education: 1, culture_guides: 0.5, language_mentorship: 0.5 },
    identity(place) {
      const { district } = place;
      const own = district.urban || place.size === 'city';
      const name = own ? `Stadtverwaltung ${place.name} – Bildungsbüro` : `${districtAuthority(district, place.stateKey)} – Bildungsbüro`;
      return { name, venue: { name: 'Bildungsbüro', at: own ? 'im Rathaus' : 'im Bildungsbüro' } };
    },
    about: (place) => `Das Bildungsbüro koordiniert die Bildungslandschaft ${inDistrict(place.district)} und berät unabhängig.`,
  }),
  archetype({
    id: 'kita', kind: 'kita', size: [1, 4], share: { village: 6, town: 5, city: 5 }, volunteerRun: false,
    categories: { early_childhood: 5, parent_education: 2 },
    identity(place, rng) {
      const kita = rng.pick(KITA_NAMES);
      const [name, at] = rng.pick([
        [`Kita ${kita}`, `in der Kita ${kita}`], [`Kinderhaus ${kita}`, `im Kinderhaus ${kita}`],
        [`Evangelischer Kindergarten ${kita}`, `im Kindergarten ${kita}`], [`Städtische Kita ${kita} ${place.name}`, `in der Kita ${kita}`],
      ] as const);
      return { name, venue: { name: null, at } };
    },
    about: () => 'Unsere Kita versteht sich als Ort der Bildung für Kinder und als Anlaufstelle für Familien.',
  }),
  archetype({
    id: 'family_centre', kind: 'association', size: [3, 8], share: { village: 2, town: 3, city: 3.5 }, volunteerRun: false,
    categories: { parent_education: 4, early_childhood: 3, german_second_language: 1, education_counselling: 1 },
    identity(place, rng) {
      const name = rng.pick([`Familienzentrum ${rng.pick(KITA_NAMES)}`, `Mehrgenerationenhaus ${place.name}`, `Eltern-Kind-Zentrum ${place.name}`, `Familienbildungsstätte ${place.name}`]);
      return { name, venue: { name: null, at: 'im Familienzentrum' } };
    },
    about: () => 'Wir sind Treffpunkt und Beratungsstelle für Familien, von der Schwangerschaft bis zum Schulkind.',
  }),
  archetype({
    id: 'company', kind: 'company', size: [1, 3], share: { village: 1.5, town: 2.5, city: 2 }, volunteerRun: false,
    categories: { career_orientation: 7, stem: 1 },
    identity(place, rng) {
      const surname = rng.pick(SURNAMES);
      const name = rng.pick([`Stadtwerke ${place.name} GmbH`, `${surname} ${rng.pick(COMPANY_TRADES)} GmbH`, `${rng.pick(COMPANY_TRADES)} ${surname} GmbH & Co. KG`, `Sparkasse ${districtShortName(place.district)}`]);
      return { name, venue: { name: 'Ausbildungswerkstatt', at: 'in der Ausbildungswerkstatt' } };
    },
    about: () => 'Als Ausbildungsbetrieb zeigen wir jungen Menschen, welche Berufe es bei uns gibt.',
  }),
  archetype({
    id: 'seniors', kind: 'association', size: [2, 8], share: { village: 1, town: 1.5, city: 2 }, volunteerRun: true,
    categories: { adult_education: 3, digital_media: 3 },
    identity(place, rng) {
      const name = rng.pick([`Seniorenakademie ${place.name}`, `Senioren-Computerclub ${place.name} e.V.`, `Seniorenbüro ${place.name}`]);
      return { name, venue: { name: 'Seniorentreff', at: 'im Seniorentreff' } };
    },
    about: () => 'Ältere Menschen lernen hier voneinander und bleiben neugierig.',
  }),
  archetype({
    id: 'rural_women', kind: 'association', size: [1, 4], share: { village: 4, town: 1, city: 0 }, volunteerRun: true,
    categories: { adult_education: 3, parent_education: 2, early_childhood: 1 },
    identity(place) {
      return { name: `Landfrauenverein ${place.name} e.V.`, venue: { name: 'Dorfgemeinschaftshaus', at: 'im Dorfgemeinschaftshaus' } };
    },
    about: () => 'Die Landfrauen bieten Bildung, Begegnung und Austausch für Frauen und Familien auf dem Land.',
  }),
  archetype({
    id: 'career_network', kind: 'association', size: [2, 8], share: { village: 0.3, town: 1, city: 1.5 }, volunteerRun: false,
    categories: { career_orientation: 5, education_counselling: 2, mentoring: 1 },
    identity(place, rng) {
      const short = districtShortName(place.district);
      const name = rng.pick([`Kreishandwerkerschaft ${short}`, `Jugendberufsagentur ${short}`, `Ausbildungsverbund ${short} e.V.`, `Übergangsmanagement Schule-Beruf ${place.name}`]);
      return { name, venue: { name: `Berufsinformationszentrum ${rng.pick(CITY_QUARTERS)}`, at: 'im Berufsinformationszentrum' } };
    },
    about: (place) => `Wir bringen Schulen und Betriebe ${inDistrict(place.district)} zusammen.`,
  }),
];

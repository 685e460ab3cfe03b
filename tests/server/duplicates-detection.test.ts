import { describe, expect, it } from 'vitest';
import type { DuplicateKind } from '../../schema';
import { findDuplicateGroups } from '../../server/services/duplicates/detect';
import type { DecisionCover, DetectedGroup, DuplicateCandidate } from '../../server/services/duplicates/types';

// A hand-built fixture where the answer is known. Each scenario sits in its own cell of a 10 km grid around
// Regen, so scenarios cannot relate to each other; inside a cell, offsets are in km. `expected` lists every
// pair that should be found, per kind; every other pair of the fixture is a known non-duplicate.

const BASE = { lat: 48.97, lng: 13.12 };
const KM_PER_DEGREE = 111.2;

function place(cell: number, eastKm = 0, northKm = 0): { lat: number; lng: number } {
  const lat = BASE.lat + (Math.floor(cell / 6) * 10 + northKm) / KM_PER_DEGREE;
  const lng = BASE.lng + ((cell % 6) * 10 + eastKm) / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 };
}

let lastOrganisation = 100;
const organisations = new Map<string, number>();
/** One id per distinct name (two spellings of one name are two organisations, as when registered twice). */
function org(name: string) {
  if (!organisations.has(name)) organisations.set(name, ++lastOrganisation);
  return { providerId: organisations.get(name)!, providerName: name };
}

let lastId = 0;
function offering(fields: Partial<DuplicateCandidate> & Pick<DuplicateCandidate, 'title' | 'lat' | 'lng' | 'providerId' | 'providerName'>): DuplicateCandidate {
  return {
    id: ++lastId,
    description: '',
    status: 'published',
    street: `Weg ${lastId}`,
    postcode: '94209',
    city: 'Regen',
    regionKey: '09276138',
    categories: ['tutoring'],
    phases: ['primary_school'],
    minAge: 6,
    maxAge: 10,
    schedule: { text: 'montags 15 Uhr' },
    contact: {},
    lastConfirmedAt: '2026-10-01',
    updatedAt: '2026-10-01T10:00:00.000Z',
    ...fields,
  };
}

const items: DuplicateCandidate[] = [];
const expected: Record<DuplicateKind, [string, string][]> = { same_entry: [], parallel: [] };
const byTitle = new Map<string, DuplicateCandidate>();
function add(key: string, fields: Parameters<typeof offering>[0]): DuplicateCandidate {
  const o = offering(fields);
  items.push(o);
  byTitle.set(key, o);
  return o;
}
const expect_ = (kind: DuplicateKind, ...keys: string[]) => {
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) expected[kind].push([keys[i]!, keys[j]!]);
};

// 0 — umlauts, transliterated and missing; one organisation; a pending entry duplicating a published one.
const lesepaten = org('Lesepaten Regen e.V.');
add('münchen', { title: 'Lesepaten München', ...lesepaten, ...place(0), street: 'Am Sand 4', categories: ['reading_mentorship'] });
add('muenchen', { title: 'Lesepaten Muenchen', ...lesepaten, ...place(0), street: 'Am Sand 4', categories: ['reading_mentorship'], status: 'pending' });
// The pin set 200 m off, the street written another way.
add('munchen', { title: 'LESEPATEN MUNCHEN', ...lesepaten, ...place(0, 0.2), street: 'Am Sand 4', categories: ['reading_mentorship', 'mentoring'], status: 'pending' });
expect_('same_entry', 'münchen', 'muenchen', 'munchen');
// The same programme 15 km away is another venue (same category far apart).
add('lesepaten-far', { title: 'Lesepaten München', ...lesepaten, ...place(1, 5), categories: ['reading_mentorship'] });

// 2 — hyphenated vs joined compound, upper case, the organisation registered twice ("e.V." / without), the
// same street written two ways with pins 1.5 km apart (the postcode's position vs a pin on the map).
add('hyphen', { title: 'Hausaufgaben-Hilfe', ...org('Lernhilfe Zwiesel e. V.'), ...place(2), street: 'Stadtplatz 3', postcode: '94227', city: 'Zwiesel', categories: ['homework_help'] });
add('joined', { title: 'HAUSAUFGABENHILFE', ...org('Lernhilfe Zwiesel'), ...place(2, 1.5), street: 'Stadtplatz 3', postcode: '94227', city: 'Zwiesel', categories: ['homework_help'], status: 'pending' });
expect_('same_entry', 'hyphen', 'joined');

// 3 — one programme entered by the school and by the foundation that runs it, the town in one title only.
const text = 'Ehrenamtliche Lesepatinnen und Lesepaten lesen einmal in der Woche mit Kindern der ersten und zweiten Klasse.';
add('by-school', { title: 'Lesepaten an der Grundschule Regen', ...org('Grundschule Regen'), ...place(3), description: text, categories: ['reading_mentorship'] });
add('by-foundation', { title: 'Lesepaten Grundschule', ...org('Bürgerstiftung Lesen'), ...place(3, 0.3), description: text, categories: ['reading_mentorship'], minAge: 6, maxAge: 9 });
expect_('same_entry', 'by-school', 'by-foundation');

// 4 — words in another order; a typo.
const mathe = org('Mathefreunde Bayerwald');
add('order-a', { title: 'Mathe-Nachhilfe für Grundschüler', ...mathe, ...place(4) });
add('order-b', { title: 'Nachhilfe Mathe Grundschüler', ...mathe, ...place(4, 0.1) });
expect_('same_entry', 'order-a', 'order-b');
add('typo-a', { title: 'Schachklub am Nachmittag', ...mathe, ...place(4, 0.5), categories: ['stem'] });
add('typo-b', { title: 'Schachklbu am Nachmittag', ...mathe, ...place(4, 0.5), categories: ['stem'] });
expect_('same_entry', 'typo-a', 'typo-b');

// 5 — three parallel programmes: three organisations, homework help for primary pupils within 2 km.
add('parallel-a', { title: 'Hausaufgabenbetreuung', ...org('Caritas Regen'), ...place(5), categories: ['homework_help'] });
add('parallel-b', { title: 'Lernstube', ...org('Kinderschutzbund Regen e.V.'), ...place(5, 1.2), categories: ['homework_help', 'tutoring'], minAge: 7, maxAge: 12 });
add('parallel-c', { title: 'Schülerhilfe am Nachmittag', ...org('Evangelische Jugend Regen'), ...place(5, 0.6, 1.5), categories: ['homework_help'], minAge: 6, maxAge: 11 });
expect_('parallel', 'parallel-a', 'parallel-b', 'parallel-c');

// 6 — two sports clubs 2.5 km apart with youth football (parallel); a third 6 km away is not.
const football = { categories: ['sports'] as DuplicateCandidate['categories'], phases: ['secondary_school'] as DuplicateCandidate['phases'], minAge: 10, maxAge: 14 };
add('football-a', { title: 'Fußball D-Jugend', ...org('SV Rinchnach'), ...place(6), ...football });
add('football-b', { title: 'Jugendfußball', ...org('TSV Regen'), ...place(6, 2.5), ...football, minAge: 11, maxAge: 15 });
add('football-far', { title: 'Fußballtraining', ...org('FC Bodenmais'), ...place(6, 0, 6), ...football });
expect_('parallel', 'football-a', 'football-b');

// 7 — same place, different age groups: neither kind.
add('toddlers', { title: 'Bewegungsspiele', ...org('Turnverein Viechtach'), ...place(7), street: 'Turnhalle 1', categories: ['sports'], phases: ['early_childhood'], minAge: 3, maxAge: 5 });
add('teens', { title: 'Sportgruppe', ...org('Jugendzentrum Viechtach'), ...place(7), street: 'Turnhalle 1', categories: ['sports'], phases: ['early_childhood', 'secondary_school'], minAge: 12, maxAge: 16 });

// 8 — a programme and its holiday editions, by one organisation at one site: not the same entry.
const leseclub = org('Stadtbücherei Regen');
add('club', { title: 'Leseclub', ...leseclub, ...place(8), categories: ['reading_mentorship'] });
add('club-holidays', { title: 'Ferien-Leseclub', ...leseclub, ...place(8), categories: ['reading_mentorship', 'holiday_programme'] });
add('club-summer', { title: 'Sommer-Leseclub 2026', ...leseclub, ...place(8), categories: ['reading_mentorship'], schedule: { text: 'täglich 10 Uhr', startDate: '2026-08-03', endDate: '2026-08-14' } });

// 9 — the same title for different audiences: children and seniors; girls and boys.
const vhs = org('Volkshochschule Regen');
add('pc-children', { title: 'Computerkurs', ...vhs, ...place(9), categories: ['digital_media'], phases: ['primary_school', 'secondary_school', 'after_working_life'], minAge: 8, maxAge: 12 });
add('pc-seniors', { title: 'Computerkurs', ...vhs, ...place(9), categories: ['digital_media'], phases: ['after_working_life'], minAge: 65, maxAge: 99 });
add('girls', { title: 'Selbstbehauptung für Mädchen', ...org('Frauennotruf Regen'), ...place(9, 0.5), categories: ['mentoring'], minAge: 8, maxAge: 12 });
add('boys', { title: 'Selbstbehauptung für Jungen', ...org('Männerberatung Regen'), ...place(9, 0.5), categories: ['mentoring'], minAge: 8, maxAge: 12 });
add('beginners', { title: 'Schwimmkurs für Anfänger', ...org('Wasserwacht Regen'), ...place(9, 1), categories: ['sports'], minAge: 6, maxAge: 9 });
add('advanced', { title: 'Schwimmkurs Fortgeschrittene', ...org('DLRG Regen'), ...place(9, 1), categories: ['sports'], minAge: 6, maxAge: 9 });

// 10 — a pending entry of a programme already published, by the organisation registered a second time
// with a transliterated name and "eV".
add('oase', { title: 'Jugendtreff Oase', ...org('Jugendförderverein Regen e.V.'), ...place(10), categories: ['open_youth_work'], phases: ['secondary_school'], minAge: 12, maxAge: 18 });
add('oase-new', { title: 'Jugendtreff "Oase"', ...org('Jugendfoerderverein Regen eV'), ...place(10, 0.1), categories: ['open_youth_work'], phases: ['secondary_school'], minAge: 12, maxAge: 18, status: 'pending' });
expect_('same_entry', 'oase', 'oase-new');

// 11 — one camp in July and one in August: date ranges that do not meet.
const camp = org('Sprachschule Regen');
add('camp-july', { title: 'Sprachcamp Englisch', ...camp, ...place(11), categories: ['tutoring'], phases: ['secondary_school'], minAge: 10, maxAge: 14, schedule: { text: 'täglich', startDate: '2026-07-01', endDate: '2026-07-14' } });
add('camp-august', { title: 'Sprachcamp Englisch', ...camp, ...place(11), categories: ['tutoring'], phases: ['secondary_school'], minAge: 10, maxAge: 14, schedule: { text: 'täglich', startDate: '2026-08-01', endDate: '2026-08-14' } });

// 12 — one organisation registered twice offers two different programmes: neither kind.
add('caritas-1', { title: 'Lernhilfe', ...org('Caritasverband Zwiesel e.V.'), ...place(12), categories: ['tutoring'] });
add('caritas-2', { title: 'Nachhilfe Deutsch', ...org('Caritasverband Zwiesel'), ...place(12, 1), categories: ['tutoring'] });

// 13 — different organisations whose ages barely meet (6–10 and 10–18): not the same people.
add('younger', { title: 'Lerntreff', ...org('Familienzentrum Teisnach'), ...place(13), phases: ['primary_school', 'secondary_school'] });
add('older', { title: 'Lernwerkstatt', ...org('Jugendhilfe Teisnach'), ...place(13, 1), phases: ['primary_school', 'secondary_school'], minAge: 10, maxAge: 18 });

// 14 — titles less alike, the description pasted twice: the same entry.
const story = 'Jeden Donnerstag treffen sich Kinder in der Bücherei, hören Geschichten und suchen sich neue Bücher aus.';
add('wurm-a', { title: 'Bücherwurm-Club', ...org('Bücherei Kirchberg'), ...place(14), description: story, categories: ['reading_mentorship'] });
add('wurm-b', { title: 'Leseclub Bücherwurm', ...org('Bücherei Kirchberg'), ...place(14), description: story, categories: ['reading_mentorship'] });
expect_('same_entry', 'wurm-a', 'wurm-b');

// 15 — two language cafés for adults (parallel), one of them for German learners too.
add('cafe-a', { title: 'Sprachcafé', ...org('Helferkreis Asyl Regen'), ...place(15), categories: ['language_mentorship'], phases: ['working_life'], minAge: 18, maxAge: 99 });
add('cafe-b', { title: 'Deutsch-Treff für Erwachsene', ...org('Volkshochschule Zwiesel'), ...place(15, 0.8), categories: ['german_second_language', 'language_mentorship'], phases: ['working_life', 'training_studies'], minAge: 16, maxAge: 99 });
expect_('parallel', 'cafe-a', 'cafe-b');

// 16 — two toddler groups of different organisations (parallel).
add('toddler-a', { title: 'Eltern-Kind-Gruppe', ...org('Pfarrei St. Michael'), ...place(16), categories: ['early_childhood'], phases: ['early_childhood'], minAge: 0, maxAge: 3 });
add('toddler-b', { title: 'Krabbelgruppe', ...org('Mehrgenerationenhaus Regen'), ...place(16, 1.5), categories: ['early_childhood', 'parent_education'], phases: ['early_childhood'], minAge: 0, maxAge: 3 });
expect_('parallel', 'toddler-a', 'toddler-b');

// 17 — one organisation's different programmes at one site: neither kind.
const music = org('Musikschule Regen');
add('choir', { title: 'Kinderchor', ...music, ...place(17), categories: ['music_arts'] });
add('theatre', { title: 'Theatergruppe', ...music, ...place(17), categories: ['music_arts'] });

// 18 — "&" and "und", a legal form, a compound split and hyphenated, at one address.
add('lernen-1', { title: 'Nachhilfe Englisch', ...org('Lernen & Mehr gGmbH'), ...place(18), street: 'Bahnhofstraße 12', categories: ['tutoring'], phases: ['secondary_school'], minAge: 10, maxAge: 16 });
add('lernen-2', { title: 'Englisch-Nachhilfe', ...org('Lernen und Mehr'), ...place(18, 0.4), street: 'Bahnhofstr. 12', categories: ['tutoring'], phases: ['secondary_school'], minAge: 11, maxAge: 16, status: 'pending' });
expect_('same_entry', 'lernen-1', 'lernen-2');
add('gender-1', { title: 'Hausaufgabenhilfe für Grundschüler*innen', ...org('Schulverein Regen'), ...place(18, 2), categories: ['homework_help'] });
add('gender-2', { title: 'Hausaufgabenhilfe Grundschüler', ...org('Schulverein Regen'), ...place(18, 2), categories: ['homework_help'], status: 'pending' });
expect_('same_entry', 'gender-1', 'gender-2');

// 19 — the same generic title by two unrelated organisations 600 m apart: two courses, parallel. Another
// level of one of them is neither the same entry nor for the same people.
const german = { categories: ['german_second_language'] as DuplicateCandidate['categories'], phases: ['working_life'] as DuplicateCandidate['phases'], minAge: 16, maxAge: 99 };
add('a1-x', { title: 'Deutschkurs A1', ...org('Sprachschule Lingua'), ...place(19), description: 'Abendkurs mit Lehrbuch, zweimal pro Woche.', ...german });
add('a1-y', { title: 'Deutschkurs A1', ...org('Integrationshilfe Regen'), ...place(19, 0.6), description: 'Ehrenamtlicher Kurs im Gemeindehaus, mit Kinderbetreuung.', ...german });
add('a2-x', { title: 'Deutschkurs A2', ...org('Sprachschule Lingua'), ...place(19), ...german });
expect_('parallel', 'a1-x', 'a1-y');

// 24 — one organisation's programme at two schools 2 km apart: neither kind.
const schools = org('Lesefüchse e.V.');
add('school-1', { title: 'Lesefüchse', ...schools, ...place(24), categories: ['reading_mentorship'] });
add('school-2', { title: 'Lesefüchse', ...schools, ...place(24, 2), categories: ['reading_mentorship'] });

// 25 — a holiday edition whose title differs by the one word; 26 — two years of one production; 27 — "ae".
const homeworkClub = org('Ganztagsschule Regen');
add('term', { title: 'Hausaufgabenbetreuung', ...homeworkClub, ...place(25), categories: ['homework_help'] });
add('holidays', { title: 'Ferien-Hausaufgabenbetreuung', ...homeworkClub, ...place(25), categories: ['homework_help'] });
const theatre = { categories: ['music_arts'] as DuplicateCandidate['categories'], phases: ['secondary_school'] as DuplicateCandidate['phases'], minAge: 12, maxAge: 18 };
add('theatre-2025', { title: 'Jugendtheater 2025', ...org('Theaterwerkstatt Regen'), ...place(26), ...theatre });
add('theatre-2026', { title: 'Jugendtheater 2026', ...org('Theaterwerkstatt Regen'), ...place(26), ...theatre });
add('girls-a', { title: 'Spielgruppe für Mädchen', ...org('Spielraum Regen'), ...place(27), categories: ['open_youth_work'] });
add('girls-b', { title: 'Spielgruppe fuer Maedchen', ...org('Spielraum Regen'), ...place(27, 0.05), categories: ['open_youth_work'], status: 'pending' });
expect_('same_entry', 'girls-a', 'girls-b');
// 28 — a typo inside a word that carries a marker is not another audience.
add('typo-marker-a', { title: 'Jugendtreff am Abend', ...org('Jugendhaus Regen'), ...place(28), categories: ['open_youth_work'], phases: ['secondary_school'], minAge: 12, maxAge: 18 });
add('typo-marker-b', { title: 'Jugentdreff am Abend', ...org('Jugendhaus Regen'), ...place(28), categories: ['open_youth_work'], phases: ['secondary_school'], minAge: 12, maxAge: 18, status: 'pending' });
expect_('same_entry', 'typo-marker-a', 'typo-marker-b');

// 29 — two groups of one course on different weekdays; two courses whose titles share all but the craft;
// one organisation's programme at two of its sites 700 m apart.
const vhsKurse = org('Volkshochschule Zwiesel');
add('tuesday', { title: 'Babytreff in der Kita Spatzennest', ...vhsKurse, ...place(29), categories: ['early_childhood'], phases: ['early_childhood'], minAge: 0, maxAge: 3, schedule: { text: 'dienstags 9:00–10:30 Uhr' } });
add('thursday', { title: 'Babytreff in der Kita Spatzennest', ...vhsKurse, ...place(29), categories: ['early_childhood'], phases: ['early_childhood'], minAge: 0, maxAge: 3, schedule: { text: 'donnerstags 10:00–11:30 Uhr' } });
add('painting', { title: 'Malkurs für Anfängerinnen und Anfänger', ...vhsKurse, ...place(29, 0.5), categories: ['music_arts'] });
add('pottery', { title: 'Töpferkurs für Anfängerinnen und Anfänger', ...vhsKurse, ...place(29, 0.5), categories: ['music_arts'] });
add('site-a', { title: 'Ausbildungspaten begleiten junge Menschen', ...vhsKurse, ...place(29, 1.5), street: 'Am Sportplatz 29', categories: ['mentoring'], phases: ['school_to_work'], minAge: 14, maxAge: 27 });
add('site-b', { title: 'Ausbildungspaten begleiten junge Menschen', ...vhsKurse, ...place(29, 2.2), street: 'Am Bach 68', categories: ['mentoring'], phases: ['school_to_work'], minAge: 14, maxAge: 27 });

// 30 — related only through a side category, a few km apart: too weak a hint to be parallel programmes.
add('career-a', { title: 'Berufe zum Anfassen: Soziale Berufe', ...org('Jugendberufsagentur Regen'), ...place(30), categories: ['career_orientation'], phases: ['school_to_work'], minAge: 13, maxAge: 25 });
add('career-b', { title: 'Berufssprachkurs Deutsch', ...org('Sprachpaten Regen'), ...place(30, 2.7), categories: ['german_second_language', 'career_orientation'], phases: ['school_to_work', 'working_life'], minAge: 16, maxAge: 65 });

// 31–34 — one organisation, one address, the description pasted into both, the titles differing by a whole
// word: a weekday, a time of day, a colour, a direction. Groups of one course, not one entry twice.
const meeting = 'Eltern mit Kleinkindern treffen sich zum Spielen, Singen und Austauschen. Eine Fachkraft begleitet die Gruppe und steht für Fragen zur Verfügung.';
const toddlers = { categories: ['early_childhood'] as DuplicateCandidate['categories'], phases: ['early_childhood'] as DuplicateCandidate['phases'], minAge: 0, maxAge: 3, description: meeting, schedule: { text: 'wöchentlich 9:30 Uhr' } };
const familyCentre = org('Familienstützpunkt Regen');
add('krabbel-monday', { title: 'Krabbelgruppe Montag', ...familyCentre, ...place(31), ...toddlers, street: 'Kirchplatz 31' });
add('krabbel-wednesday', { title: 'Krabbelgruppe Mittwoch', ...familyCentre, ...place(31), ...toddlers, street: 'Kirchplatz 31' });
add('play-morning', { title: 'Spielgruppe am Vormittag', ...familyCentre, ...place(32), ...toddlers, street: 'Kirchplatz 32' });
add('play-afternoon', { title: 'Spielgruppe am Nachmittag', ...familyCentre, ...place(32), ...toddlers, street: 'Kirchplatz 32' });
add('krabbel-red', { title: 'Krabbelgruppe Rot', ...familyCentre, ...place(33), ...toddlers, street: 'Kirchplatz 33' });
add('krabbel-blue', { title: 'Krabbelgruppe Blau', ...familyCentre, ...place(33), ...toddlers, street: 'Kirchplatz 33' });
add('krabbel-north', { title: 'Krabbelgruppe Nord', ...familyCentre, ...place(34), ...toddlers, street: 'Kirchplatz 34' });
add('krabbel-south', { title: 'Krabbelgruppe Süd', ...familyCentre, ...place(34), ...toddlers, street: 'Kirchplatz 34' });

// 35–37 — parts and groups named by a Roman numeral or a letter, at one address.
const jobCentre = org('Bildungswerk Regen');
add('part-1', { title: 'Bewerbungstraining Teil I', ...jobCentre, ...place(35), street: 'Hauptstraße 35' });
add('part-2', { title: 'Bewerbungstraining Teil II', ...jobCentre, ...place(35), street: 'Hauptstraße 35' });
add('course-1', { title: 'Deutschkurs I', ...jobCentre, ...place(36), street: 'Hauptstraße 36' });
add('course-2', { title: 'Deutschkurs II', ...jobCentre, ...place(36), street: 'Hauptstraße 36' });
add('group-a', { title: 'Hausaufgabenhilfe Gruppe A', ...jobCentre, ...place(37), street: 'Hauptstraße 37' });
add('group-b', { title: 'Hausaufgabenhilfe Gruppe B', ...jobCentre, ...place(37), street: 'Hauptstraße 37' });

// 38 — the same generic title by two organisations in two streets 120 m apart, each with its own text:
// two courses, parallel. 39 — two organisations entering one programme at one address, each with its
// own text: the same entry.
add('market-charity', { title: 'Hausaufgabenhilfe', ...org('Caritas Marktplatz'), ...place(38), street: 'Marktplatz 1', description: 'Die Caritas bietet in ihren Räumen montags bis donnerstags eine betreute Hausaufgabenhilfe für Grundschulkinder an, mit Mittagessen.' });
add('market-school', { title: 'Hausaufgabenhilfe', ...org('Grundschule am Markt'), ...place(38, 0.12), street: 'Schulstraße 3', description: 'Nach dem Unterricht helfen Lehramtsstudierende im Klassenzimmer bei den Hausaufgaben; Anmeldung über das Sekretariat.' });
expect_('parallel', 'market-charity', 'market-school');
add('venue-charity', { title: 'Hausaufgabenhilfe', ...org('Caritas Stadtplatz'), ...place(39), street: 'Stadtplatz 7', description: 'Die Caritas bietet eine betreute Hausaufgabenhilfe für Grundschulkinder an, mit Mittagessen.' });
add('venue-school', { title: 'Hausaufgabenhilfe', ...org('Grundschule am Stadtplatz'), ...place(39, 0.05), street: 'Stadtplatz 7', description: 'Nach dem Unterricht helfen Lehramtsstudierende bei den Hausaufgaben; Anmeldung über das Sekretariat.' });
expect_('same_entry', 'venue-charity', 'venue-school');

// 40 — "St." and "Sankt".
add('saint-short', { title: 'Lernstube St. Marien', ...org('Pfarrei St. Marien'), ...place(40), street: 'Kirchweg 1' });
add('saint-long', { title: 'Lernstube Sankt Marien', ...org('Pfarrei St. Marien'), ...place(40), street: 'Kirchweg 1', status: 'pending' });
expect_('same_entry', 'saint-short', 'saint-long');

/** Known non-duplicates: pairs that look alike but must be in no group of either kind. */
const apart: [string, string][] = [
  ['münchen', 'lesepaten-far'], ['toddlers', 'teens'], ['club', 'club-holidays'], ['club', 'club-summer'], ['pc-children', 'pc-seniors'],
  ['girls', 'boys'], ['beginners', 'advanced'], ['camp-july', 'camp-august'], ['caritas-1', 'caritas-2'], ['younger', 'older'],
  ['a1-x', 'a2-x'], ['a1-y', 'a2-x'], ['school-1', 'school-2'], ['choir', 'theatre'], ['term', 'holidays'], ['theatre-2025', 'theatre-2026'],
  ['tuesday', 'thursday'], ['painting', 'pottery'], ['site-a', 'site-b'], ['career-a', 'career-b'],
  ['krabbel-monday', 'krabbel-wednesday'], ['play-morning', 'play-afternoon'], ['krabbel-red', 'krabbel-blue'],
  ['krabbel-north', 'krabbel-south'], ['part-1', 'part-2'], ['course-1', 'course-2'], ['group-a', 'group-b'],
];

function pairsOf(groups: readonly DetectedGroup[], kind: DuplicateKind): Set<string> {
  const pairs = new Set<string>();
  for (const g of groups.filter((x) => x.kind === kind)) {
    for (let i = 0; i < g.offeringIds.length; i++) for (let j = i + 1; j < g.offeringIds.length; j++) pairs.add(`${g.offeringIds[i]}-${g.offeringIds[j]}`);
  }
  return pairs;
}
const idPair = ([x, y]: [string, string]) => {
  const [a, b] = [byTitle.get(x)!.id, byTitle.get(y)!.id].sort((p, q) => p - q);
  return `${a}-${b}`;
};
const nameOf = (pair: string) => pair.split('-').map((id) => [...byTitle].find(([, o]) => o.id === Number(id))![0]).join(' + ');

describe('findDuplicateGroups on a hand-built fixture', () => {
  const groups = findDuplicateGroups(items);

  it('holds enough cases to mean something', () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
  });

  for (const kind of ['same_entry', 'parallel'] as const) {
    it(`finds ${kind} pairs with precision and recall ≥ 0.9`, () => {
      const found = pairsOf(groups, kind);
      const wanted = new Set(expected[kind].map(idPair));
      const hits = [...found].filter((p) => wanted.has(p)).length;
      const precision = found.size === 0 ? 0 : hits / found.size;
      const recall = hits / wanted.size;
      console.log(`${kind}: ${found.size} pairs found, ${wanted.size} expected, precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
      expect(precision, `wrongly found: ${[...found].filter((p) => !wanted.has(p)).map(nameOf).join(', ')}`).toBeGreaterThanOrEqual(0.9);
      expect(recall, `missed: ${[...wanted].filter((p) => !found.has(p)).map(nameOf).join(', ')}`).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('finds every known pair, each spelling variant on its own', () => {
    for (const kind of ['same_entry', 'parallel'] as const) {
      const found = pairsOf(groups, kind);
      expect(expected[kind].filter((pair) => !found.has(idPair(pair))), kind).toEqual([]);
    }
  });

  it('puts no known non-duplicate pair in any group', () => {
    const found = new Set([...pairsOf(groups, 'same_entry'), ...pairsOf(groups, 'parallel')]);
    expect(apart.filter((pair) => found.has(idPair(pair)))).toEqual([]);
  });

  it('gives every group a stable id, a score and the reasons a coordinator can check', () => {
    const umlauts = groups.find((g) => g.offeringIds.includes(byTitle.get('münchen')!.id))!;
    expect(umlauts.id).toBe(`same_entry:${umlauts.offeringIds.join('-')}`);
    expect(umlauts.offeringIds).toHaveLength(3);
    expect(umlauts.score).toBeGreaterThan(0.8);
    expect(umlauts.reasons).toEqual(expect.arrayContaining([
      { code: 'title_similarity', value: 1 },
      { code: 'same_provider' },
      { code: 'shared_categories', categories: ['reading_mentorship'] },
      { code: 'shared_phases', phases: ['primary_school'] },
      { code: 'age_overlap', minAge: 6, maxAge: 10 },
      { code: 'same_schedule' },
    ]));
    const km = umlauts.reasons.find((r) => r.code === 'distance');
    expect(km).toMatchObject({ code: 'distance' });
    expect((km as { km: number }).km).toBeCloseTo(0.2, 1);
  });

  it('names the organisations: alike, different, or the same', () => {
    const reasonsOf = (key: string) => groups.find((g) => g.kind === 'same_entry' && g.offeringIds.includes(byTitle.get(key)!.id))!.reasons;
    expect(reasonsOf('hyphen')).toEqual(expect.arrayContaining([{ code: 'same_address' }, { code: 'similar_provider', value: 1 }]));
    expect(reasonsOf('oase')).toContainEqual({ code: 'similar_provider', value: 1 });
    expect(reasonsOf('by-school')).toEqual(expect.arrayContaining([
      { code: 'different_providers', count: 2 },
      { code: 'description_similarity', value: 1 },
    ]));
    const parallel = groups.find((g) => g.kind === 'parallel' && g.offeringIds.includes(byTitle.get('parallel-a')!.id))!;
    expect(parallel.reasons).toContainEqual({ code: 'different_providers', count: 3 });
    expect(parallel.suggestedKeepId).toBeNull();
  });

  it('suggests keeping the published entry over pending ones', () => {
    const umlauts = groups.find((g) => g.offeringIds.includes(byTitle.get('münchen')!.id))!;
    expect(umlauts.suggestedKeepId).toBe(byTitle.get('münchen')!.id);
    const oase = groups.find((g) => g.offeringIds.includes(byTitle.get('oase-new')!.id))!;
    expect(oase.suggestedKeepId).toBe(byTitle.get('oase')!.id);
  });

  it('lists same entries first, each kind by descending score', () => {
    const kinds = groups.map((g) => g.kind);
    expect(kinds.indexOf('parallel')).toBeGreaterThan(kinds.lastIndexOf('same_entry'));
    for (const kind of ['same_entry', 'parallel'] as const) {
      const scores = groups.filter((g) => g.kind === kind).map((g) => g.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('finds the same groups whatever the order of the input', () => {
    const shuffled = [...items].reverse();
    expect(findDuplicateGroups(shuffled).map((g) => g.id).sort()).toEqual(groups.map((g) => g.id).sort());
  });
});

describe('grouping', () => {
  it('does not chain programmes along a road into one group', () => {
    const road = Array.from({ length: 6 }, (_, k) =>
      offering({ title: `Lernhilfe ${k}`, ...org(`Verein ${k}`), ...place(20, k * 2) }),
    );
    const groups = findDuplicateGroups(road);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      const members = road.filter((o) => g.offeringIds.includes(o.id));
      const spread = Math.max(...members.map((o) => o.lng)) - Math.min(...members.map((o) => o.lng));
      // Every member within 3 km of every other: at most two neighbours 2 km apart.
      expect(spread * KM_PER_DEGREE * Math.cos((BASE.lat * Math.PI) / 180)).toBeLessThanOrEqual(3.1);
    }
  });

  it('shows a programme entered twice as a same entry, not also as a parallel programme', () => {
    const a = offering({ title: 'Lernhilfe Mitte', ...org('Verein Mitte'), ...place(21) });
    const b = offering({ title: 'Lernhilfe Mitte', ...org('Stadtteilbüro Mitte'), ...place(21, 0.1), status: 'pending' });
    const c = offering({ title: 'Nachhilfe', ...org('Bildungswerk Nord'), ...place(21, 1) });
    const groups = findDuplicateGroups([a, b, c]);
    expect(groups.map((g) => g.id)).toEqual([`same_entry:${a.id}-${b.id}`, `parallel:${a.id}-${c.id}`]);
  });
});

describe('decisions', () => {
  const a = offering({ title: 'Lesepaten', ...lesepaten, ...place(22), street: 'Stadtplatz 1' });
  const b = offering({ title: 'Lesepaten', ...lesepaten, ...place(22, 0.1), street: 'Stadtplatz 1', status: 'pending' });
  const c = offering({ title: 'Lesepaten', ...lesepaten, ...place(22, 0.2), street: 'Stadtplatz 1', status: 'pending' });
  const p = offering({ title: 'Lernhilfe', ...org('Anderer Verein'), ...place(23) });
  const q = offering({ title: 'Nachhilfe', ...org('Dritter Verein'), ...place(23, 1) });
  const decide = (kind: DuplicateKind, ids: number[], decision: DecisionCover['decision'] = 'not_duplicate'): DecisionCover => ({ kind, offeringIds: ids, decision });

  it('drops the pairs a decision of the same kind covers; the group returns only with a new member', () => {
    expect(findDuplicateGroups([a, b]).map((g) => g.id)).toEqual([`same_entry:${a.id}-${b.id}`]);
    expect(findDuplicateGroups([a, b], [decide('same_entry', [a.id, b.id])])).toEqual([]);
    const again = findDuplicateGroups([a, b, c], [decide('same_entry', [a.id, b.id])]);
    // a–b stay settled; the new entry c is shown with each of them.
    expect(again.map((g) => g.id).sort()).toEqual([`same_entry:${a.id}-${c.id}`, `same_entry:${b.id}-${c.id}`]);
  });

  it('keeps a parallel decision from settling a same entry', () => {
    expect(findDuplicateGroups([p, q]).map((g) => g.id)).toEqual([`parallel:${p.id}-${q.id}`]);
    expect(findDuplicateGroups([p, q], [decide('parallel', [p.id, q.id], 'intended')])).toEqual([]);
    // "Intended" parallel programmes that later look like one entry entered twice are a data problem to show.
    expect(findDuplicateGroups([a, b], [decide('parallel', [a.id, b.id], 'intended')]).map((g) => g.id)).toEqual([`same_entry:${a.id}-${b.id}`]);
  });

  it('does not offer a pair as parallel programmes once a same-entry decision settled it', () => {
    // Two organisations entered one programme: a same entry, and, failing that, parallel programmes.
    const x = offering({ title: 'Lernhilfe Mitte', ...org('Verein Mitte'), ...place(21) });
    const y = offering({ title: 'Lernhilfe Mitte', ...org('Stadtteilbüro Mitte'), ...place(21, 0.1), status: 'pending' });
    expect(findDuplicateGroups([x, y]).map((g) => g.id)).toEqual([`same_entry:${x.id}-${y.id}`]);
    for (const outcome of ['not_duplicate', 'intended'] as const) {
      // The coordinator has looked at these two entries: neither kind comes back for the pair.
      expect(findDuplicateGroups([x, y], [decide('same_entry', [x.id, y.id], outcome)]), outcome).toEqual([]);
    }
    expect(findDuplicateGroups([p, q], [decide('same_entry', [p.id, q.id])])).toEqual([]);
  });
});

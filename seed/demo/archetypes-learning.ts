import { archetype, districtShortName, forDistrict, inDistrict, type Archetype } from './archetype';
import { schoolName } from './names';
import { CITY_QUARTERS, STREETS, SURNAMES } from './words';

// Providers around schools, learning, volunteering and social work.

export const LEARNING_ARCHETYPES: readonly Archetype[] = [
  archetype({
    id: 'school_association', kind: 'association', size: [1, 5], share: { village: 12, town: 8, city: 6 }, volunteerRun: true,
    categories: { homework_help: 4, tutoring: 3, reading_mentorship: 2, holiday_programme: 1, music_arts: 1, sports: 1, stem: 0.5 },
    identity(_place, rng) {
      const school = schoolName(rng);
      return { name: `Förderverein der ${school.name} e.V.`, venue: { name: school.name, at: school.at } };
    },
    about: () => 'Der Förderverein unterstützt die Schule mit Projekten, die im Unterricht keinen Platz finden.',
  }),
  archetype({
    id: 'school', kind: 'school', size: [2, 8], share: { village: 5, town: 6, city: 5 }, volunteerRun: false,
    categories: { career_orientation: 3, tutoring: 2, homework_help: 2, stem: 2, digital_media: 1, culture_mentorship: 0.5, music_arts: 0.5 },
    identity(place, rng) {
      const school = schoolName(rng, true);
      return { name: `${school.name} ${place.name}`, venue: { name: school.name, at: school.at } };
    },
    about: (place) => `Als Schule in ${place.name} öffnen wir unsere Angebote auch für Kinder und Jugendliche anderer Schulen.`,
  }),
  archetype({
    id: 'library', kind: 'library', size: [3, 14], share: { village: 4, town: 4, city: 3 }, volunteerRun: false,
    categories: { reading_mentorship: 5, digital_media: 2, early_childhood: 2, language_mentorship: 1, german_second_language: 1, culture_guides: 0.5, holiday_programme: 1 },
    identity(place) {
      const name = place.isStadt ? `Stadtbibliothek ${place.name}` : `Gemeindebücherei ${place.name}`;
      const at = place.isStadt ? 'in der Stadtbibliothek' : 'in der Gemeindebücherei';
      return { name, venue: { name: null, at } };
    },
    about: (place) => `Die Bibliothek ist ein offener Lernort für alle Menschen in ${place.name}, mit Medien in vielen Sprachen.`,
  }),
  archetype({
    id: 'adult_education_centre', kind: 'adult_education_centre', size: [6, 40], share: { village: 2, town: 3, city: 2 }, volunteerRun: false,
    categories: { adult_education: 6, german_second_language: 3, digital_media: 2, parent_education: 1, career_orientation: 1, education_counselling: 1, music_arts: 0.5 },
    identity(place) {
      const own = place.size !== 'village' && place.isStadt;
      const name = own ? `Volkshochschule ${place.name}` : `Volkshochschule ${place.district.label}`;
      const venue = own ? { name: 'VHS-Haus', at: 'im VHS-Haus' } : { name: `VHS-Außenstelle ${place.name}`, at: `in der VHS-Außenstelle ${place.name}` };
      return { name, venue };
    },
    about: (place) => `Die Volkshochschule ist das öffentliche Weiterbildungszentrum ${inDistrict(place.district)}.`,
  }),
  archetype({
    id: 'private_tutor', kind: 'private_tutor', size: [2, 6], share: { village: 3, town: 9, city: 11 }, volunteerRun: false,
    categories: { tutoring: 9, stem: 0.4, german_second_language: 0.3 },
    identity(place, rng) {
      const surname = rng.pick(SURNAMES);
      const name = rng.pick([`Lernwerkstatt ${surname}`, `Nachhilfe ${surname}`, `Lernstudio ${surname}`, `Lerninsel ${place.name}`, `Lernpunkt ${surname}`, `Nachhilfeschule ${surname} & ${rng.pick(SURNAMES)}`]);
      return { name, venue: { name: null, at: rng.pick(['im Lernstudio', 'in der Lernwerkstatt', 'in den Nachhilferäumen']) } };
    },
    about: () => 'Wir bieten Nachhilfe in kleinen Gruppen und einzeln, mit erfahrenen Lehrkräften und Studierenden.',
  }),
  archetype({
    id: 'reading_helpers', kind: 'volunteer_initiative', size: [1, 4], share: { village: 0.5, town: 2, city: 2 }, volunteerRun: true,
    categories: { reading_mentorship: 1 },
    identity(place, rng) {
      const school = schoolName(rng);
      return { name: `Mentor – Die Leselernhelfer ${place.name} e.V.`, venue: { name: school.name, at: school.at } };
    },
    about: () => 'Ehrenamtliche Leselernhelferinnen und -helfer fördern Kinder im Eins-zu-eins-Kontakt.',
  }),
  archetype({
    id: 'volunteer_initiative', kind: 'volunteer_initiative', size: [2, 6], share: { village: 2.5, town: 4, city: 4 }, volunteerRun: true,
    categories: { language_mentorship: 3, culture_mentorship: 2, german_second_language: 2, mentoring: 2, homework_help: 1 },
    identity(place, rng) {
      const name = rng.pick([`Sprachpaten ${place.name}`, `Initiative Willkommen in ${place.name}`, `Kulturpaten ${place.name}`, `Helferkreis Asyl ${place.name}`, `Chancenpaten ${place.name}`, `Netzwerk Ehrenamt ${place.name}`]);
      return { name, venue: { name: 'Begegnungscafé', at: 'im Begegnungscafé' } };
    },
    about: (place) => `Wir sind eine Gruppe von Ehrenamtlichen, die sich seit Jahren in ${place.name} für gute Nachbarschaft einsetzt.`,
  }),
  archetype({
    id: 'citizens_foundation', kind: 'foundation', size: [2, 6], share: { village: 0.5, town: 1.5, city: 1.5 }, volunteerRun: true,
    categories: { mentoring: 2, reading_mentorship: 2, culture_mentorship: 2, language_mentorship: 1, tutoring: 1 },
    identity(place) {
      return { name: `Bürgerstiftung ${place.name}`, venue: { name: 'Stiftungshaus', at: 'im Stiftungshaus' } };
    },
    about: (place) => `Die Bürgerstiftung fördert Bildungschancen für Kinder und Jugendliche in ${place.name}.`,
  }),
  archetype({
    id: 'welfare', kind: 'association', size: [4, 18], share: { village: 1, town: 3, city: 4 }, volunteerRun: false,
    categories: { education_counselling: 2, parent_education: 2, language_mentorship: 2, german_second_language: 2, mentoring: 2, homework_help: 1, early_childhood: 1, career_orientation: 1 },
    identity(place, rng) {
      const short = districtShortName(place.district);
      const name = rng.pick([
        `Caritasverband ${forDistrict(place.district)} e.V.`, `AWO Kreisverband ${short} e.V.`, `Diakonisches Werk ${short}`,
        `Diakonie ${short}`, `DRK-Kreisverband ${short} e.V.`, `Internationaler Bund ${short}`,
      ]);
      const street = rng.pick(STREETS);
      return { name, venue: { name: `Beratungsstelle ${street}`, at: 'in der Beratungsstelle' } };
    },
    about: (place) => `Als Wohlfahrtsverband ${inDistrict(place.district)} begleiten wir Familien, Kinder und Zugewanderte.`,
  }),
  archetype({
    id: 'youth_welfare', kind: 'youth_services', size: [3, 10], share: { village: 1, town: 2.5, city: 3 }, volunteerRun: false,
    categories: { mentoring: 3, open_youth_work: 2, parent_education: 2, education_counselling: 1, homework_help: 1 },
    identity(place, rng) {
      const name = rng.pick([
        `Kinder- und Jugendhilfe ${districtShortName(place.district)}`, `Kinder- und Jugendhilfe ${rng.pick(['Sonnenhof', 'Lindenhof', 'Brücke', 'Kompass'])} gGmbH`,
        `Jugendhilfeverbund ${place.name}`, `Stadtteilarbeit ${place.name}-${rng.pick(CITY_QUARTERS)}`,
      ]);
      return { name, venue: { name: 'Stadtteilbüro', at: 'im Stadtteilbüro' } };
    },
    about: () => 'Wir sind ein freier Träger der Kinder- und Jugendhilfe mit Angeboten von der Beratung bis zur Freizeit.',
  }),
];

export interface ProviderClosing {
  text: (city: string, year: number) => string;
  /** Whether the sentence suits the provider. */
  fits: (arch: Archetype) => boolean;
}

/** Sentences a provider description may end with. */
export const PROVIDER_CLOSINGS: readonly ProviderClosing[] = [
  { text: () => 'Wir arbeiten eng mit Schulen, Kitas und dem Bildungsbüro zusammen.', fits: (a) => a.kind !== 'municipality' },
  { text: () => 'Unsere Angebote leben vom Engagement vieler Ehrenamtlicher.', fits: (a) => a.volunteerRun },
  { text: (city, year) => `Seit ${year} sind wir in ${city} aktiv.`, fits: (a) => a.id !== 'sports_club' },
  { text: () => 'Alle Angebote stehen Kindern und Familien unabhängig von Herkunft und Einkommen offen.', fits: () => true },
  { text: () => 'Neue Ideen und Mitstreiterinnen und Mitstreiter sind jederzeit willkommen.', fits: (a) => a.kind !== 'company' },
];

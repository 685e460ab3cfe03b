import type { Category } from '../../../schema';
import type { Topic } from './context';

// Subjects and activities per category. `k` is the compound German builds from them ("Mathe" + "nachhilfe").

const SUBJECTS: readonly Topic[] = [
  { n: 'Mathematik', k: 'Mathenachhilfe' },
  { n: 'Mathematik', k: 'Mathenachhilfe' },
  { n: 'Deutsch', k: 'Deutschnachhilfe' },
  { n: 'Englisch', k: 'Englischnachhilfe' },
  { n: 'Englisch', k: 'Englischnachhilfe' },
  { n: 'Französisch', k: 'Französischnachhilfe', min: 10 },
  { n: 'Latein', k: 'Lateinnachhilfe', min: 10 },
  { n: 'Spanisch', k: 'Spanischnachhilfe', min: 12 },
  { n: 'Physik', k: 'Physiknachhilfe', min: 12 },
  { n: 'Chemie', k: 'Chemienachhilfe', min: 13 },
  { n: 'Biologie', k: 'Biologienachhilfe', min: 11 },
  { n: 'Rechnen', k: 'Rechenförderung', max: 11 },
  { n: 'Lesen und Schreiben', k: 'Lese- und Schreibförderung', max: 12 },
];

const GERMAN_LEVELS: readonly Topic[] = [
  { n: 'Niveau A1', k: 'Deutschkurs A1' }, { n: 'Niveau A2', k: 'Deutschkurs A2' },
  { n: 'Niveau B1', k: 'Deutschkurs B1' }, { n: 'Niveau B2', k: 'Deutschkurs B2', min: 14 },
  { n: 'Alltagsdeutsch', k: 'Alltagsdeutschkurs' },
];

const ARTS: readonly Topic[] = [
  { n: 'Gitarre', k: 'Gitarrenkurs', min: 7 }, { n: 'Trommeln', k: 'Trommelworkshop' },
  { n: 'Chorsingen', k: 'Chorprojekt' }, { n: 'Malen', k: 'Malkurs' }, { n: 'Töpfern', k: 'Töpferkurs' },
  { n: 'Theater', k: 'Theaterwerkstatt', min: 6 }, { n: 'Tanz', k: 'Tanzkurs' },
  { n: 'Comiczeichnen', k: 'Comicworkshop', min: 8 }, { n: 'Fotografie', k: 'Fotokurs', min: 10 },
  { n: 'Klavier', k: 'Klavierunterricht', min: 6 }, { n: 'Musical', k: 'Musicalprojekt', min: 7 },
  { n: 'Blockflöte', k: 'Blockflötengruppe', min: 5, max: 12 }, { n: 'Hip-Hop', k: 'Hip-Hop-Workshop', min: 10, max: 30 },
  { n: 'Bandmusik', k: 'Bandprojekt', min: 12 }, { n: 'Filzen und Weben', k: 'Textilwerkstatt' },
  { n: 'Singen', k: 'Singkreis' }, { n: 'Aquarellmalerei', k: 'Aquarellkurs', min: 14 },
];

const SPORTS: readonly Topic[] = [
  { n: 'Schwimmen', k: 'Schwimmkurs', min: 4 }, { n: 'Schwimmen', k: 'Schwimmkurs', min: 4 },
  { n: 'Fußball', k: 'Fußballtraining', min: 5 }, { n: 'Turnen', k: 'Turnstunde' },
  { n: 'Klettern', k: 'Kletterkurs', min: 7 }, { n: 'Judo', k: 'Judokurs', min: 5 },
  { n: 'Leichtathletik', k: 'Leichtathletiktraining', min: 6 }, { n: 'Tischtennis', k: 'Tischtennistraining', min: 7 },
  { n: 'Radfahren', k: 'Radfahrkurs', min: 4, max: 12 }, { n: 'Basketball', k: 'Basketballtraining', min: 8 },
  { n: 'Selbstbehauptung', k: 'Selbstbehauptungskurs', min: 6 }, { n: 'Yoga', k: 'Yogakurs' },
  { n: 'Schach', k: 'Schachkurs', min: 6 }, { n: 'Bewegung', k: 'Bewegungsstunde' },
  { n: 'Rückenfitness', k: 'Rückenkurs', min: 18 }, { n: 'Sturzprophylaxe', k: 'Gleichgewichtstraining', min: 60 },
];

const STEM: readonly Topic[] = [
  { n: 'Robotik', k: 'Robotikkurs', min: 8 }, { n: 'Programmieren', k: 'Programmierkurs', min: 9 },
  { n: 'Experimentieren', k: 'Experimentierwerkstatt' }, { n: 'Astronomie', k: 'Astronomie-AG', min: 9 },
  { n: 'Elektronik', k: 'Elektronikwerkstatt', min: 10 }, { n: '3D-Druck', k: '3D-Druck-Workshop', min: 10 },
  { n: 'Chemie', k: 'Chemielabor für Einsteiger', min: 10 }, { n: 'Naturforschung', k: 'Naturforscherkurs' },
  { n: 'Knobeln und Rätseln', k: 'Matheclub', min: 8 }, { n: 'Bienen und Insekten', k: 'Insektenforscher-AG' },
  { n: 'Wetter und Klima', k: 'Wetterwerkstatt', min: 8 },
];

const DIGITAL: readonly Topic[] = [
  { n: 'Medienkompetenz', k: 'Medienkurs' }, { n: 'Smartphone', k: 'Smartphonekurs' },
  { n: 'Sicherheit im Netz', k: 'Internetkurs' }, { n: 'Videoschnitt', k: 'Videoworkshop', min: 10 },
  { n: 'Podcasts', k: 'Podcastwerkstatt', min: 10 }, { n: 'Bildbearbeitung', k: 'Bildbearbeitungskurs', min: 10 },
  { n: 'Computergrundlagen', k: 'Computerkurs' }, { n: 'Tablet', k: 'Tabletkurs' },
  { n: 'Spieleentwicklung', k: 'Games-Werkstatt', min: 10, max: 30 }, { n: 'Online-Banking', k: 'Online-Banking-Kurs', min: 18 },
];

const CAREER: readonly Topic[] = [
  { n: 'Handwerk', k: 'Handwerkstag' }, { n: 'Pflege und Gesundheit', k: 'Pflegetag' },
  { n: 'IT und Technik', k: 'Techniktag' }, { n: 'Handel und Logistik', k: 'Logistiktag' },
  { n: 'Soziale Berufe', k: 'Sozialtag' }, { n: 'Landwirtschaft', k: 'Hoftag' },
  { n: 'Öffentlicher Dienst', k: 'Verwaltungstag' },
];

const PARENTING: readonly Topic[] = [
  { n: 'Sprachentwicklung', k: 'Elternkurs Sprachentwicklung' }, { n: 'Medienerziehung', k: 'Elternkurs Medienerziehung' },
  { n: 'Schulstart', k: 'Elternkurs Schulstart' }, { n: 'Pubertät', k: 'Elternkurs Pubertät' },
  { n: 'gesunde Ernährung', k: 'Elternkurs Ernährung' }, { n: 'Grenzen setzen', k: 'Erziehungskurs' },
  { n: 'Mehrsprachigkeit', k: 'Elternkurs Mehrsprachigkeit' }, { n: 'Schlafen und Trösten', k: 'Elternkurs Babyschlaf' },
];

const EARLY: readonly Topic[] = [
  { n: 'Krabbeln und Spielen', k: 'Krabbelgruppe', max: 3 }, { n: 'Musik', k: 'Musikgarten' },
  { n: 'Bewegung', k: 'Eltern-Kind-Turnen' }, { n: 'Sprache', k: 'Sprachspielgruppe', min: 2 },
  { n: 'Natur', k: 'Waldspielgruppe', min: 2 }, { n: 'Babymassage', k: 'Babymassagekurs', max: 1 },
  { n: 'Vorlesen', k: 'Bilderbuchkino', min: 2 },
];

const HOLIDAY: readonly Topic[] = [
  { n: 'Forscherwoche im Wald', k: 'Forscherwoche', cat: 'stem' }, { n: 'Zirkuswoche', k: 'Zirkusprojekt', cat: 'sports' },
  { n: 'Theaterwoche', k: 'Theaterprojekt', cat: 'music_arts' }, { n: 'Kunstwoche', k: 'Kunstwerkstatt', cat: 'music_arts' },
  { n: 'Sportcamp', k: 'Sportcamp', cat: 'sports' }, { n: 'Medienwoche', k: 'Trickfilmwerkstatt', cat: 'digital_media' },
  { n: 'Abenteuerwoche auf dem Bauernhof', k: 'Bauernhofwoche' }, { n: 'Robotikwoche', k: 'Roboterbau', cat: 'stem', min: 8 },
  { n: 'Lerncamp Mathe und Deutsch', k: 'Lerncamp', cat: 'tutoring', min: 8 }, { n: 'Kinderstadt', k: 'Kinderstadt' },
  { n: 'Zeltlager am See', k: 'Zeltlager', min: 8 }, { n: 'Musikwoche', k: 'Musikcamp', cat: 'music_arts' },
  { n: 'Entdeckertage im Museum', k: 'Museumswoche', cat: 'culture_guides' }, { n: 'Kochwerkstatt', k: 'Kinderkochkurs' },
];

const COUNSELLING: readonly Topic[] = [
  { n: 'Schulabschluss und Anschluss', k: 'Übergangsberatung' },
  { n: 'Anerkennung ausländischer Abschlüsse', k: 'Anerkennungsberatung', min: 16 },
  { n: 'Weiterbildung und Umschulung', k: 'Weiterbildungsberatung', min: 18 },
  { n: 'Studienwahl', k: 'Studienberatung', min: 16 },
  { n: 'Schulwahl nach der Grundschule', k: 'Schullaufbahnberatung' },
  { n: 'Förderung und Finanzierung', k: 'Förderberatung' },
];

const ADULT: readonly Topic[] = [
  { n: 'Englisch', k: 'Englischkurs', lang: 'en' }, { n: 'Spanisch', k: 'Spanischkurs', lang: 'es' },
  { n: 'Italienisch', k: 'Italienischkurs', lang: 'it' }, { n: 'Französisch', k: 'Französischkurs', lang: 'fr' },
  { n: 'Polnisch', k: 'Polnischkurs', lang: 'pl' }, { n: 'Türkisch', k: 'Türkischkurs', lang: 'tr' },
  { n: 'Portugiesisch', k: 'Portugiesischkurs', lang: 'pt' }, { n: 'Griechisch', k: 'Griechischkurs', lang: 'el' },
  { n: 'Chinesisch', k: 'Chinesischkurs', lang: 'zh' }, { n: 'EDV-Grundlagen', k: 'EDV-Kurs' },
  { n: 'Buchführung', k: 'Buchführungskurs' }, { n: 'Rhetorik', k: 'Rhetorikseminar' },
  { n: 'Nähen', k: 'Nähkurs' }, { n: 'Kochen', k: 'Kochkurs' }, { n: 'Gesundheit', k: 'Gesundheitskurs' },
  { n: 'Tabellenkalkulation', k: 'Tabellenkurs' }, { n: 'Lesen und Schreiben', k: 'Grundbildungskurs' },
];

const NONE: readonly Topic[] = [{ n: '', k: '' }];

export const TOPICS: Record<Category, readonly Topic[]> = {
  tutoring: SUBJECTS,
  homework_help: NONE,
  reading_mentorship: NONE,
  language_mentorship: NONE,
  german_second_language: GERMAN_LEVELS,
  culture_mentorship: NONE,
  culture_guides: NONE,
  mentoring: NONE,
  music_arts: ARTS,
  sports: SPORTS,
  stem: STEM,
  digital_media: DIGITAL,
  career_orientation: CAREER,
  parent_education: PARENTING,
  early_childhood: EARLY,
  holiday_programme: HOLIDAY,
  open_youth_work: NONE,
  education_counselling: COUNSELLING,
  adult_education: ADULT,
};

export const CULTURE_VENUES = [
  'Museen und Theater', 'Theater und Konzerthäuser', 'Museen und Bibliotheken', 'Ateliers und Galerien',
  'Kinos und Theater', 'Museen, Burgen und Gedenkstätten', 'Oper und Konzertsaal',
] as const;

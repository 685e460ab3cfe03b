import type { Theme } from './context';

// Title templates for transitions along the life course: early childhood, parents, career, counselling,
// adult education.

export const CAREER: readonly Theme[] = [
  { title: (c) => `Bewerbungstraining ${c.aud.forWhom}` },
  { title: () => 'Bewerbungstraining' },
  { title: (c) => `Berufsorientierungstage ${c.at}`, schedule: 'one_day' },
  { title: (c) => `Ausbildungsbörse ${c.city}`, schedule: 'one_day' },
  { title: () => 'Praktikumsbörse für Schülerinnen und Schüler', audiences: ['careerStarters', 'finalYears'] },
  { title: (c) => `Berufe zum Anfassen: ${c.topic.n}` },
  { title: (c) => `Schnuppertag ${c.topic.n}`, schedule: 'one_day' },
  { title: () => 'Berufseinstiegsbegleitung', audiences: ['finalYears', 'careerStarters'], categories: ['mentoring'], schedule: 'by_arrangement' },
  { title: () => 'Zukunftswerkstatt: Was kann ich werden?', audiences: ['careerStarters', 'finalYears'] },
  { title: () => 'Ausbildungssprechstunde für junge Geflüchtete', audiences: ['newcomerAdults', 'youngPeople'], schedule: 'office_hours' },
];

export const PARENTS: readonly Theme[] = [
  { title: (c) => `Elterncafé ${c.at}`, formality: 'informal', schedule: 'monthly' },
  { title: () => 'Elterncafé', formality: 'informal' },
  { title: (c) => `Elternabend: ${c.topic.n}`, schedule: 'one_day' },
  { title: (c) => `${c.topic.k}` },
  { title: () => 'Elternbegleitung beim Übergang in die weiterführende Schule', audiences: ['parentsSchool'], categories: ['education_counselling'] },
  { title: (c) => `Familienbildung: ${c.topic.n}` },
  { title: (c) => `Gesprächskreis ${c.aud.forWhom}`, formality: 'informal' },
  { title: () => 'Elternbriefe und Elternkurs im ersten Lebensjahr', audiences: ['parentsSmall'] },
  { title: () => 'Mehrsprachiges Elternfrühstück', audiences: ['parentsSmall', 'parentsSchool'], childcare: true },
];

export const EARLY: readonly Theme[] = [
  { title: (c) => `${c.topic.k} ${c.at}` },
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `Eltern-Kind-Gruppe ${c.aud.forWhom}`, categories: ['parent_education'] },
  { title: () => 'Musikgarten für die Kleinsten', audiences: ['babies', 'kita'], categories: ['music_arts'] },
  { title: (c) => `Waldspielgruppe in ${c.city}`, audiences: ['kita'] },
  { title: () => 'Vorschulwerkstatt: fit für die Schule', audiences: ['preschool'] },
  { title: (c) => `Babytreff ${c.at}`, audiences: ['babies'], formality: 'informal' },
  { title: () => 'Sprachförderung vor der Einschulung', audiences: ['preschool', 'kita'] },
];

export const COUNSELLING: readonly Theme[] = [
  { title: (c) => `Bildungsberatung ${c.at}` },
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `Beratung: ${c.topic.n}` },
  { title: () => 'Bildungssprechstunde für Familien', audiences: ['parentsSchool', 'families'] },
  { title: () => 'Lernberatung und Weiterbildungsberatung', audiences: ['adults', 'allAdults'] },
  { title: () => 'Übergangsberatung Schule und Beruf', audiences: ['youngPeople'], categories: ['career_orientation'] },
  { title: () => 'Bildungslotsen für zugewanderte Familien', audiences: ['newcomerAdults'] },
];

export const ADULT: readonly Theme[] = [
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.k} am Abend` },
  { title: (c) => `${c.topic.n} für Einsteigerinnen und Einsteiger` },
  { title: () => 'Hauptschulabschluss nachholen', audiences: ['adults', 'youngPeople'], formality: 'formal', schedule: 'weekdays' },
  { title: () => 'Alphabetisierungskurs für Erwachsene', audiences: ['adults', 'allAdults'] },
  { title: () => 'Grundbildung: Lesen, Schreiben, Rechnen', audiences: ['adults', 'allAdults'] },
  { title: (c) => `Bildungsurlaub: ${c.topic.n}`, audiences: ['adults'] },
  { title: (c) => `${c.topic.k} für Seniorinnen und Senioren`, audiences: ['seniors'] },
  { title: () => 'Realschulabschluss im Abendkurs', audiences: ['adults'], formality: 'formal', schedule: 'weekdays' },
];

import type { Theme } from './context';

// Title templates for learning support and mentorships. Each theme may narrow the target group or imply
// further categories, so the title and the rest of the offering agree.

export const TUTORING: readonly Theme[] = [
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `Nachhilfe: ${c.topic.n} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.k} in kleinen Gruppen` },
  { title: (c) => `Einzelnachhilfe ${c.topic.n}` },
  { title: () => 'Lernförderung nach BuT', but: true, formality: 'non_formal' },
  { title: (c) => `Lernförderung nach BuT ${c.aud.forWhom}`, but: true },
  { title: (c) => `Lerncoaching und Prüfungsvorbereitung ${c.aud.forWhom}`, audiences: ['finalYears', 'upperSecondary'] },
  { title: () => 'Lese-Rechtschreib-Förderung', audiences: ['primary', 'primaryLate', 'transition'] },
  { title: (c) => `Lernpatenschaft ${c.topic.n}`, categories: ['mentoring'] },
  { title: (c) => `Online-Nachhilfe ${c.topic.n}`, audiences: ['middleSecondary', 'upperSecondary', 'finalYears'] },
];

export const HOMEWORK_HELP: readonly Theme[] = [
  { title: (c) => `Hausaufgabenbetreuung ${c.at}` },
  { title: () => 'Hausaufgabenhilfe am Nachmittag' },
  { title: (c) => `Hausaufgabenhilfe ${c.aud.forWhom}` },
  { title: (c) => `Lerntreff ${c.at}` },
  { title: (c) => `Hausaufgabencafé ${c.at}`, formality: 'informal' },
  { title: () => 'Schülertreff mit Hausaufgabenhilfe', categories: ['open_youth_work'] },
  { title: () => 'Hausaufgabenhilfe für Kinder aus zugewanderten Familien', audiences: ['newcomerChildren'] },
];

export const READING: readonly Theme[] = [
  { title: (c) => `Lesepatenschaft ${c.at}` },
  { title: (c) => `Lesepaten ${c.aud.forWhom}` },
  { title: (c) => `Vorlesestunde ${c.at}`, audiences: ['kita', 'preschool'], schedule: 'weekly' },
  { title: () => 'Lesementoring: eins zu eins lesen lernen', audiences: ['primary', 'primaryLate'] },
  { title: (c) => `Bücherwurmclub ${c.aud.forWhom}`, formality: 'informal' },
  { title: (c) => `Leselernhilfe in ${c.city}` },
  { title: () => 'Vorlesepaten für Kita und Grundschule', audiences: ['kita', 'preschool', 'primary'] },
];

export const LANGUAGE_MENTORSHIP: readonly Theme[] = [
  { title: () => 'Sprachpatenschaften für neu zugewanderte Familien', audiences: ['families', 'newcomerAdults'] },
  { title: (c) => `Sprachpaten ${c.aud.forWhom}` },
  { title: (c) => `Sprachcafé ${c.at}`, formality: 'informal', schedule: 'weekly', audiences: ['newcomerAdults'] },
  { title: (c) => `Sprachtandem Deutsch und ${c.other}`, audiences: ['newcomerAdults', 'youngPeople'], otherLanguage: true },
  { title: () => 'Deutsch lernen mit Patin oder Pate' },
  { title: (c) => `Sprachbegleitung im Alltag in ${c.city}`, audiences: ['newcomerAdults', 'families'] },
  { title: () => 'Sprachpatenschaft für Schulkinder', audiences: ['newcomerChildren', 'pupils'] },
];

export const GERMAN: readonly Theme[] = [
  { title: () => 'Deutschkurs für Eltern mit Kinderbetreuung', audiences: ['parentsSmall', 'parentsSchool'], childcare: true },
  { title: (c) => `Integrationskurs ${c.topic.n}`, audiences: ['newcomerAdults'], formality: 'formal', schedule: 'weekdays' },
  { title: (c) => `Deutsch als Zweitsprache ${c.aud.forWhom}` },
  { title: () => 'Sprachförderung für Seiteneinsteiger', audiences: ['newcomerChildren'] },
  { title: (c) => `${c.topic.k} am Vormittag`, audiences: ['newcomerAdults', 'parentsSmall'] },
  { title: () => 'Frauendeutschkurs mit Kinderbetreuung', audiences: ['newcomerAdults', 'parentsSmall'], childcare: true },
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: () => 'Berufssprachkurs Deutsch', audiences: ['newcomerAdults'], formality: 'formal', categories: ['career_orientation'] },
];

export const MENTORING: readonly Theme[] = [
  { title: (c) => `Mentoringprogramm ${c.aud.forWhom}` },
  { title: (c) => `Bildungspatenschaften ${c.aud.forWhom}` },
  { title: () => 'Ausbildungspaten begleiten junge Menschen', audiences: ['careerStarters', 'youngPeople', 'trainees'], categories: ['career_orientation'] },
  { title: (c) => `Mentoring für Mädchen in ${c.city}`, audiences: ['teens', 'youngPeople'] },
  { title: (c) => `Familienpatenschaften in ${c.city}`, audiences: ['families'] },
  { title: () => 'Großeltern auf Zeit: Patenschaften zwischen Jung und Alt', audiences: ['children', 'families'] },
  { title: () => 'Schülerpaten: Ältere helfen Jüngeren', audiences: ['lowerSecondary', 'children'] },
];

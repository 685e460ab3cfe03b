import type { Theme } from './context';

// Title templates for culture, arts, sports, STEM, media, holidays and open youth work.

export const CULTURE_MENTORSHIP: readonly Theme[] = [
  { title: (c) => `Kulturpatenschaft: gemeinsam ${c.culture} entdecken` },
  { title: (c) => `Kulturpaten ${c.aud.forWhom}` },
  { title: (c) => `Kulturpatenschaften in ${c.city}` },
  { title: () => 'Mit Kulturpatin oder Kulturpate ins Theater' },
  { title: (c) => `Kulturtandem ${c.aud.forWhom}` },
  { title: () => 'Kulturpatenschaften für Kinder aus zugewanderten Familien', audiences: ['newcomerChildren'] },
];

export const CULTURE_GUIDES: readonly Theme[] = [
  { title: (c) => `Kulturlotsen zeigen ${c.culture}` },
  { title: (c) => `Kulturlotsen ${c.aud.forWhom}` },
  { title: (c) => `Kulturlotsenprogramm ${c.city}` },
  { title: (c) => `Mit den Kulturlotsen durch ${c.city}` },
  { title: (c) => `Kulturführerschein ${c.aud.forWhom}`, audiences: ['children', 'teens'] },
  { title: () => 'Junge Kulturlotsen: Jugendliche führen Jugendliche', audiences: ['teens', 'youngPeople'] },
];

export const MUSIC_ARTS: readonly Theme[] = [
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.n} ${c.at}` },
  { title: (c) => `Offene Kunstwerkstatt ${c.at}`, formality: 'informal' },
  { title: (c) => `Kreativwerkstatt: ${c.topic.n}` },
  { title: () => 'Musikalische Früherziehung', audiences: ['kita', 'preschool'], categories: ['early_childhood'] },
  { title: (c) => `${c.topic.k} für Anfängerinnen und Anfänger` },
];

export const SPORTS: readonly Theme[] = [
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.k} für Anfängerinnen und Anfänger` },
  { title: (c) => `${c.topic.n} für alle: offenes Training`, formality: 'informal' },
  { title: (c) => `Integration durch Sport: ${c.topic.k}` },
  { title: () => 'Seepferdchen-Schwimmkurs', audiences: ['kita', 'preschool', 'primary'], schedule: 'course' },
  { title: () => 'Sportabzeichentraining', audiences: ['children', 'teens', 'allAdults'] },
  { title: () => 'Bewegungsförderung im Kindergarten', audiences: ['kita'], categories: ['early_childhood'] },
];

export const STEM: readonly Theme[] = [
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: () => 'Programmierkurs für Mädchen', audiences: ['children', 'teens'], categories: ['digital_media'] },
  { title: (c) => `Forscherclub ${c.at}` },
  { title: (c) => `MINT-Werkstatt: ${c.topic.n}` },
  { title: (c) => `Experimentiernachmittag ${c.aud.forWhom}`, schedule: 'one_day' },
  { title: () => 'Projektwerkstatt für junge Forscherinnen und Forscher', audiences: ['teens', 'upperSecondary'] },
  { title: () => 'Schülerlabor: Naturwissenschaft zum Anfassen', audiences: ['lowerSecondary', 'teens'] },
];

export const DIGITAL: readonly Theme[] = [
  { title: (c) => `${c.topic.k} ${c.aud.forWhom}` },
  { title: () => 'Smartphonesprechstunde für Seniorinnen und Senioren', audiences: ['seniors'], schedule: 'office_hours' },
  { title: () => 'Medienscouts: Jugendliche beraten Jugendliche', audiences: ['teens'] },
  { title: (c) => `Digitalwerkstatt: ${c.topic.n}` },
  { title: () => 'Internetführerschein für Kinder', audiences: ['primary', 'children'] },
  { title: () => 'Sicher im Netz: Elternabend zur Mediennutzung', audiences: ['parentsSchool'], categories: ['parent_education'], schedule: 'one_day' },
  { title: (c) => `Digitalsprechstunde ${c.at}`, audiences: ['allAdults', 'seniors'], schedule: 'office_hours' },
];

export const HOLIDAY: readonly Theme[] = [
  { title: (c) => `${c.season}programm: ${c.topic.n}` },
  { title: (c) => `${c.season}programm: ${c.topic.n}` },
  { title: (c) => `Ferienbetreuung in den ${c.season}` },
  { title: (c) => `${c.topic.n} in den ${c.season}` },
  { title: (c) => `Ferienspaß ${c.at}` },
  { title: (c) => `Feriencamp: ${c.topic.n}` },
  { title: (c) => `Ferienakademie ${c.aud.forWhom}`, audiences: ['teens', 'children'] },
];

export const OPEN_YOUTH_WORK: readonly Theme[] = [
  { title: (c) => `Offener Treff ${c.at}` },
  { title: () => 'Jugendtreff am Abend', audiences: ['teens', 'youngPeople'] },
  { title: (c) => `Mädchentreff ${c.at}` },
  { title: (c) => `Jugendcafé ${c.at}`, audiences: ['teens', 'youngPeople'] },
  { title: (c) => `Kindertreff ${c.aud.forWhom}`, audiences: ['children'] },
  { title: (c) => `Mobile Jugendarbeit in ${c.city}`, audiences: ['teens', 'youngPeople'] },
  { title: () => 'Skaterpark-Treff mit Jugendarbeit', audiences: ['teens'], categories: ['sports'] },
];

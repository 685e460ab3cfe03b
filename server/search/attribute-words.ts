import {
  accessFeatures, categories, costs, formalities, languages, phases,
  type AccessFeature, type Category, type Cost, type Formality, type Language, type Phase,
} from '../../schema';
import { searchToken } from './search-tokens';

// The words people use for the structured attributes of an offering, German and English: the labels of
// the vocabularies plus everyday synonyms. Two uses: `attributeTerms` puts them into a searchable field of
// the offerings that HAVE the attribute ("Hörschleife" finds offerings with a hearing loop), and the query
// chips (query-chips.ts) read filters out of them ("kostenlos" → cost free).
//
// Entries are lowercase phrases as people write them (umlauts, hyphens); readers fold them with `foldName`.
// A negative attribute (wheelchair_no) has no words: an offering that is not wheelchair accessible must
// never be found by "rollstuhlgerecht".

type Words<Id extends string> = Readonly<Record<Id, readonly string[]>>;

/** Everyday words per accessibility feature, besides the labels (added below where the feature is positive). */
const accessSynonyms: Words<AccessFeature> = {
  wheelchair_yes: [
    'rollstuhlgerecht', 'rollstuhlgerechte', 'rollstuhlgerechter', 'rollstuhlgerechten', 'rollstuhl', 'rolli',
    'rollstuhlfahrer', 'rollstuhlfahrerin', 'rollstuhlfahrende', 'rollstuhlzugänglich', 'barrierefrei',
    'barrierefreie', 'barrierefreier', 'barrierefreien', 'barrierefreiheit', 'wheelchair', 'wheelchair accessible',
    'wheelchair-friendly', 'accessible', 'barrier-free',
  ],
  wheelchair_limited: ['eingeschränkt rollstuhlgerecht'],
  wheelchair_no: [],
  step_free: [
    'stufenlos', 'stufenlose', 'stufenloser', 'stufenfrei', 'ebenerdig', 'aufzug', 'barrierefrei', 'barrierefreie',
    'step-free', 'no steps', 'level access', 'lift', 'elevator',
  ],
  hearing_loop: [
    'höranlage', 'hörschleife', 'induktionsschleife', 'induktive höranlage', 'induktive hörschleife', 'ringschleife',
    'schwerhörig', 'schwerhörige', 'schwerhörigen', 'hörgerät', 'hörgeräte', 'hearing loop', 'induction loop',
    'hearing aid',
  ],
  sign_language: [
    'gebärdensprache', 'dgs', 'gebärden', 'gebärdendolmetscher', 'gebärdendolmetscherin', 'gebärdensprachdolmetscher',
    'gehörlos', 'gehörlose', 'gehörlosen', 'sign language', 'deaf',
  ],
  vision_support: [
    'sehbehindert', 'sehbehinderte', 'sehbehinderten', 'sehbehinderung', 'sehgeschädigt', 'blind', 'blinde', 'blinden',
    'großdruck', 'audiodeskription', 'visually impaired', 'visual impairment', 'low vision', 'large print',
    'audio description',
  ],
  braille_tactile: [
    'braille', 'brailleschrift', 'blindenschrift', 'punktschrift', 'tastmodell', 'tastmodelle', 'taktil', 'tactile',
    'blind', 'blinde', 'blinden',
  ],
  easy_language: [
    'leichte sprache', 'leichter sprache', 'einfache sprache', 'einfacher sprache', 'easy language', 'plain language',
    'easy read',
  ],
  public_transport: [
    'bus und bahn', 'öpnv', 'öffentliche verkehrsmittel', 'öffentlichen verkehrsmitteln', 'public transport',
    'public transit',
  ],
  online: ['online', 'online-teilnahme', 'digital teilnehmen', 'videokonferenz', 'per video', 'virtuell', 'remote'],
  childcare: [
    'kinderbetreuung', 'mit kinderbetreuung', 'geschwisterbetreuung', 'betreuung für geschwister', 'childcare',
    'child care', 'with childcare',
  ],
};

/** Features whose labels are not words for what an offering has ("Nicht rollstuhlgerecht" names a lack). */
const unlabelled: ReadonlySet<AccessFeature> = new Set(['wheelchair_no', 'wheelchair_limited']);

export const accessWords: Words<AccessFeature> = byId(accessFeatures, (f) =>
  unlabelled.has(f.id) ? accessSynonyms[f.id] : withLabels(f.label, accessSynonyms[f.id]),
);

const costSynonyms: Words<Cost> = {
  free: [
    'kostenlos', 'kostenlose', 'kostenloser', 'kostenloses', 'kostenlosen', 'kostenfrei', 'kostenfreie', 'kostenfreien',
    'gratis', 'umsonst', 'gebührenfrei', 'ohne kosten', 'keine kosten', 'free', 'for free', 'free of charge', 'no cost',
    'no fee',
  ],
  reduced: [
    'ermäßigt', 'ermäßigte', 'ermäßigten', 'ermäßigung', 'ermäßigungen', 'sozialtarif', 'sozialrabatt',
    'reduced', 'reduced fee', 'discount', 'concession',
  ],
  paid: ['kostenpflichtig', 'kostenpflichtige', 'kostenpflichtigen', 'gegen gebühr', 'paid'],
};

export const costWords: Words<Cost> = byId(costs, (c) => withLabels(c.label, costSynonyms[c.id]));

/** Bildung und Teilhabe: the federal support that pays for tutoring and club fees of low-income families. */
export const butWords: readonly string[] = [
  'bildung und teilhabe', 'but', 'bildungspaket', 'teilhabepaket', 'bildungs- und teilhabepaket', 'but-berechtigt',
  'but-fähig',
];

export const butLabel = { de: 'Bildung und Teilhabe (BuT)', en: 'Education and participation (BuT)' } as const;

/** Other names of languages, besides the labels ("Persisch (Farsi, Dari)" gives persisch, farsi, dari). */
const languageSynonyms: Partial<Words<Language>> = {
  fa: ['afghanisch'],
  ku: ['kurmandschi', 'kurmanci', 'sorani'],
  ps: ['paschto', 'paschtunisch', 'pashto', 'pushto'],
  ti: ['tigrinisch'],
  so: ['somalisch'],
  zh: ['mandarin'],
  uk: ['ukrainian'],
};

/**
 * Languages that are also school subjects: "Englisch", "Nachhilfe Französisch" name the subject, not the
 * language an offering is held in. For these, only a marked form is a language ("auf Englisch", "in English",
 * "englischsprachig"); for the others the bare name is enough ("Arabisch", "arabische", "Arabic").
 */
export const subjectLanguages: ReadonlySet<Language> = new Set(['de', 'en', 'fr', 'es', 'it']);

/**
 * The words of each language: names (German and English), German adjective endings and "-sprachig" forms.
 * For indexing; `languagePhrases` adds the marked phrases ("auf arabisch") that the chips read.
 */
export const languageWords: Words<Language> = byId(languages, (l) => unique(languageNames(l.id).flatMap(languageForms)));

/** The names of a language: its labels ("Persisch (Farsi, Dari)" gives three) and other names. */
function languageNames(id: Language): string[] {
  const language = languages.find((l) => l.id === id)!;
  return unique([...labelWords(language.label), ...(languageSynonyms[id] ?? [])]);
}

/** Phrases a query names a language with: marked forms for the school-subject languages, all forms for the rest. */
export const languagePhrases: Words<Language> = byId(languages, (l) => {
  const names = languageNames(l.id);
  const words = languageWords[l.id];
  const marked = unique([
    ...words.filter((w) => w.includes('sprachig')),
    ...names.filter((w) => /sch$/.test(w)).map((w) => `${w}-sprachig`),
    // "auf Englisch" is the language an offering is held in, "in Englisch" the school subject; "in English" is English.
    ...names.map((w) => `auf ${w}`),
    ...labelWords({ de: '', en: l.label.en }).map((w) => `in ${w}`),
    ...names.filter((w) => /sch$/.test(w)).flatMap((w) => [`in ${w}er sprache`, `${w} sprechend`, `${w} sprechende`]),
    ...labelWords({ de: '', en: l.label.en }).map((w) => `${w}-speaking`),
  ]);
  return subjectLanguages.has(l.id) ? marked : unique([...words, ...marked]);
});

// Synonyms of a category's own name only, never kinds of it: "Schwimmen" must not find every sports
// offering, nor "Mathe" every MINT one; a kind is found by the offering's own words.
const categorySynonyms: Words<Category> = {
  tutoring: ['nachhilfe', 'lernförderung', 'lernhilfe', 'förderunterricht', 'tutoring', 'tutor', 'tuition'],
  homework_help: ['hausaufgaben', 'hausaufgabenhilfe', 'hausaufgabenbetreuung', 'homework'],
  reading_mentorship: ['lesepaten', 'lesepate', 'lesepatin', 'reading'],
  language_mentorship: ['sprachpaten', 'sprachpate', 'sprachpatin', 'sprachförderung'],
  german_second_language: ['daz', 'deutschkurs', 'deutsch lernen', 'sprachkurs', 'learn german', 'german course'],
  culture_mentorship: ['kulturpaten', 'kulturpate', 'kulturpatin'],
  culture_guides: ['kulturlotse', 'kulturlotsin'],
  mentoring: ['mentor', 'mentorin', 'pate', 'patin', 'paten', 'patenschaft', 'mentorship'],
  music_arts: ['musik', 'kunst', 'music', 'art', 'arts'],
  sports: ['sport', 'bewegung', 'sports'],
  stem: ['mint', 'naturwissenschaft', 'naturwissenschaften', 'technik', 'science'],
  digital_media: ['medien', 'medienkompetenz', 'media', 'digital'],
  career_orientation: ['berufswahl', 'berufsberatung', 'career', 'careers'],
  parent_education: ['eltern', 'elternkurs', 'erziehung', 'parents', 'parenting'],
  early_childhood: ['kita', 'kleinkind', 'kleinkinder', 'krippe', 'frühförderung', 'early years'],
  holiday_programme: ['ferien', 'ferienbetreuung', 'ferienfreizeit', 'feriencamp', 'holidays', 'holiday camp', 'summer camp'],
  open_youth_work: ['jugendzentrum', 'jugendtreff', 'jugendhaus', 'juz', 'youth club', 'youth centre'],
  education_counselling: ['beratung', 'schulberatung', 'lernberatung', 'counselling', 'advice'],
  adult_education: ['erwachsenenbildung', 'weiterbildung', 'vhs', 'volkshochschule', 'further education'],
};

export const categoryWords: Words<Category> = byId(categories, (c) => withLabels(c.label, categorySynonyms[c.id]));

const phaseSynonyms: Words<Phase> = {
  early_childhood: ['kita', 'kleinkind', 'kleinkinder', 'krippe', 'baby', 'babys', 'toddler', 'toddlers'],
  kita_to_primary: ['vorschule', 'vorschulkind', 'vorschulkinder', 'einschulung', 'schulstart', 'schulanfang', 'preschool'],
  primary_school: ['grundschule', 'grundschüler', 'grundschülerin', 'grundschulkinder', 'primary school', 'elementary school'],
  primary_to_secondary: ['übertritt', 'schulwechsel', 'übergang weiterführende schule', 'secondary transfer'],
  secondary_school: ['gymnasium', 'realschule', 'mittelschule', 'hauptschule', 'gesamtschule', 'oberschule', 'sekundarstufe', 'high school'],
  school_to_work: ['berufseinstieg', 'schulabschluss', 'ausbildungsplatz', 'ausbildungssuche', 'school leavers'],
  training_studies: ['ausbildung', 'studium', 'azubi', 'azubis', 'studierende', 'apprenticeship', 'university', 'students'],
  working_life: ['weiterbildung'],
  after_working_life: ['rente', 'ruhestand', 'senioren', 'seniorinnen', 'rentner', 'retirement', 'seniors', 'older people'],
};

export const phaseWords: Words<Phase> = byId(phases, (p) => withLabels(p.label, phaseSynonyms[p.id]));

export const formalityWords: Words<Formality> = {
  formal: [...labelWords(formalities[0].label), 'formale bildung', 'formal education'],
  non_formal: ['non-formal', 'nonformal', 'non-formale bildung', 'non-formal education'],
  informal: [...labelWords(formalities[2].label), 'informelle bildung', 'informal learning'],
};

/** What `attributeTerms` reads of an offering. */
export interface OfferingAttributes {
  categories: readonly Category[];
  phases: readonly Phase[];
  formality: Formality;
  access: readonly AccessFeature[];
  languages: readonly Language[];
  cost: Cost;
  butEligible: boolean;
}

/** Words that only join the words of a phrase; they mean nothing in an index field. */
const JOINING = new Set([
  'und', 'oder', 'mit', 'bei', 'für', 'des', 'der', 'die', 'das', 'dem', 'den', 'während', 'in', 'im', 'auf', 'zum',
  'zur', 'and', 'or', 'by', 'for', 'the', 'of', 'to', 'with', 'during', 'no', 'per', 'ohne', 'kein', 'keine',
]);

/**
 * The words of every attribute the offering has, German and English, labels and synonyms, each once:
 * a searchable field, so that "Hörschleife" finds offerings with a hearing loop and "auf Arabisch" Arabic ones.
 */
export function attributeTerms(o: OfferingAttributes): string {
  return [...new Set(attributeTermList(o).flatMap((element) => element.split(' ')))].join(' ');
}

/**
 * The same words, one list element per attribute. Meilisearch counts words in different elements of a
 * list as far apart, so two words that name two attributes ("Übertritt", "Gymnasium") do not look like a
 * phrase and outrank an offering whose own title and text carry them.
 */
export function attributeTermList(o: OfferingAttributes): string[] {
  const groups: (readonly string[])[] = [
    // The category labels are searchable already (categoryLabels); only their synonyms are added here.
    ...o.categories.map((c) => categorySynonyms[c]),
    ...o.phases.map((p) => phaseWords[p]),
    formalityWords[o.formality],
    ...o.access.map((a) => accessWords[a]),
    ...o.languages.map((l) => languageWords[l]),
    costWords[o.cost],
    ...(o.butEligible ? [butWords] : []),
  ];
  return groups.map(indexWords).filter((element) => element !== '');
}

/** Words of phrases that on their own would say the opposite or something else ("ohne Kosten", "no steps"). */
const NOT_ALONE = new Set(['kosten', 'charge', 'cost', 'fee', 'steps', 'level', 'aid', 'print']);

/**
 * The words of the phrases, one per search token: queries are searched by token (search-tokens.ts), so
 * "barrierefreie" and "barrierefreien" add nothing once "barrierefrei" is there, and every word indexed
 * costs indexing time for all offerings.
 */
function indexWords(phrases: readonly string[]): string {
  const words = new Map<string, string>();
  for (const phrase of phrases) {
    // "step-free" → "stepfree": the parts alone would say something else ("free"); Meilisearch joins the
    // words of a query "step free" to find it.
    for (const word of phrase.replace(/(\p{L})-(\p{L})/gu, '$1$2').split(/[^\p{L}\p{N}]+/u)) {
      if (word.length <= 1 || JOINING.has(word) || NOT_ALONE.has(word)) continue;
      const token = searchToken(word);
      if (!words.has(token)) words.set(token, word);
    }
  }
  return [...words.values()].join(' ');
}

// Helpers

/** A record keyed by the ids of a vocabulary. */
function byId<const T extends { id: string }>(terms: readonly T[], words: (term: T) => readonly string[]): Words<T['id']> {
  return Object.fromEntries(terms.map((t) => [t.id, words(t)])) as unknown as Words<T['id']>;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The labels as lowercase phrases; a label with alternatives in brackets gives each ("Persisch (Farsi, Dari)"). */
function labelWords(label: { de: string; en: string }): string[] {
  return [label.de, label.en].flatMap((text) => {
    const lower = text.toLowerCase();
    const inner = /^(.*?)\s*\((.*)\)$/.exec(lower);
    if (!inner) return [lower];
    return [inner[1]!, ...inner[2]!.split(/\s*,\s*/)];
  }).filter((w) => w !== '');
}

function withLabels(label: { de: string; en: string }, synonyms: readonly string[]): string[] {
  return unique([...labelWords(label), ...synonyms]);
}

/** A German language adjective with its endings and "-sprachig" forms; other words as they are. */
function languageForms(word: string): string[] {
  if (!/(isch|sch)$/.test(word) || word.includes(' ')) return [word];
  return [
    word, `${word}e`, `${word}en`, `${word}er`, `${word}es`, `${word}em`,
    `${word}sprachig`, `${word}sprachige`, `${word}sprachigen`, `${word}sprachiger`,
  ];
}

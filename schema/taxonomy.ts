import { z } from 'zod';
import { termIds, type Term } from './labels';

// Controlled vocabularies of the directory. Ids are English and stable (they reach URLs, the index and
// exports); labels are German first. See shared/DOMAIN.md for where each list comes from.

export const categories = [
  { id: 'tutoring', label: { de: 'Nachhilfe und Lernförderung', en: 'Tutoring' } },
  { id: 'homework_help', label: { de: 'Hausaufgabenhilfe', en: 'Homework help' } },
  { id: 'reading_mentorship', label: { de: 'Lesepatenschaft', en: 'Reading mentorship' } },
  { id: 'language_mentorship', label: { de: 'Sprachpatenschaft', en: 'Language mentorship' } },
  { id: 'german_second_language', label: { de: 'Deutsch als Zweitsprache', en: 'German as a second language' } },
  { id: 'culture_mentorship', label: { de: 'Kulturpatenschaft', en: 'Culture mentorship' } },
  { id: 'culture_guides', label: { de: 'Kulturlotsen', en: 'Culture guides' } },
  { id: 'mentoring', label: { de: 'Mentoring und Patenschaft', en: 'Mentoring' } },
  { id: 'music_arts', label: { de: 'Musik und Kunst', en: 'Music and arts' } },
  { id: 'sports', label: { de: 'Sport und Bewegung', en: 'Sports and movement' } },
  { id: 'stem', label: { de: 'MINT', en: 'STEM' } },
  { id: 'digital_media', label: { de: 'Digital- und Medienkompetenz', en: 'Digital and media skills' } },
  { id: 'career_orientation', label: { de: 'Berufsorientierung', en: 'Career orientation' } },
  { id: 'parent_education', label: { de: 'Elternbildung', en: 'Parent education' } },
  { id: 'early_childhood', label: { de: 'Frühkindliche Bildung', en: 'Early childhood education' } },
  { id: 'holiday_programme', label: { de: 'Ferienprogramm', en: 'Holiday programme' } },
  { id: 'open_youth_work', label: { de: 'Offene Jugendarbeit', en: 'Open youth work' } },
  { id: 'education_counselling', label: { de: 'Bildungsberatung', en: 'Education counselling' } },
  { id: 'adult_education', label: { de: 'Erwachsenen- und Weiterbildung', en: 'Adult and further education' } },
] as const satisfies readonly Term[];

export const formalities = [
  { id: 'formal', label: { de: 'Formal', en: 'Formal' } },
  { id: 'non_formal', label: { de: 'Non-formal', en: 'Non-formal' } },
  { id: 'informal', label: { de: 'Informell', en: 'Informal' } },
] as const satisfies readonly Term[];

/** Transition phases along the life course, in life order (the order matters for display). */
export const phases = [
  { id: 'early_childhood', label: { de: 'Frühe Kindheit (Familie → Kita)', en: 'Early childhood (family → day care)' } },
  { id: 'kita_to_primary', label: { de: 'Übergang Kita → Grundschule', en: 'Day care → primary school' } },
  { id: 'primary_school', label: { de: 'Grundschule', en: 'Primary school' } },
  { id: 'primary_to_secondary', label: { de: 'Übergang in die weiterführende Schule', en: 'Primary → secondary school' } },
  { id: 'secondary_school', label: { de: 'Weiterführende Schule', en: 'Secondary school' } },
  { id: 'school_to_work', label: { de: 'Übergang Schule → Ausbildung, Studium, Beruf', en: 'School → training, university, work' } },
  { id: 'training_studies', label: { de: 'Ausbildung und Studium', en: 'Training and studies' } },
  { id: 'working_life', label: { de: 'Berufsleben und Weiterbildung', en: 'Working life and further education' } },
  { id: 'after_working_life', label: { de: 'Nach dem Berufsleben', en: 'After working life' } },
] as const satisfies readonly Term[];

export const accessNeedGroups = [
  { id: 'mobility', label: { de: 'Mobilität', en: 'Mobility' } },
  { id: 'hearing', label: { de: 'Hören', en: 'Hearing' } },
  { id: 'vision', label: { de: 'Sehen', en: 'Vision' } },
  { id: 'cognition', label: { de: 'Verstehen', en: 'Cognition' } },
  { id: 'participation', label: { de: 'Teilnahme', en: 'Participation' } },
] as const satisfies readonly Term[];

/**
 * Accessibility features, grouped by need group as "Reisen für Alle" does. Mobility follows the OSM
 * `wheelchair` convention: an offering carries at most one of wheelchair_yes / wheelchair_limited /
 * wheelchair_no, and none means unknown.
 */
export const accessFeatures = [
  { id: 'wheelchair_yes', group: 'mobility', label: { de: 'Rollstuhlgerecht', en: 'Wheelchair accessible' } },
  { id: 'wheelchair_limited', group: 'mobility', label: { de: 'Eingeschränkt rollstuhlgerecht', en: 'Partly wheelchair accessible' } },
  { id: 'wheelchair_no', group: 'mobility', label: { de: 'Nicht rollstuhlgerecht', en: 'Not wheelchair accessible' } },
  { id: 'step_free', group: 'mobility', label: { de: 'Stufenloser Zugang', en: 'Step-free access' } },
  { id: 'hearing_loop', group: 'hearing', label: { de: 'Induktive Höranlage', en: 'Hearing loop' } },
  { id: 'sign_language', group: 'hearing', label: { de: 'Gebärdensprache', en: 'Sign language' } },
  { id: 'vision_support', group: 'vision', label: { de: 'Unterstützung bei Sehbehinderung', en: 'Support for visual impairment' } },
  { id: 'braille_tactile', group: 'vision', label: { de: 'Brailleschrift und Tastmodelle', en: 'Braille and tactile material' } },
  { id: 'easy_language', group: 'cognition', label: { de: 'Leichte Sprache', en: 'Easy language' } },
  { id: 'public_transport', group: 'participation', label: { de: 'Mit Bus und Bahn erreichbar', en: 'Reachable by public transport' } },
  { id: 'online', group: 'participation', label: { de: 'Online-Teilnahme möglich', en: 'Online participation' } },
  { id: 'childcare', group: 'participation', label: { de: 'Kinderbetreuung während des Angebots', en: 'Childcare during the offering' } },
] as const satisfies readonly Term[];

export const costs = [
  { id: 'free', label: { de: 'Kostenlos', en: 'Free' } },
  { id: 'reduced', label: { de: 'Ermäßigt möglich', en: 'Reduced fee available' } },
  { id: 'paid', label: { de: 'Kostenpflichtig', en: 'Paid' } },
] as const satisfies readonly Term[];

export const childProtectionMeasures = [
  { id: 'safeguarding_concept', label: { de: 'Schutzkonzept', en: 'Safeguarding concept' } },
  { id: 'criminal_record_check', label: { de: 'Erweitertes Führungszeugnis (§72a SGB VIII)', en: 'Extended criminal record check (§72a SGB VIII)' } },
  { id: 'trained_staff', label: { de: 'Geschultes Personal', en: 'Trained staff' } },
  { id: 'volunteer_supervision', label: { de: 'Begleitung der Ehrenamtlichen', en: 'Supervision of volunteers' } },
] as const satisfies readonly Term[];

export const fundingProgrammes = [
  { id: 'lernen_mit_rueckenwind', label: { de: 'Lernen mit Rückenwind', en: 'Lernen mit Rückenwind' } },
  { id: 'kultur_macht_stark', label: { de: 'Kultur macht stark', en: 'Kultur macht stark' } },
  { id: 'esf_plus', label: { de: 'ESF Plus', en: 'ESF Plus' } },
  { id: 'startchancen', label: { de: 'Startchancen-Programm', en: 'Startchancen programme' } },
  { id: 'municipal', label: { de: 'Kommunale Förderung', en: 'Municipal funding' } },
  { id: 'state', label: { de: 'Landesförderung', en: 'State funding' } },
  { id: 'foundation', label: { de: 'Stiftungsförderung', en: 'Foundation funding' } },
  { id: 'self_funded', label: { de: 'Eigenmittel und Spenden', en: 'Own funds and donations' } },
] as const satisfies readonly Term[];

export const providerKinds = [
  { id: 'association', label: { de: 'Verein', en: 'Association' } },
  { id: 'school', label: { de: 'Schule', en: 'School' } },
  { id: 'kita', label: { de: 'Kita', en: 'Day care centre' } },
  { id: 'library', label: { de: 'Bibliothek', en: 'Library' } },
  { id: 'adult_education_centre', label: { de: 'Volkshochschule', en: 'Adult education centre' } },
  { id: 'church', label: { de: 'Kirchengemeinde', en: 'Church community' } },
  { id: 'youth_services', label: { de: 'Jugendhilfe', en: 'Youth services' } },
  { id: 'volunteer_initiative', label: { de: 'Ehrenamtliche Initiative', en: 'Volunteer initiative' } },
  { id: 'private_tutor', label: { de: 'Private Nachhilfe', en: 'Private tutor' } },
  { id: 'municipality', label: { de: 'Kommune', en: 'Municipality' } },
  { id: 'foundation', label: { de: 'Stiftung', en: 'Foundation' } },
  { id: 'cultural_institution', label: { de: 'Kultureinrichtung', en: 'Cultural institution' } },
  { id: 'company', label: { de: 'Unternehmen', en: 'Company' } },
] as const satisfies readonly Term[];

/** Moderation states; only `published` offerings are ever visible to the public or in the index. */
export const statuses = [
  { id: 'draft', label: { de: 'Entwurf', en: 'Draft' } },
  { id: 'pending', label: { de: 'In Prüfung', en: 'Pending review' } },
  { id: 'published', label: { de: 'Veröffentlicht', en: 'Published' } },
  { id: 'rejected', label: { de: 'Abgelehnt', en: 'Rejected' } },
  { id: 'archived', label: { de: 'Archiviert', en: 'Archived' } },
] as const satisfies readonly Term[];

export const zCategory = z.enum(termIds(categories));
export const zFormality = z.enum(termIds(formalities));
export const zPhase = z.enum(termIds(phases));
export const zAccessFeature = z.enum(termIds(accessFeatures));
export const zCost = z.enum(termIds(costs));
export const zChildProtection = z.enum(termIds(childProtectionMeasures));
export const zFunding = z.enum(termIds(fundingProgrammes));
export const zProviderKind = z.enum(termIds(providerKinds));
export const zStatus = z.enum(termIds(statuses));

export type Category = z.infer<typeof zCategory>;
export type Formality = z.infer<typeof zFormality>;
export type Phase = z.infer<typeof zPhase>;
export type AccessFeature = z.infer<typeof zAccessFeature>;
export type Cost = z.infer<typeof zCost>;
export type ChildProtection = z.infer<typeof zChildProtection>;
export type Funding = z.infer<typeof zFunding>;
export type ProviderKind = z.infer<typeof zProviderKind>;
export type Status = z.infer<typeof zStatus>;

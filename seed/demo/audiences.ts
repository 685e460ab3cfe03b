import type { Phase } from '../../schema';

/**
 * Target groups: an age range, the transition phases it belongs to and how a text names it. Ages are the
 * participants' ages; for parent offerings the phases are those of the children the parents ask about.
 */
export interface Audience {
  min: number;
  max: number;
  phases: readonly Phase[];
  /** Plural noun phrase, nominative or accusative: "Grundschulkinder". */
  who: string;
  /** "für Grundschulkinder", "für die Klassen 5 bis 7". */
  forWhom: string;
}

export const AUDIENCES = {
  babies: { min: 0, max: 3, phases: ['early_childhood'], who: 'Familien mit Babys und Kleinkindern', forWhom: 'für Familien mit Kleinkindern' },
  kita: { min: 3, max: 6, phases: ['early_childhood'], who: 'Kinder von drei bis sechs Jahren', forWhom: 'für Kita-Kinder' },
  preschool: { min: 5, max: 7, phases: ['kita_to_primary'], who: 'Vorschulkinder', forWhom: 'für Vorschulkinder' },
  early: { min: 0, max: 6, phases: ['early_childhood', 'kita_to_primary'], who: 'Kinder bis sechs Jahre und ihre Eltern', forWhom: 'für Kinder bis sechs Jahre' },
  primary: { min: 6, max: 10, phases: ['primary_school'], who: 'Grundschulkinder', forWhom: 'für Grundschulkinder' },
  primaryLate: { min: 8, max: 10, phases: ['primary_school', 'primary_to_secondary'], who: 'Kinder der Klassen 3 und 4', forWhom: 'für die Klassen 3 und 4' },
  transition: { min: 9, max: 12, phases: ['primary_school', 'primary_to_secondary'], who: 'Kinder der Klassen 4 bis 6', forWhom: 'für die Klassen 4 bis 6' },
  lowerSecondary: { min: 10, max: 13, phases: ['primary_to_secondary', 'secondary_school'], who: 'Schülerinnen und Schüler der Klassen 5 bis 7', forWhom: 'für die Klassen 5 bis 7' },
  middleSecondary: { min: 12, max: 16, phases: ['secondary_school'], who: 'Schülerinnen und Schüler der Klassen 7 bis 10', forWhom: 'für die Klassen 7 bis 10' },
  finalYears: { min: 14, max: 17, phases: ['secondary_school', 'school_to_work'], who: 'Jugendliche vor dem Schulabschluss', forWhom: 'für die Abschlussklassen' },
  upperSecondary: { min: 15, max: 19, phases: ['secondary_school', 'school_to_work'], who: 'Schülerinnen und Schüler der Oberstufe', forWhom: 'für die Oberstufe' },
  pupils: { min: 6, max: 18, phases: ['primary_school', 'secondary_school'], who: 'Schülerinnen und Schüler aller Klassen', forWhom: 'für Schülerinnen und Schüler' },
  children: { min: 6, max: 12, phases: ['primary_school', 'primary_to_secondary'], who: 'Kinder von 6 bis 12 Jahren', forWhom: 'für Kinder von 6 bis 12 Jahren' },
  teens: { min: 12, max: 18, phases: ['secondary_school'], who: 'Jugendliche von 12 bis 18 Jahren', forWhom: 'für Jugendliche' },
  youngPeople: { min: 14, max: 27, phases: ['secondary_school', 'school_to_work'], who: 'Jugendliche und junge Erwachsene', forWhom: 'für Jugendliche und junge Erwachsene' },
  careerStarters: { min: 13, max: 25, phases: ['school_to_work'], who: 'Schülerinnen und Schüler ab Klasse 8', forWhom: 'für Jugendliche ab Klasse 8' },
  trainees: { min: 16, max: 27, phases: ['school_to_work', 'training_studies'], who: 'Auszubildende und Studierende', forWhom: 'für Auszubildende und Studierende' },
  adults: { min: 18, max: 67, phases: ['working_life'], who: 'Erwachsene', forWhom: 'für Erwachsene' },
  allAdults: { min: 18, max: 99, phases: ['working_life', 'after_working_life'], who: 'Erwachsene jeden Alters', forWhom: 'für Erwachsene' },
  seniors: { min: 60, max: 99, phases: ['after_working_life'], who: 'Seniorinnen und Senioren', forWhom: 'für Seniorinnen und Senioren' },
  parentsSmall: { min: 16, max: 50, phases: ['early_childhood', 'kita_to_primary'], who: 'Eltern von Kleinkindern', forWhom: 'für Eltern von Kleinkindern' },
  parentsSchool: { min: 20, max: 60, phases: ['primary_school', 'primary_to_secondary', 'secondary_school'], who: 'Eltern von Schulkindern', forWhom: 'für Eltern von Schulkindern' },
  newcomerChildren: { min: 6, max: 16, phases: ['primary_school', 'secondary_school'], who: 'neu zugewanderte Kinder und Jugendliche', forWhom: 'für neu zugewanderte Kinder' },
  newcomerAdults: { min: 16, max: 65, phases: ['school_to_work', 'working_life'], who: 'neu zugewanderte Erwachsene', forWhom: 'für neu Zugewanderte' },
  families: { min: 0, max: 99, phases: ['early_childhood', 'primary_school'], who: 'Familien mit Kindern', forWhom: 'für die ganze Familie' },
} as const satisfies Record<string, Audience>;

export type AudienceId = keyof typeof AUDIENCES;

/** The target group an offering was written for (its ages and phases are those of exactly one). */
export function audienceOf(offering: { minAge: number; maxAge: number; phases: readonly Phase[] }): AudienceId | null {
  for (const [id, audience] of Object.entries(AUDIENCES)) {
    if (
      audience.min === offering.minAge &&
      audience.max === offering.maxAge &&
      audience.phases.length === offering.phases.length &&
      audience.phases.every((p) => offering.phases.includes(p))
    ) {
      return id as AudienceId;
    }
  }
  return null;
}

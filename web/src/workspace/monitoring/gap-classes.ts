import type { GapMunicipality } from '../../../../schema';
import type { ChoroplethClass } from '../../map/choropleth';
import { patternSpec, type PatternKind } from '../../map/patterns';

/**
 * How well a municipality is served, in five classes relative to the threshold. Each class has a colour from a
 * diverging blue–red scheme that stays apart for the common colour vision deficiencies (after ColorBrewer's
 * RdBu) and, because colour alone is not enough, a pattern of its own: plain, dots, diagonal lines, crossed
 * lines, horizontal lines. The legend repeats both, and the table carries the same facts in words.
 */
export const gapClassIds = ['near', 'served', 'far', 'beyond', 'none'] as const;
export type GapClassId = (typeof gapClassIds)[number];

export interface GapClass {
  id: GapClassId;
  fill: string;
  ink: string;
  pattern: PatternKind;
}

export const gapClasses: readonly GapClass[] = [
  { id: 'near', fill: '#2166ac', ink: '#2166ac', pattern: 'solid' },
  { id: 'served', fill: '#92c5de', ink: '#1d4f80', pattern: 'dots' },
  { id: 'far', fill: '#f4a582', ink: '#8a1e1e', pattern: 'diagonal' },
  { id: 'beyond', fill: '#b2182b', ink: '#ffffff', pattern: 'cross' },
  { id: 'none', fill: '#d4d4d4', ink: '#3b3b3b', pattern: 'horizontal' },
];

/** The classes as the choropleth takes them: colour and pattern shapes. */
export const mapClasses: readonly ChoroplethClass[] = gapClasses.map((cls) => ({ id: cls.id, fill: cls.fill, pattern: patternSpec(cls.pattern, cls.ink) }));

/** The class of a municipality: within half the threshold, within it, up to twice it, beyond, nothing at all. */
export function gapClassOf(municipality: Pick<GapMunicipality, 'nearestKm'>, thresholdKm: number): GapClassId {
  const km = municipality.nearestKm;
  if (km === null) return 'none';
  if (km <= thresholdKm / 2) return 'near';
  if (km <= thresholdKm) return 'served';
  if (km <= thresholdKm * 2) return 'far';
  return 'beyond';
}

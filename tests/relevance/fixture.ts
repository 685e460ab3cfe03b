import { bodenmaisOfferings } from './fixture-bodenmais';
import { regenOfferings } from './fixture-regen';
import { zwieselOfferings } from './fixture-zwiesel';
import type { RelevanceOffering } from './types';

/** The whole relevance fixture: about 55 offerings in each of Zwiesel, Regen and Bodenmais (Landkreis Regen). */
export const relevanceOfferings: RelevanceOffering[] = [...zwieselOfferings, ...regenOfferings, ...bodenmaisOfferings];

import type { AccessFeature, Category, ChildProtection, Cost } from '../../schema';
import type { Rng } from './random';
import type { TextContext, TextTemplate } from './texts/context';
import { CATEGORY_TEXTS } from './texts/descriptions';
import {
  BUT, CHILDCARE, DROP_IN, EASY_LANGUAGE, FREE, LANGUAGES, NOT_STEP_FREE, ONLINE, PAID, PLACE, PROTECTION, REDUCED,
  REGISTER, SIGN_LANGUAGE, STEP_FREE, VOLUNTEERS, WAITING, WHEN,
} from './texts/sentences';

/** What the description should reflect, so that it never contradicts the structured fields. */
export interface DescriptionFacts {
  category: Category;
  cost: Cost;
  but: boolean;
  dropIn: boolean;
  waitingList: boolean;
  seeksVolunteers: boolean;
  otherLanguages: boolean;
  access: readonly AccessFeature[];
  protection: readonly ChildProtection[];
}

const MAX_SENTENCES = 6;

/**
 * 2–6 sentences: an intro on the target group, often a detail, then place, time, cost and registration,
 * and up to two remarks that apply (waiting list, volunteers, languages, accessibility, child protection).
 */
export function describe(c: TextContext, facts: DescriptionFacts, rng: Rng): string {
  const texts = CATEGORY_TEXTS[facts.category];
  const sentences: string[] = [rng.pick(texts.intro)(c)];
  const add = (list: readonly TextTemplate[]) => sentences.push(rng.pick(list)(c));

  if (rng.chance(0.6)) add(texts.detail);
  if (rng.chance(0.55)) add(PLACE);
  if (rng.chance(0.3)) add(WHEN);
  if (facts.but && rng.chance(0.8)) add(BUT);
  else if (facts.cost === 'free' ? rng.chance(0.7) : facts.cost === 'reduced' ? rng.chance(0.8) : rng.chance(0.85)) {
    add(facts.cost === 'free' ? FREE : facts.cost === 'reduced' ? REDUCED : PAID);
  }
  if (facts.dropIn) add(DROP_IN);
  else if (rng.chance(0.85)) add(REGISTER);

  const remarks: (readonly TextTemplate[])[] = [];
  if (facts.waitingList) remarks.push(WAITING);
  if (facts.seeksVolunteers) remarks.push(VOLUNTEERS);
  if (facts.otherLanguages) remarks.push(LANGUAGES);
  if (facts.access.includes('easy_language')) remarks.push(EASY_LANGUAGE);
  if (facts.access.includes('sign_language')) remarks.push(SIGN_LANGUAGE);
  if (facts.access.includes('childcare')) remarks.push(CHILDCARE);
  if (facts.access.includes('online')) remarks.push(ONLINE);
  if (facts.access.includes('step_free')) remarks.push(STEP_FREE);
  else if (facts.access.includes('wheelchair_no')) remarks.push(NOT_STEP_FREE);
  if (facts.protection.includes('criminal_record_check') || facts.protection.includes('safeguarding_concept')) {
    remarks.push(PROTECTION);
  }
  const room = Math.min(2, MAX_SENTENCES - sentences.length);
  for (const list of rng.sample(remarks, room)) add(list);
  if (sentences.length < 2) add(REGISTER);
  return sentences.join(' ');
}

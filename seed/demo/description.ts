import type { AccessFeature, Category, ChildProtection, Cost } from '../../schema';
import type { Rng } from './random';
import type { TextContext, TextTemplate } from './texts/context';
import { CATEGORY_TEXTS } from './texts/descriptions';
import { sentence } from './texts/sentence';
import {
  BUT, CHILDCARE, DROP_IN, EASY_LANGUAGE, FREE, JOIN_ANYTIME, LANGUAGES, NOT_STEP_FREE, ONLINE, PAID, PLACE, RECORD_CHECK,
  REDUCED, REGISTER, SAFEGUARDING, SIGN_LANGUAGE, STEP_FREE, VOLUNTEERS, WAITING, WHEN,
} from './texts/sentences';

/** What the description should reflect, so that it never contradicts the structured fields. */
export interface DescriptionFacts {
  category: Category;
  cost: Cost;
  but: boolean;
  dropIn: boolean;
  /** Runs all year (no start date), so people can join any time. */
  ongoing: boolean;
  waitingList: boolean;
  seeksVolunteers: boolean;
  otherLanguages: boolean;
  access: readonly AccessFeature[];
  protection: readonly ChildProtection[];
}

const MAX_SENTENCES = 6;
/** Characters: shorter descriptions get their left-out sentences back. */
const MIN_LENGTH = 200;

interface Slot {
  text: string;
  keep: boolean;
}

/**
 * 2–6 sentences: an intro on the target group, often a detail, place and time, cost and registration,
 * and up to two remarks that apply (waiting list, volunteers, languages, accessibility, child protection).
 * Optional sentences left out by chance come back, in order, while the text is shorter than MIN_LENGTH.
 */
export function describe(c: TextContext, facts: DescriptionFacts, rng: Rng): string {
  const texts = CATEGORY_TEXTS[facts.category];
  const slot = (list: readonly TextTemplate[], keep: boolean): Slot => ({ text: sentence(rng.pick(list)(c)), keep });
  const costList = facts.but ? BUT : facts.cost === 'free' ? FREE : facts.cost === 'reduced' ? REDUCED : PAID;
  const registerList = facts.dropIn ? DROP_IN : facts.ongoing && rng.chance(0.2) ? JOIN_ANYTIME : REGISTER;
  const slots: Slot[] = [
    slot(texts.intro, true),
    slot(texts.detail, rng.chance(0.6)),
    slot(PLACE, rng.chance(0.55)),
    slot(WHEN, rng.chance(0.3)),
    slot(costList, rng.chance(facts.but ? 0.8 : facts.cost === 'free' ? 0.7 : 0.85)),
    slot(registerList, facts.dropIn || rng.chance(0.85)),
  ];

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
  if (facts.protection.includes('criminal_record_check')) remarks.push(RECORD_CHECK);
  if (facts.protection.includes('safeguarding_concept')) remarks.push(SAFEGUARDING);
  const kept = () => slots.filter((s) => s.keep);
  const room = Math.min(2, MAX_SENTENCES - kept().length);
  const extra = rng.sample(remarks, room).map((list) => sentence(rng.pick(list)(c)));

  let length = kept().reduce((sum, s) => sum + s.text.length + 1, 0) + extra.reduce((sum, t) => sum + t.length + 1, 0);
  for (const s of slots) {
    if (length >= MIN_LENGTH || kept().length + extra.length >= MAX_SENTENCES) break;
    if (!s.keep) {
      s.keep = true;
      length += s.text.length + 1;
    }
  }
  return [...kept().map((s) => s.text), ...extra].join(' ');
}

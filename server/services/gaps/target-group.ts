import type { TargetGroup } from '../../../schema';

/**
 * The target group in one canonical form, so that the same group asked for in another order
 * (`category=a&category=b` vs. `b&a`), with a repeated value or in other letter case of the text
 * (the search ignores case) shares one cached gap index.
 */
export function normaliseTargetGroup(group: TargetGroup): TargetGroup {
  const sorted = <T extends string>(values: T[] | undefined): T[] | undefined =>
    values && values.length > 0 ? [...new Set(values)].sort() : undefined;
  const q = group.q?.replace(/\s+/g, ' ').trim().toLowerCase();
  return {
    q: q ? q : undefined,
    category: sorted(group.category),
    phase: sorted(group.phase),
    lang: sorted(group.lang),
    formality: sorted(group.formality),
    cost: sorted(group.cost),
    access: sorted(group.access),
    age: group.age,
    but: group.but,
  };
}

/** The cache key of a target group (normalise it first). */
export function targetGroupKey(group: TargetGroup): string {
  // JSON.stringify leaves out undefined members and keeps the fixed member order of normaliseTargetGroup.
  return JSON.stringify(group);
}

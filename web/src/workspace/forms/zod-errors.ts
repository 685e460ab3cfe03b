import type { z } from 'zod';
import { localizeIssue, type MessageLang } from '../../../../schema';

export type FieldErrors = Record<string, string>;

/**
 * The first message per field (dotted path, as in the API's `details`) of a failed parse, worded by the
 * shared `localizeIssue`, so the form says exactly what the server and the CSV report would say.
 */
export function errorsOf(result: z.ZodSafeParseResult<unknown>, lang: MessageLang): FieldErrors {
  const errors: FieldErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (!(field in errors)) errors[field] = localizeIssue(asked(issue), lang);
  }
  return errors;
}

/**
 * An unchosen select reaches an enum as `undefined`, which zod reports as an unknown value and lists the ids
 * allowed. To a person that field is simply not filled in: it gets the shared "please fill this in".
 */
function asked(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_value' || (issue.input !== undefined && issue.input !== '')) return issue;
  return { code: 'invalid_type', expected: 'string', input: undefined, path: issue.path, message: issue.message };
}

/** The nested object the schemas expect, from form values kept flat under dotted paths (`schedule.text`). */
export function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const parts = path.split('.');
    let target = out;
    for (const part of parts.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]!] = value;
  }
  return out;
}

import type { I18n } from '../../i18n/i18n';
import type { Translate } from '../i18n/text';
import type { offeringTexts } from '../offering-form/texts';

type OfferingKey = keyof (typeof offeringTexts)['de'];

/** The form's label of each API field, so a diff reads like the form the provider filled in. */
const LABEL_OF: Record<string, OfferingKey> = {
  title: 'title',
  description: 'description',
  locationId: 'location',
  categories: 'categories',
  formality: 'formality',
  phases: 'phases',
  minAge: 'minAge',
  maxAge: 'maxAge',
  access: 'access',
  languages: 'languages',
  cost: 'cost',
  costNote: 'costNote',
  butEligible: 'butEligible',
  childProtection: 'childProtection',
  capacity: 'capacity',
  seatsAvailable: 'seatsAvailable',
  waitingList: 'waitingList',
  schedule: 'scheduleText',
  funding: 'funding',
  seeksVolunteers: 'seeksVolunteers',
  contact: 'sectionContact',
};

/** The vocabulary (in /api/taxonomy) whose labels stand for a field's ids. */
const VOCABULARY_OF: Record<string, string> = {
  categories: 'categories',
  formality: 'formalities',
  phases: 'phases',
  access: 'accessFeatures',
  languages: 'languages',
  cost: 'costs',
  childProtection: 'childProtectionMeasures',
  funding: 'fundingProgrammes',
};

export const FIELD_ORDER = Object.keys(LABEL_OF);

export function fieldLabel(field: string, t: Translate<OfferingKey>): string {
  const key = LABEL_OF[field];
  return key ? t(key) : field;
}

/**
 * A field's value in words: labels instead of ids, yes/no for booleans, dates as dates, the schedule and
 * the contact as their parts. `siteName` names a site id.
 */
export function formatValue(
  field: string,
  value: unknown,
  ctx: { i18n: I18n; t: Translate<OfferingKey>; yes: string; no: string; none: string; siteName(id: number): string },
): string {
  const { i18n, t } = ctx;
  if (value === null || value === undefined || value === '') return ctx.none;
  const vocabulary = VOCABULARY_OF[field];
  if (vocabulary) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.length === 0 ? ctx.none : ids.map((id) => i18n.term(vocabulary, String(id))).join(', ');
  }
  if (field === 'locationId' && typeof value === 'number') return ctx.siteName(value);
  if (typeof value === 'boolean') return value ? ctx.yes : ctx.no;
  if (field === 'schedule' && typeof value === 'object') {
    const s = value as { text?: string; startDate?: string; endDate?: string };
    return [
      s.text,
      s.startDate ? `${t('startDate')}: ${i18n.formatDate(s.startDate)}` : '',
      s.endDate ? `${t('endDate')}: ${i18n.formatDate(s.endDate)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
  if (field === 'contact' && typeof value === 'object') {
    const c = value as Record<string, string | undefined>;
    const parts: [OfferingKey, string | undefined][] = [
      ['contactName', c.name],
      ['contactEmail', c.email],
      ['contactPhone', c.phone],
      ['contactWebsite', c.website],
    ];
    const text = parts.filter(([, v]) => v).map(([k, v]) => `${t(k)}: ${v}`).join('; ');
    return text || ctx.none;
  }
  if (typeof value === 'number') return i18n.formatNumber(value);
  return String(value);
}

import type { UiLanguage } from '../../state/search-state';

/** Numbers of the monitoring pages in the interface language: distances, rates, shares. */
export interface MonitoringFormat {
  integer(n: number): string;
  /** Two decimals, the precision `served` is decided on: "12,34" km (so 9,96 and 10,04 never both read 10,0). */
  km(n: number): string;
  /** Up to one decimal: "10" km, "12,5" km (thresholds in words). */
  distance(n: number): string;
  /** Offerings per 1,000 inhabitants, as the API rounds them: 3 significant digits (0,00232; 1,25; 12,3). */
  rate(n: number): string;
  /** A share 0–1 as a percentage with up to one decimal: "34,5 %". */
  percent(share: number): string;
  date(iso: string): string;
}

export function monitoringFormat(lang: UiLanguage): MonitoringFormat {
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const km = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const distance = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const rate = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return {
    integer: (n) => integer.format(n),
    km: (n) => km.format(n),
    distance: (n) => distance.format(n),
    rate: (n) => rate.format(n),
    percent: (share) => percent.format(share),
    date: (iso) => {
      const value = new Date(iso);
      return Number.isNaN(value.getTime()) ? iso : date.format(value);
    },
  };
}

/** count / total, or null when there is nothing to divide by. */
export const shareOf = (count: number, total: number): number | null => (total > 0 ? count / total : null);

import type { UiLanguage } from '../../state/search-state';

/** Every workspace page (docs/accounts-and-moderation.md, "Web pages"). */
export const paths = {
  register: '/konto/registrieren',
  verify: '/konto/bestaetigen',
  login: '/konto/anmelden',
  forgotPassword: '/konto/passwort-vergessen',
  newPassword: '/konto/passwort-neu',
  account: '/konto',
  dashboard: '/anbieter',
  organisation: '/anbieter/organisation',
  newSite: '/anbieter/standorte/neu',
  site: (id: number | string) => `/anbieter/standorte/${id}`,
  newOffering: '/anbieter/angebote/neu',
  offering: (id: number | string) => `/anbieter/angebote/${id}`,
  import: '/anbieter/import',
  queue: '/koordination',
  review: (id: number | string) => `/koordination/pruefen/${id}`,
  correct: (id: number | string) => `/koordination/angebote/${id}`,
  stale: '/koordination/veraltet',
  duplicates: '/koordination/doppelstrukturen',
  gaps: '/auswertung',
  figures: '/auswertung/zahlen',
  report: '/auswertung/bericht',
  users: '/admin/nutzer',
} as const;

/** Adds (or keeps out) `ui=en`, the interface language, so it survives every workspace link. */
export function withLang(path: string, lang: UiLanguage): string {
  const url = new URL(path, 'http://x');
  if (lang === 'en') url.searchParams.set('ui', 'en');
  else url.searchParams.delete('ui');
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Only workspace paths are accepted as the place to return to after logging in (no open redirect). */
export function safeReturnPath(next: string | undefined): string | null {
  if (!next || !/^\/(konto|anbieter|koordination|admin|auswertung)(\/|$|\?)/.test(next)) return null;
  return next;
}

import type { ImportReport, ImportRow } from '../../../../schema';
import { useWorkspace } from '../context';
import { useTexts, type Translate } from '../i18n/text';
import { providerTexts } from './texts';

type Key = keyof (typeof providerTexts)['de'];

/** A cell's value as the report shows it: lists joined, nothing as a dash. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(shown).join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).filter((v) => v !== undefined && v !== '').map(shown).join(', ');
  return String(value);
}

/** What the row changes: for an update each column with old → new; for a new entry its new site, if any. */
function ChangeList({ row, t }: { row: ImportRow; t: Translate<Key> }) {
  const site = row.site && 'new' in row.site ? row.site.new : null;
  const changes = row.action === 'update' ? row.changes : [];
  if (changes.length === 0 && !site) return <>{row.action === 'create' ? t('allColumns') : '—'}</>;
  return (
    <ul class="ws-cell-list">
      {changes.map((c) => (
        <li key={c.field}>{t('changeFromTo', { column: c.column, old: shown(c.old), new: shown(c.new) })}</li>
      ))}
      {site && <li>{t('importNewSite', { address: `${site.street}, ${site.postcode} ${site.city}` })}</li>}
    </ul>
  );
}

/** The dry run's rows: line, action, title, the changes, and each error with its column. */
export function ImportReportTable({ report }: { report: ImportReport }) {
  const { lang } = useWorkspace();
  const t = useTexts(providerTexts);
  return (
    <div class="ws-table-wrap" tabIndex={0} role="region" aria-labelledby="report-caption">
      <table class="ws-table">
        <caption id="report-caption">{t('reportCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" class="ws-nowrap">
              {t('colLine')}
            </th>
            <th scope="col" class="ws-nowrap">
              {t('colAction')}
            </th>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colChanges')}</th>
            <th scope="col">{t('colErrors')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.line} class={row.errors.length > 0 ? 'ws-row-error' : undefined}>
              <th scope="row" class="ws-nowrap">
                {row.line}
              </th>
              <td class="ws-nowrap">{t(`action_${row.action}`)}</td>
              <td>{row.title ?? '—'}</td>
              <td>
                <ChangeList row={row} t={t} />
              </td>
              <td>
                {row.errors.length === 0 ? (
                  t('noErrors')
                ) : (
                  <ul class="ws-cell-list">
                    {row.errors.map((e, i) => (
                      <li key={i}>{t('errorInColumn', { column: e.column, message: lang === 'en' ? e.messageEn : e.message })}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

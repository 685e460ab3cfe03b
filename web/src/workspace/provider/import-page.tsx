import { useRef, useState } from 'preact/hooks';
import type { ImportReport } from '../../../../schema';
import { downloads, workspaceApi } from '../api/workspace-api';
import { Page } from '../components/page';
import { UnverifiedNotice } from '../components/unverified-notice';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { ImportReportTable } from './import-report';
import { providerTexts } from './texts';

type Stage =
  | { kind: 'choose' }
  | { kind: 'checking' }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'committing'; report: ImportReport }
  | { kind: 'committed'; report: ImportReport };

/**
 * CSV import in two steps: a dry run that writes nothing and shows, row by row, what would happen; then
 * the commit, which the server applies to all rows or to none.
 */
export function ImportPage() {
  const { me, href } = useWorkspace();
  const t = useTexts(providerTexts);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const [submit, setSubmit] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const orgId = me?.organisation?.id;

  if (!orgId) {
    return (
      <Page title={t('importTitle')}>
        <p class="ws-notice">
          {t('noOrganisation')} <a href={href(paths.organisation)}>{t('createOrganisation')}</a>
        </p>
      </Page>
    );
  }

  const dryRun = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    if (!file) {
      setProblem(t('chooseFile'));
      fileInput.current?.focus();
      return;
    }
    setStage({ kind: 'checking' });
    try {
      const report = await workspaceApi.importCsv(orgId, file, { dryRun: true });
      setStage({ kind: 'report', report });
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      setStage({ kind: 'choose' });
      setProblem((error as Error).message);
    }
  };

  const commit = async () => {
    if (!file || stage.kind !== 'report') return;
    setStage({ kind: 'committing', report: stage.report });
    try {
      const report = await workspaceApi.importCsv(orgId, file, { dryRun: false, submit });
      setStage({ kind: 'committed', report });
    } catch (error) {
      setStage({ kind: 'report', report: stage.report });
      setProblem(t('commitFailed', { message: (error as Error).message }));
    }
    requestAnimationFrame(() => resultHeading.current?.focus());
  };

  const report = stage.kind === 'choose' || stage.kind === 'checking' ? null : stage.report;
  const counts = report?.summary ?? null;
  return (
    <Page title={t('importTitle')} wide>
      <UnverifiedNotice />
      <p>{t('importIntro')}</p>
      <p>
        <a href={downloads.template} download>
          {t('template')}
        </a>
      </p>
      <form class="ws-form ws-form--narrow" noValidate onSubmit={dryRun}>
        <div class="field">
          <label for="csv-file">{t('file')}</label>
          <input
            ref={fileInput}
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={problem && !report ? 'csv-file-hint csv-file-error' : 'csv-file-hint'}
            aria-invalid={problem && !report ? true : undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setStage({ kind: 'choose' });
              setProblem(null);
            }}
          />
          <p class="hint" id="csv-file-hint">
            {t('fileHint')}
          </p>
          {problem && !report && (
            <p class="field-error" id="csv-file-error" role="alert">
              {problem}
            </p>
          )}
        </div>
        <div class="ws-actions">
          <button type="submit" class="primary" disabled={stage.kind === 'checking' || stage.kind === 'committing'}>
            {stage.kind === 'checking' ? t('checking') : t('dryRun')}
          </button>
        </div>
      </form>
      {report && counts && (
        <section class="ws-section" aria-labelledby="report-title">
          <h2 id="report-title" ref={resultHeading} tabIndex={-1}>
            {t('reportTitle')}
          </h2>
          <p>{t('reportSummary', { rows: report.rows.length, ...counts })}</p>
          {stage.kind === 'committed' ? (
            <>
              <p class="ws-success" role="status">
                {t('committed', counts)} {submit ? t('committedSubmitted') : t('committedDrafts')}
              </p>
              <p>
                <a href={href(paths.dashboard)}>{t('toDashboard')}</a>
              </p>
            </>
          ) : (
            <>
              {problem && (
                <p class="error" role="alert">
                  {problem}
                </p>
              )}
              {counts.errors > 0 && (
                <p class="ws-notice" id="commit-blocked">
                  {t('commitBlocked')}
                </p>
              )}
              <div class="ws-checkbox">
                <input id="import-submit" type="checkbox" checked={submit} onChange={(e) => setSubmit(e.currentTarget.checked)} />
                <label for="import-submit">{t('submitAfterImport')}</label>
              </div>
              <div class="ws-actions">
                <button
                  type="button"
                  class="primary"
                  onClick={commit}
                  disabled={counts.errors > 0 || stage.kind === 'committing'}
                  aria-describedby={counts.errors > 0 ? 'commit-blocked' : undefined}
                >
                  {stage.kind === 'committing' ? t('committing') : t('commit')}
                </button>
              </div>
            </>
          )}
          <ImportReportTable report={report} />
        </section>
      )}
    </Page>
  );
}

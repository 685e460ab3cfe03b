import { useState } from 'preact/hooks';
import { zRejectInput, type ReviewDetail } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { FlashMessage } from '../components/flash-message';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { StatusBadge } from '../components/status-badge';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { TextArea } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { errorsOf } from '../forms/zod-errors';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { setFlash } from '../lib/flash';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { DiffTable, FieldsTable } from './diff-table';
import { reviewTexts } from './texts';

/** `/koordination/pruefen/:id`: what is proposed, how it differs from what is public, and the decision. */
export function ReviewPage({ id }: { id?: string }) {
  const { href, i18n } = useWorkspace();
  const t = useTexts(reviewTexts);
  const c = useTexts(commonTexts);
  const loaded = useLoad(() => workspaceApi.review(Number(id)), [id]);
  const detail = loaded.data;
  const title = detail ? String((detail.proposed ?? detail.published)?.title ?? '') : '';

  return (
    <Page title={detail ? t('reviewTitle', { title }) : t('reviewLoadingTitle')} wide>
      <FlashMessage />
      <p>
        <a href={href(paths.queue)}>{t('backToQueue')}</a>
      </p>
      <LoadState loaded={loaded}>
        {(d) => (
          <>
            <dl class="ws-facts">
              <dt>{t('kind')}</dt>
              <dd>
                {d.kind ? t(`kind_${d.kind}`) : <StatusBadge status={d.status} />}
              </dd>
              <dt>{t('organisation')}</dt>
              <dd>
                {d.organisation.name}{' '}
                {!d.organisation.verified && <span class="ws-badge ws-badge--pending">{t('orgNotVerified')}</span>}
              </dd>
              <dt>{t('place')}</dt>
              <dd>
                {d.location.street}, {d.location.postcode} {d.location.city} ({d.municipality.name})
              </dd>
              {d.proposedLocation && (
                <>
                  <dt>{t('proposedPlace')}</dt>
                  <dd>
                    {d.proposedLocation.street}, {d.proposedLocation.postcode} {d.proposedLocation.city} ({d.proposedMunicipality?.name ?? d.proposedLocation.city})
                  </dd>
                </>
              )}
              {d.submittedAt && (
                <>
                  <dt>{c('status_pending')}</dt>
                  <dd>{t('submitted', { date: i18n.formatDate(d.submittedAt.slice(0, 10)) })}</dd>
                </>
              )}
            </dl>
            <section class="ws-section" aria-labelledby="changes-title">
              {d.kind === 'revision' || d.published ? (
                <>
                  <h2 id="changes-title">{t('diffTitle')}</h2>
                  <DiffTable
                    diff={d.diff}
                    location={d.location}
                    proposed={d.proposedLocation && { location: d.proposedLocation, municipality: d.proposedMunicipality?.name ?? d.proposedLocation.city }}
                  />
                </>
              ) : (
                <>
                  <h2 id="changes-title">{t('fieldsTitle')}</h2>
                  <FieldsTable fields={(d.proposed ?? {}) as Record<string, unknown>} location={d.location} />
                </>
              )}
            </section>
            {d.kind === null ? (
              <p class="ws-notice">{t('notPending', { status: c(`status_${d.status}`) })}</p>
            ) : (
              <Decision detail={d} title={title} onOrganisationVerified={() => loaded.set({ ...d, organisation: { ...d.organisation, verified: true } })} />
            )}
          </>
        )}
      </LoadState>
    </Page>
  );
}

function Decision({ detail, title, onOrganisationVerified }: { detail: ReviewDetail; title: string; onOrganisationVerified(): void }) {
  const { lang, href, go } = useWorkspace();
  const t = useTexts(reviewTexts);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ reason: '' }, (v) => errorsOf(zRejectInput.safeParse(v), lang));

  const publish = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await workspaceApi.publish(detail.offeringId);
      setFlash(t('published', { title }));
      go(paths.queue);
    } catch (error) {
      setMessage((error as Error).message);
      setBusy(false);
    }
  };
  const verify = async () => {
    setMessage(null);
    try {
      await workspaceApi.verifyOrganisation(detail.organisation.id);
      onOrganisationVerified();
      setMessage(t('orgVerified', { name: detail.organisation.name }));
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <section class="ws-section ws-decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decisionTitle')}</h2>
      <p role="status" class={message ? 'ws-success' : 'ws-status-empty'}>
        {message ?? ''}
      </p>
      <div class="ws-actions">
        <button type="button" class="primary" onClick={publish} disabled={busy}>
          {detail.kind === 'revision' ? t('publishRevision') : t('publish')}
        </button>
        {!detail.organisation.verified && (
          <button type="button" class="secondary" onClick={verify}>
            {t('verifyOrg')}
          </button>
        )}
        <a class="button secondary" href={href(paths.correct(detail.offeringId))}>
          {t('correct')}
        </a>
      </div>
      <form
        class="ws-form ws-reject"
        noValidate
        onSubmit={(event) =>
          form.submit(event, async (values) => {
            await workspaceApi.reject(detail.offeringId, values.reason.trim());
            setFlash(t('rejected', { title }));
            go(paths.queue);
          })
        }
      >
        <h3>{t('rejectTitle')}</h3>
        <ErrorSummary form={form} />
        <TextArea form={form} name="reason" label={t('reason')} hint={t('reasonHint')} rows={4} maxLength={2000} required />
        <div class="ws-actions">
          <button type="submit" class="secondary" disabled={form.busy}>
            {t('reject')}
          </button>
        </div>
      </form>
    </section>
  );
}

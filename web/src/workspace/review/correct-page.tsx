import type { ManagedOffering } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { LoadState } from '../components/load-state';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { setFlash } from '../lib/flash';
import { paths } from '../lib/paths';
import { useLoad } from '../lib/use-load';
import { OfferingForm } from '../offering-form/offering-form';
import { OfferingState } from '../offering-form/offering-state';
import { reviewTexts } from './texts';

/** `/koordination/angebote/:id`: a coordinator corrects an entry of their region with the provider's form. */
export function CorrectPage({ id }: { id?: string }) {
  const { href, go } = useWorkspace();
  const t = useTexts(reviewTexts);
  const loaded = useLoad(async () => {
    const offering = await workspaceApi.offering(Number(id));
    const organisation = await workspaceApi.organisation(offering.organisation.id);
    return { offering, sites: organisation.sites };
  }, [id]);

  const done = (result: ManagedOffering) => {
    setFlash(t('corrected', { title: result.title }));
    go(result.status === 'pending' || result.pendingRevision ? paths.review(result.id) : paths.stale);
  };

  return (
    <Page title={t('correctTitle')} wide>
      <p>
        <a href={href(paths.queue)}>{t('backToQueue')}</a>
      </p>
      <LoadState loaded={loaded}>
        {({ offering, sites }) => (
          <>
            <OfferingState offering={offering} coordinator />
            <OfferingForm key={id} offering={offering} sites={sites} mode="coordinator" onDone={done} />
          </>
        )}
      </LoadState>
    </Page>
  );
}

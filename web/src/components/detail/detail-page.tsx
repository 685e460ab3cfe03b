import { useEffect, useRef, useState } from 'preact/hooks';
import type { OfferingDetail } from '../../../../schema';
import { ApiError } from '../../api/client';
import { fetchOffering } from '../../api/offering';
import { useI18n } from '../../i18n/i18n';
import { formatAges, termList } from '../../lib/format';
import { navigate } from '../../state/use-location';
import { DetailFacts } from './detail-facts';
import './detail.css';

interface Props {
  id: number;
  /** The search's query string, kept so "back to search" returns to the same results. */
  search: string;
  reportEmail: string | null;
}

/** Everything about one offering, at a stable address (/angebot/<id>). */
export function DetailPage({ id, search, reportEmail }: Props) {
  const i18n = useI18n();
  const [offering, setOffering] = useState<OfferingDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setOffering(null);
    setFailure(null);
    fetchOffering(id, controller.signal).then(setOffering, (e: unknown) => {
      if ((e as Error).name === 'AbortError') return;
      setFailure(e instanceof ApiError && e.status === 404 ? i18n.t('offeringNotFound') : (e as Error).message);
    });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  // Moving to a new page: put focus on its heading, as a page load would for screen readers.
  useEffect(() => {
    if (offering) {
      heading.current?.focus();
      document.title = `${offering.title} – ${i18n.t('appTitle')}`;
    }
    return () => {
      document.title = i18n.t('appTitle');
    };
  }, [offering]);

  const back = `/${search}`;
  const backLink = (
    <a
      class="back-link"
      href={back}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(back);
      }}
    >
      ← {i18n.t('backToSearch')}
    </a>
  );

  if (failure) {
    return (
      <main id="content" class="detail-page">
        {backLink}
        <p role="alert">{failure}</p>
      </main>
    );
  }
  if (!offering) {
    return (
      <main id="content" class="detail-page" aria-busy="true">
        {backLink}
        <p role="status">{i18n.t('loadingOffering')}</p>
      </main>
    );
  }

  const { location: place } = offering;
  const directions = `https://www.openstreetmap.org/directions?to=${place.lat}%2C${place.lng}`;
  const subject = i18n.t('reportSubject', { id: offering.id, title: offering.title });
  const report = `mailto:${reportEmail ?? ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(location.href)}`;
  return (
    <main id="content" class="detail-page">
      {backLink}
      <article class="offering-detail">
        <h1 ref={heading} tabIndex={-1}>{offering.title}</h1>
        <p class="provider">
          {offering.provider.name} · {termList(i18n, 'categories', offering.categories)} · {formatAges(i18n, offering.minAge, offering.maxAge)}
        </p>
        <p class="description">{offering.description}</p>
        <DetailFacts offering={offering} />
        <section aria-labelledby="address-heading">
          <h2 id="address-heading">{i18n.t('address')}</h2>
          <address>
            {place.name && <>{place.name}<br /></>}
            {place.street}
            <br />
            {place.postcode} {place.city}
          </address>
          <p class="actions">
            <a class="button primary" href={directions} rel="noopener noreferrer" target="_blank">{i18n.t('directions')}</a>{' '}
            <a class="button secondary" href={report}>{i18n.t('reportProblem')}</a>
          </p>
        </section>
        <p class="confirmed">{i18n.t('lastConfirmed', { date: i18n.formatDate(offering.lastConfirmedAt) })}</p>
      </article>
    </main>
  );
}

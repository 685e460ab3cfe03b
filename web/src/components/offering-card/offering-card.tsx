import type { OfferingHit } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import { formatAges, formatDistance, termList } from '../../lib/format';

interface Props {
  hit: OfferingHit;
  href: string;
  onOpen(event: MouseEvent): void;
}

/** One result: everything needed to decide whether to open it, all as text (no meaning by colour alone). */
export function OfferingCard({ hit, href, onOpen }: Props) {
  const i18n = useI18n();
  const free = hit.cost === 'free';
  return (
    <article class="offering-card" data-testid="offering-card" data-offering-id={hit.id} data-min-age={hit.minAge} data-max-age={hit.maxAge}>
      <h3>
        <a href={href} onClick={onOpen}>{hit.title}</a>
      </h3>
      <p class="provider">
        {hit.providerName} · {hit.city}
        {hit.distanceKm !== undefined && <> · {formatDistance(i18n, hit.distanceKm)}</>}
      </p>
      <ul class="facts">
        <li class="tag category">{termList(i18n, 'categories', hit.categories)}</li>
        <li class="tag">{formatAges(i18n, hit.minAge, hit.maxAge)}</li>
        <li class={free ? 'tag free' : 'tag'}>{i18n.term('costs', hit.cost)}</li>
        {hit.butEligible && <li class="tag but">{i18n.t('butEligible')}</li>}
        {hit.waitingList && <li class="tag waiting">{i18n.t('waitingList')}</li>}
      </ul>
      <p class="summary">{hit.summary}</p>
      <p class="marks">
        {hit.access.length > 0 ? i18n.t('accessLabel', { list: termList(i18n, 'accessFeatures', hit.access) }) : i18n.t('accessUnknown')}
      </p>
      <p class="marks">{i18n.t('languagesLabel', { list: termList(i18n, 'languages', hit.languages) })}</p>
      <p class="confirmed">{i18n.t('lastConfirmed', { date: i18n.formatDate(hit.lastConfirmedAt) })}</p>
    </article>
  );
}

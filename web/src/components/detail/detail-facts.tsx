import type { ComponentChildren } from 'preact';
import type { OfferingDetail } from '../../../../schema';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { formatAges, termList } from '../../lib/format';

function Section({ id, title, children }: { id: string; title: MessageKey; children: ComponentChildren }) {
  const i18n = useI18n();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t(title)}</h2>
      {children}
    </section>
  );
}

/** The facts of an offering, grouped as a parent asks them: for whom, when, cost, access, safety, contact. */
export function DetailFacts({ offering: o }: { offering: OfferingDetail }) {
  const i18n = useI18n();
  const seats =
    o.waitingList && o.seatsAvailable === 0
      ? `${i18n.t('noSeats')} · ${i18n.t('waitingList')}`
      : [
          o.capacity === null ? i18n.t('unlimited') : i18n.t('capacity', { count: o.capacity }),
          o.seatsAvailable !== null ? i18n.t('seatsAvailable', { count: o.seatsAvailable }) : null,
          o.waitingList ? i18n.t('waitingList') : null,
        ]
          .filter(Boolean)
          .join(' · ');
  const { contact, provider } = o;
  return (
    <>
      <Section id="who" title="forWhom">
        <dl>
          <dt>{i18n.t('ageRange')}</dt>
          <dd>{formatAges(i18n, o.minAge, o.maxAge)}</dd>
          <dt>{i18n.t('phases')}</dt>
          <dd>{termList(i18n, 'phases', o.phases)}</dd>
          <dt>{i18n.t('categories')}</dt>
          <dd>{termList(i18n, 'categories', o.categories)}</dd>
          <dt>{i18n.t('formality')}</dt>
          <dd>{i18n.term('formalities', o.formality)}</dd>
          <dt>{i18n.t('languages')}</dt>
          <dd>{termList(i18n, 'languages', o.languages)}</dd>
          <dt>{i18n.t('places')}</dt>
          <dd>{seats}</dd>
        </dl>
      </Section>
      <Section id="when" title="when">
        <p>{o.schedule.text}</p>
        {o.schedule.startDate && o.schedule.endDate && (
          <p>{i18n.t('period', { from: i18n.formatDate(o.schedule.startDate), to: i18n.formatDate(o.schedule.endDate) })}</p>
        )}
      </Section>
      <Section id="cost" title="cost">
        <p>
          {i18n.term('costs', o.cost)}
          {o.costNote && <> – {o.costNote}</>}
        </p>
        <p>{o.butEligible ? i18n.t('butExplained') : i18n.t('notButEligible')}</p>
        {o.funding.length > 0 && <p>{i18n.t('funding')}: {termList(i18n, 'fundingProgrammes', o.funding)}</p>}
      </Section>
      <Section id="access" title="accessibility">
        {o.access.length > 0 ? (
          <ul>{o.access.map((a) => <li key={a}>{i18n.term('accessFeatures', a)}</li>)}</ul>
        ) : (
          <p>{i18n.t('accessUnknown')}</p>
        )}
      </Section>
      <Section id="protection" title="childProtection">
        {o.childProtection.length > 0 ? (
          <ul>{o.childProtection.map((c) => <li key={c}>{i18n.term('childProtectionMeasures', c)}</li>)}</ul>
        ) : (
          <p>{i18n.t('childProtectionNone')}</p>
        )}
        {o.seeksVolunteers && <p>{i18n.t('seeksVolunteers')}</p>}
      </Section>
      <Section id="contact" title="contact">
        <dl>
          {contact.name && (<><dt>{i18n.t('contact')}</dt><dd>{contact.name}</dd></>)}
          {contact.phone && (<><dt>{i18n.t('phone')}</dt><dd><a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a></dd></>)}
          {contact.email && (<><dt>{i18n.t('email')}</dt><dd><a href={`mailto:${contact.email}`}>{contact.email}</a></dd></>)}
          {contact.website && /^https?:\/\//.test(contact.website) && (<><dt>{i18n.t('website')}</dt><dd><a href={contact.website} rel="noopener noreferrer">{contact.website}</a></dd></>)}
        </dl>
      </Section>
      <Section id="provider" title="provider">
        <p>
          <strong>{provider.name}</strong> ({i18n.term('providerKinds', provider.kind)})
        </p>
        {provider.description && <p>{provider.description}</p>}
        {provider.website && /^https?:\/\//.test(provider.website) && (
          <p><a href={provider.website} rel="noopener noreferrer">{provider.website}</a></p>
        )}
      </Section>
    </>
  );
}

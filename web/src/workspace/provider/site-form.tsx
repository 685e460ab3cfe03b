import { useEffect, useRef, useState } from 'preact/hooks';
import { zSiteInput, type Site, type SiteInput } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { errorsOf } from '../forms/zod-errors';
import { useTexts } from '../i18n/text';
import { PinMap } from './pin-map';
import { providerTexts } from './texts';

interface Values {
  name: string;
  street: string;
  postcode: string;
  city: string;
  lat: string;
  lng: string;
}

const valuesOf = (s: Site | null): Values => ({
  name: s?.name ?? '',
  street: s?.street ?? '',
  postcode: s?.postcode ?? '',
  city: s?.city ?? '',
  lat: s ? String(s.lat) : '',
  lng: s ? String(s.lng) : '',
});

const coordinate = (v: string) => (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.')));
const inputOf = (v: Values) => ({
  name: v.name.trim() || null,
  street: v.street,
  postcode: v.postcode,
  city: v.city,
  lat: coordinate(v.lat),
  lng: coordinate(v.lng),
});

type Proposal = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; place: string } | { kind: 'failed'; message: string };

/**
 * A site: address, and a position proposed from the postcode (the municipality's centre, from the bundled
 * gazetteer) that the provider corrects by dragging the pin, with the arrow keys, or in the number fields.
 */
export function SiteForm({ organisationId, site, onSaved }: { organisationId: number; site: Site | null; onSaved(site: Site): void }) {
  const { lang } = useWorkspace();
  const t = useTexts(providerTexts);
  const form = useForm(valuesOf(site), (v) => errorsOf(zSiteInput.safeParse(inputOf(v)), lang));
  const [proposal, setProposal] = useState<Proposal>({ kind: 'idle' });
  // Whether the person placed the pin themselves: then a changed postcode must not move it away again.
  const placedByHand = useRef(site !== null);
  const { postcode, city } = form.values;

  const propose = async () => {
    setProposal({ kind: 'working' });
    try {
      const found = await workspaceApi.sitePosition(form.values.postcode.trim(), form.values.city.trim());
      form.set('lat', String(found.lat));
      form.set('lng', String(found.lng));
      placedByHand.current = false;
      setProposal({ kind: 'done', place: found.place });
    } catch (error) {
      setProposal({ kind: 'failed', message: (error as Error).message });
    }
  };

  // A new postcode proposes a new position, unless the pin was already placed by hand.
  useEffect(() => {
    if (placedByHand.current || !/^\d{5}$/.test(postcode.trim())) return;
    const timer = setTimeout(() => void propose(), 300);
    return () => clearTimeout(timer);
  }, [postcode, city]);

  const lat = coordinate(form.values.lat);
  const lng = coordinate(form.values.lng);
  const position: [number, number] | null =
    lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng) ? [lng, lat] : null;
  const onMove = ([newLng, newLat]: [number, number]) => {
    placedByHand.current = true;
    form.set('lat', String(newLat));
    form.set('lng', String(newLng));
  };

  return (
    <form
      class="ws-form"
      noValidate
      onSubmit={(event) =>
        form.submit(event, async (values) => {
          const body: SiteInput = zSiteInput.parse(inputOf(values));
          onSaved(site ? await workspaceApi.updateSite(site.id, body) : await workspaceApi.createSite(organisationId, body));
        })
      }
    >
      <ErrorSummary form={form} />
      <TextField form={form} name="name" label={t('siteName')} hint={t('siteNameHint')} maxLength={200} />
      <TextField form={form} name="street" label={t('street')} autocomplete="street-address" maxLength={200} required />
      <div class="ws-row">
        <TextField form={form} name="postcode" label={t('postcode')} autocomplete="postal-code" inputMode="numeric" maxLength={5} required />
        <TextField form={form} name="city" label={t('city')} autocomplete="address-level2" maxLength={200} required />
      </div>
      <section class="ws-section" aria-labelledby="position-title">
        <h2 id="position-title">{t('positionTitle')}</h2>
        <p>{t('positionExplained')}</p>
        <button type="button" class="secondary" onClick={propose} disabled={!/^\d{5}$/.test(postcode.trim()) || proposal.kind === 'working'}>
          {t('proposePosition')}
        </button>
        <p role="status" class="ws-proposal">
          {proposal.kind === 'working' && t('proposing')}
          {proposal.kind === 'done' && t('proposed', { place: proposal.place })}
          {proposal.kind === 'failed' && t('noProposal', { message: proposal.message })}
        </p>
        {position && (
          <>
            <p class="hint" id="pin-hint">
              {t('mapKeyboardHint')}
            </p>
            <PinMap position={position} onMove={onMove} />
          </>
        )}
        <div class="ws-row">
          <TextField form={form} name="lat" type="number" step="any" inputMode="decimal" label={t('latitude')} hint={t('coordsHint')} />
          <TextField form={form} name="lng" type="number" step="any" inputMode="decimal" label={t('longitude')} hint={t('coordsHint')} />
        </div>
      </section>
      <div class="ws-actions">
        <button type="submit" class="primary" disabled={form.busy}>
          {t('saveSite')}
        </button>
      </div>
    </form>
  );
}

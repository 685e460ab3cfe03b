import { useEffect, useState } from 'preact/hooks';
import { zOrganisationInput, type Organisation } from '../../../../schema';
import { api } from '../../api/client';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { SelectField, TextArea, TextField } from '../forms/fields';
import { RegionField } from '../forms/region-field';
import { useForm } from '../forms/use-form';
import { errorsOf } from '../forms/zod-errors';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { providerTexts } from './texts';

interface Values {
  name: string;
  kind: string;
  description: string;
  website: string;
  email: string;
  phone: string;
  regionKey: string;
}

const valuesOf = (o: Organisation | null): Values => ({
  name: o?.name ?? '',
  kind: o?.kind ?? '',
  description: o?.description ?? '',
  website: o?.website ?? '',
  email: o?.email ?? '',
  phone: o?.phone ?? '',
  regionKey: o?.regionKey ?? '',
});

/** Optional contact fields: empty means "none" (null), as the schema has it. */
const inputOf = (v: Values) => ({
  name: v.name,
  kind: v.kind || undefined,
  description: v.description,
  website: v.website.trim() || null,
  email: v.email.trim() || null,
  phone: v.phone.trim() || null,
  regionKey: v.regionKey,
});

/** Creates (organisation null) or edits the provider's organisation. */
export function OrganisationForm({ organisation, onSaved }: { organisation: Organisation | null; onSaved(o: Organisation): void }) {
  const { lang, taxonomy, i18n } = useWorkspace();
  const t = useTexts(providerTexts);
  const c = useTexts(commonTexts);
  const form = useForm(valuesOf(organisation), (v) => errorsOf(zOrganisationInput.safeParse(inputOf(v)), lang));
  const seatName = useRegionName(organisation?.regionKey);
  const kinds = (taxonomy?.providerKinds ?? []).map((k) => ({ value: k.id, label: k.label[lang] }));

  return (
    <form
      class="ws-form"
      noValidate
      onSubmit={(event) =>
        form.submit(event, async (values) => {
          const body = zOrganisationInput.parse(inputOf(values));
          const saved = organisation
            ? await workspaceApi.updateOrganisation(organisation.id, body)
            : await workspaceApi.createOrganisation(body);
          onSaved(saved);
        })
      }
    >
      <ErrorSummary form={form} />
      <p class="hint">{t('orgPublicNote')}</p>
      <TextField form={form} name="name" label={t('orgName')} maxLength={200} autocomplete="organization" required />
      <SelectField form={form} name="kind" label={t('orgKind')} options={kinds} placeholder={t('chooseKind')} required />
      <RegionField
        form={form}
        name="regionKey"
        label={t('orgSeat')}
        hint={t('orgSeatHint')}
        required
        initialText={seatName ?? undefined}
        accept={(m) => m.key.length === 8}
        emptyText={i18n.t('noPlaceFound')}
        listLabel={i18n.t('placeSuggestions')}
      />
      <TextArea form={form} name="description" label={t('orgDescription')} maxLength={5000} />
      <TextField form={form} name="website" type="url" label={t('orgWebsite')} hint={t('orgWebsiteHint')} maxLength={500} autocomplete="url" />
      <TextField form={form} name="email" type="email" label={t('orgEmail')} maxLength={254} autocomplete="email" />
      <TextField form={form} name="phone" type="tel" label={t('orgPhone')} maxLength={50} autocomplete="tel" />
      <div class="ws-actions">
        <button type="submit" class="primary" disabled={form.busy}>
          {organisation ? c('save') : t('createOrg')}
        </button>
      </div>
    </form>
  );
}

/** The name of a municipality for its key (the outline endpoint knows it), for showing a stored seat. */
function useRegionName(key: string | undefined): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    api.regionOutline(key, controller.signal).then(
      (outline) => setName(outline.properties.name),
      () => setName(key),
    );
    return () => controller.abort();
  }, [key]);
  return name;
}

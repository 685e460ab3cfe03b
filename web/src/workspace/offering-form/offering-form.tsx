import type { ManagedOffering, OfferingInput, Site } from '../../../../schema';
import { workspaceApi } from '../api/workspace-api';
import { useWorkspace } from '../context';
import { ErrorSummary } from '../forms/error-summary';
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField, type Option } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { useTexts } from '../i18n/text';
import { offeringTexts } from './texts';
import { checkOffering, emptyOffering, inputOf, valuesOf } from './values';

export type SaveIntent = 'save' | 'submit';

interface Props {
  /** null: a new entry. */
  offering: ManagedOffering | null;
  sites: readonly Site[];
  /** A coordinator's correction is applied at once and has no "submit". */
  mode: 'provider' | 'coordinator';
  onDone(result: ManagedOffering, intent: SaveIntent): void;
}

/**
 * The offering form, for a provider's entries and a coordinator's corrections. It checks with the same zod
 * schema as the API and words each mistake with the shared messages, next to its field.
 */
export function OfferingForm({ offering, sites, mode, onDone }: Props) {
  const { lang, taxonomy } = useWorkspace();
  const t = useTexts(offeringTexts);
  const rrule = offering?.schedule.rrule;
  const form = useForm(offering ? valuesOf(offering, mode === 'provider') : emptyOffering(sites.length === 1 ? sites[0]!.id : null), (v) =>
    checkOffering(v, lang, rrule),
  );
  const options = (vocabulary: string): Option[] =>
    (taxonomy?.[vocabulary] ?? []).map((term) => ({ value: term.id, label: term.label[lang] }));
  const siteOptions = sites.map((s) => ({ value: String(s.id), label: [s.name, `${s.street}, ${s.postcode} ${s.city}`].filter(Boolean).join(' – ') }));

  const onSubmit = (event: Event) => {
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent: SaveIntent = submitter?.value === 'submit' ? 'submit' : 'save';
    return form.submit(event, async (values) => {
      // checkOffering passed, so the body satisfies zOfferingInput.
      const body = inputOf(values, rrule) as OfferingInput;
      let result: ManagedOffering;
      if (!offering) {
        result = await workspaceApi.createOffering({ ...body, submit: intent === 'submit' });
      } else {
        result = await workspaceApi.updateOffering(offering.id, body);
        if (intent === 'submit' && (result.status === 'draft' || result.status === 'rejected')) {
          result = await workspaceApi.offeringAction(offering.id, 'submit');
        }
      }
      onDone(result, intent);
    });
  };

  const status = offering?.status;
  const canSubmit = mode === 'provider' && (!offering || status === 'draft' || status === 'rejected');

  return (
    <form class="ws-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary form={form} />
      <section class="ws-section" aria-labelledby="sec-basics">
        <h2 id="sec-basics">{t('sectionBasics')}</h2>
        <TextField form={form} name="title" label={t('title')} hint={t('titleHint')} maxLength={200} required />
        <TextArea form={form} name="description" label={t('description')} hint={t('descriptionHint')} maxLength={5000} />
        <SelectField form={form} name="locationId" label={t('location')} hint={t('locationHint')} options={siteOptions} placeholder={t('chooseLocation')} required />
        <CheckboxGroup form={form} name="categories" label={t('categories')} hint={t('categoriesHint')} options={options('categories')} required class="ws-choices--columns" />
        <SelectField form={form} name="formality" label={t('formality')} options={options('formalities')} placeholder={t('chooseFormality')} required />
      </section>
      <section class="ws-section" aria-labelledby="sec-who">
        <h2 id="sec-who">{t('sectionWho')}</h2>
        <CheckboxGroup form={form} name="phases" label={t('phases')} options={options('phases')} required class="ws-choices--columns" />
        <div class="ws-row">
          <TextField form={form} name="minAge" type="number" inputMode="numeric" label={t('minAge')} hint={t('ageHint')} required />
          <TextField form={form} name="maxAge" type="number" inputMode="numeric" label={t('maxAge')} hint={t('ageHint')} required />
        </div>
      </section>
      <section class="ws-section" aria-labelledby="sec-when">
        <h2 id="sec-when">{t('sectionWhen')}</h2>
        <TextField form={form} name="schedule.text" label={t('scheduleText')} hint={t('scheduleHint')} maxLength={500} required />
        <div class="ws-row">
          <TextField form={form} name="schedule.startDate" type="date" label={t('startDate')} hint={t('dateHint')} />
          <TextField form={form} name="schedule.endDate" type="date" label={t('endDate')} hint={t('dateHint')} />
        </div>
      </section>
      <section class="ws-section" aria-labelledby="sec-cost">
        <h2 id="sec-cost">{t('sectionCost')}</h2>
        <SelectField form={form} name="cost" label={t('cost')} options={options('costs')} required />
        <TextField form={form} name="costNote" label={t('costNote')} hint={t('costNoteHint')} maxLength={300} />
        <Checkbox form={form} name="butEligible" label={t('butEligible')} />
        <div class="ws-row">
          <TextField form={form} name="capacity" type="number" inputMode="numeric" label={t('capacity')} hint={t('capacityHint')} />
          <TextField form={form} name="seatsAvailable" type="number" inputMode="numeric" label={t('seatsAvailable')} />
        </div>
        <Checkbox form={form} name="waitingList" label={t('waitingList')} />
      </section>
      <section class="ws-section" aria-labelledby="sec-access">
        <h2 id="sec-access">{t('sectionAccess')}</h2>
        <CheckboxGroup form={form} name="access" label={t('access')} options={options('accessFeatures')} class="ws-choices--columns" />
        <CheckboxGroup form={form} name="languages" label={t('languages')} options={options('languages')} required class="ws-choices--columns" />
      </section>
      <section class="ws-section" aria-labelledby="sec-more">
        <h2 id="sec-more">{t('sectionMore')}</h2>
        <CheckboxGroup form={form} name="childProtection" label={t('childProtection')} options={options('childProtectionMeasures')} />
        <CheckboxGroup form={form} name="funding" label={t('funding')} options={options('fundingProgrammes')} class="ws-choices--columns" />
        <Checkbox form={form} name="seeksVolunteers" label={t('seeksVolunteers')} />
      </section>
      <section class="ws-section" aria-labelledby="sec-contact">
        <h2 id="sec-contact">{t('sectionContact')}</h2>
        <TextField form={form} name="contact.name" label={t('contactName')} autocomplete="off" maxLength={200} />
        <TextField form={form} name="contact.email" type="email" label={t('contactEmail')} autocomplete="off" maxLength={254} />
        <TextField form={form} name="contact.phone" type="tel" label={t('contactPhone')} autocomplete="off" maxLength={50} />
        <TextField form={form} name="contact.website" type="url" label={t('contactWebsite')} autocomplete="off" maxLength={500} />
      </section>
      <div class="ws-actions ws-actions--sticky">
        {mode === 'coordinator' ? (
          <button type="submit" class="primary" value="save" disabled={form.busy}>
            {t('saveCorrection')}
          </button>
        ) : canSubmit ? (
          <>
            <button type="submit" class="primary" value="submit" disabled={form.busy}>
              {t('saveAndSubmit')}
            </button>
            <button type="submit" class="secondary" value="save" disabled={form.busy}>
              {t('saveDraft')}
            </button>
          </>
        ) : (
          <button type="submit" class="primary" value="save" disabled={form.busy}>
            {status === 'published' ? t('submitChange') : t('save')}
          </button>
        )}
      </div>
    </form>
  );
}

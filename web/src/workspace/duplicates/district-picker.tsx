import { useEffect } from 'preact/hooks';
import { RegionField } from '../forms/region-field';
import { useForm } from '../forms/use-form';
import { useTexts } from '../i18n/text';
import { duplicateTexts } from './texts';

interface Props {
  region: string | null;
  /** The district's name once an answer brought it (the field shows names, never keys). */
  name: string | undefined;
  onChange(region: string): void;
}

/** The admin's choice of a district (coordinators look at their own region). */
export function DistrictPicker({ region, name, onChange }: Props) {
  const t = useTexts(duplicateTexts);
  const form = useForm<{ region: string }>({ region: region ?? '' }, () => ({}));
  const picked = form.values.region;
  useEffect(() => {
    // Typing clears the key; only a district picked from the list counts.
    if (picked && picked !== region) onChange(picked);
  }, [picked]);
  return (
    <div class="ws-form ws-form--narrow">
      <RegionField
        form={form}
        name="region"
        label={t('region')}
        hint={t('regionHint')}
        initialText={name}
        accept={(match) => match.level === 'kreis'}
        emptyText={t('regionEmpty')}
        listLabel={t('regionList')}
      />
    </div>
  );
}

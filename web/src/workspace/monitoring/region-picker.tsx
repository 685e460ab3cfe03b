import { useEffect } from 'preact/hooks';
import { RegionField } from '../forms/region-field';
import { useForm } from '../forms/use-form';
import { useTexts } from '../i18n/text';
import { monitoringTexts } from './texts';

interface Props {
  region: string | null;
  /** The region's name once an answer brought it (the field shows names, never keys). */
  name: string | undefined;
  onChange(region: string): void;
}

/** Picks the region to look at: a state or a district, the areas the gap map has outlines for. */
export function RegionPicker({ region, name, onChange }: Props) {
  const t = useTexts(monitoringTexts);
  const form = useForm<{ region: string }>({ region: region ?? '' }, () => ({}));
  const picked = form.values.region;
  useEffect(() => {
    // Typing clears the key; only a region picked from the list counts.
    if (picked && picked !== region) onChange(picked);
  }, [picked]);
  return (
    <RegionField
      form={form}
      name="region"
      label={t('region')}
      hint={t('regionHint')}
      initialText={name}
      accept={(match) => match.level === 'land' || match.level === 'kreis'}
      emptyText={t('regionEmpty')}
      listLabel={t('regionList')}
    />
  );
}

import { RegionChoice } from '../forms/region-choice';
import { useTexts } from '../i18n/text';
import { monitoringTexts } from './texts';

interface Props {
  region: string | null;
  name: string | undefined;
  onChange(region: string): void;
}

/** Picks the region to look at: a state or a district, the areas the gap map has outlines for. */
export function RegionPicker(props: Props) {
  const t = useTexts(monitoringTexts);
  return (
    <RegionChoice {...props} levels={['land', 'kreis']} label={t('region')} hint={t('regionHint')} emptyText={t('regionEmpty')} listLabel={t('regionList')} />
  );
}

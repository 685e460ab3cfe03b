import { RegionChoice } from '../forms/region-choice';
import { useTexts } from '../i18n/text';
import { duplicateTexts } from './texts';

interface Props {
  region: string | null;
  name: string | undefined;
  onChange(region: string): void;
}

/** The admin's choice of a district (coordinators look at their own region). */
export function DistrictPicker(props: Props) {
  const t = useTexts(duplicateTexts);
  return (
    <div class="ws-form ws-form--narrow">
      <RegionChoice {...props} levels={['kreis']} label={t('region')} hint={t('regionHint')} emptyText={t('regionEmpty')} listLabel={t('regionList')} />
    </div>
  );
}

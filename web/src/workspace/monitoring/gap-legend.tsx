import { h } from 'preact';
import { useState } from 'preact/hooks';
import { patternSpec } from '../../map/patterns';
import { useTexts } from '../i18n/text';
import { gapClasses, type GapClass, type GapClassId } from './gap-classes';
import { gapTexts } from './gap-texts';
import type { MonitoringFormat } from './format';

// Pattern ids must be unique on the page (two legends when two groups are compared). A counter of our own:
// preact's useId would add its code to the family page's first bundle, where preact lives.
let legends = 0;

/** The words of a class for a threshold, e.g. "over 5 up to 10 km – served". */
export function useClassLabel(format: MonitoringFormat) {
  const t = useTexts(gapTexts);
  return (id: GapClassId, thresholdKm: number) =>
    t(`class_${id}`, { half: format.distance(thresholdKm / 2), km: format.distance(thresholdKm), double: format.distance(thresholdKm * 2) });
}

/** A swatch drawn with the map's own pattern, so legend and map look exactly alike (also in print). */
function Swatch({ cls, id }: { cls: GapClass; id: string }) {
  const spec = patternSpec(cls.pattern, cls.ink);
  return (
    <svg class="mon-swatch" width="32" height="20" viewBox="0 0 32 20" aria-hidden="true" focusable="false">
      {spec && (
        <defs>
          <pattern id={id} patternUnits="userSpaceOnUse" width={spec.size} height={spec.size}>
            <rect width={spec.size} height={spec.size} fill={cls.fill} />
            {spec.shapes.map((shape, i) => h(shape.tag, { key: i, ...shape.attrs }))}
          </pattern>
        </defs>
      )}
      <rect x="0.5" y="0.5" width="31" height="19" fill={spec ? `url(#${id})` : cls.fill} stroke="#2f3640" />
    </svg>
  );
}

/** The map's legend: colour and pattern of each class in words, how many municipalities fall in it, and how distance is measured. */
export function GapLegend({ thresholdKm, counts, format }: { thresholdKm: number; counts: Record<GapClassId, number>; format: MonitoringFormat }) {
  const t = useTexts(gapTexts);
  const label = useClassLabel(format);
  const [base] = useState(() => `mon-legend-${++legends}`);
  return (
    <div class="mon-legend">
      <p class="mon-legend-title" id={`${base}-title`}>
        {t('legendTitle')}
      </p>
      <ul aria-labelledby={`${base}-title`}>
        {gapClasses.map((cls) => (
          <li key={cls.id} data-class={cls.id}>
            <Swatch cls={cls} id={`${base}-${cls.id}`} />
            <span>
              {label(cls.id, thresholdKm)}{' '}
              <span class="mon-legend-count">
                ({counts[cls.id] === 1 ? t('legendCountOne') : t('legendCount', { count: counts[cls.id] })})
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p class="mon-legend-note">{t('legendNote')}</p>
    </div>
  );
}

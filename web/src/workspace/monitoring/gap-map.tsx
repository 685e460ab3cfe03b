import { useEffect, useRef, useState } from 'preact/hooks';
import type { GapsResponse } from '../../../../schema';
import type { AreaInfo, ChoroplethHandle } from '../../map/choropleth';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { useLoad } from '../lib/use-load';
import type { MonitoringFormat } from './format';
import { mapClasses, gapClassOf } from './gap-classes';
import { useClassLabel } from './gap-legend';
import { gapTexts } from './gap-texts';
import { monitoringApi } from './monitoring-api';

/** Outlines come per state, administrative region or district; a municipality (8 digits) takes its district's. */
function outlineKeyOf(region: string): string {
  return region.length === 8 ? region.slice(0, 5) : region;
}

interface Props {
  region: string;
  data: GapsResponse;
  /** The target group in words, for the map's accessible name. */
  groupLabel: string;
  format: MonitoringFormat;
}

/** The gap map: the region's municipalities filled by class. Leaflet arrives with the choropleth's lazy chunk. */
export function GapMap({ region, data, groupLabel, format }: Props) {
  const { clientConfig, i18n } = useWorkspace();
  const t = useTexts(gapTexts);
  const common = useTexts(commonTexts);
  const classLabel = useClassLabel(format);
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<ChoroplethHandle | null>(null);
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const outlines = useLoad(() => monitoringApi.municipalities(outlineKeyOf(region)), [region]);
  const configured = clientConfig !== null;

  useEffect(() => {
    if (!configured || !container.current) return;
    let cancelled = false;
    import('../../map/choropleth').then(
      ({ createChoropleth }) => {
        if (cancelled || !container.current) return;
        handle.current = createChoropleth({
          container: container.current,
          tiles: clientConfig?.tiles ?? null,
          outlines: { states: '/geo/laender.geojson', districts: '/geo/kreise.geojson' },
          labels: { map: t('mapLabel', { group: groupLabel }), zoomIn: i18n.t('mapZoomIn'), zoomOut: i18n.t('mapZoomOut'), close: t('closePopup') },
          classes: mapClasses,
          reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
        });
        setReady(true);
      },
      (error: unknown) => setLoadError(error instanceof Error ? error : new Error(String(error))),
    );
    // Printing lays the page out anew; the map must fit its printed box, and the screen again afterwards.
    const refit = () => handle.current?.refit();
    addEventListener('beforeprint', refit);
    addEventListener('afterprint', refit);
    return () => {
      cancelled = true;
      removeEventListener('beforeprint', refit);
      removeEventListener('afterprint', refit);
      handle.current?.destroy();
      handle.current = null;
      setReady(false);
    };
    // Built once per configuration; the areas and their classes reach the map through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configured]);

  useEffect(() => {
    container.current?.setAttribute('aria-label', t('mapLabel', { group: groupLabel }));
  }, [groupLabel]);

  useEffect(() => {
    if (!ready || !outlines.data) return;
    // Only the region's own municipalities (a municipality is drawn from its district's outlines).
    const features = outlines.data.features.filter((f) => f.properties.key.startsWith(region));
    handle.current?.setAreas(features.map((f) => ({ key: f.properties.key, name: f.properties.name, geometry: f.geometry })));
  }, [ready, outlines.data, region]);

  useEffect(() => {
    if (!ready) return;
    const info = new Map<string, AreaInfo>();
    for (const m of data.municipalities) {
      const classId = gapClassOf(m, data.thresholdKm);
      const population = m.population === null ? null : `${m.populationEstimated ? '≈ ' : ''}${format.integer(m.population)}`;
      info.set(m.key, {
        classId,
        lines: [
          m.name,
          t('popupClass', { label: classLabel(classId, data.thresholdKm) }),
          m.nearestKm === null ? t('popupNone') : t('popupNearest', { km: format.km(m.nearestKm) }),
          t('popupMatching', { count: m.matching }),
          ...(population ? [t('popupPopulation', { population })] : []),
        ],
      });
    }
    handle.current?.setInfo(info);
  }, [ready, data]);

  const error = loadError ?? outlines.error;
  return (
    <div class="mon-map-box">
      <div ref={container} class="mon-map" data-testid="gap-map" />
      {!error && (!ready || !outlines.data) && (
        <p class="mon-map-status" role="status">
          {t('mapLoading')}
        </p>
      )}
      {error && (
        <div class="error mon-map-status" role="alert">
          <p>{t('mapFailed', { message: error.message })}</p>
          {outlines.error && (
            <button type="button" class="secondary" onClick={outlines.reload}>
              {common('retry')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import type { PinPicker } from '../../map/pin-picker';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { providerTexts } from './texts';

interface Props {
  /** [lng, lat] */
  position: [number, number];
  onMove(position: [number, number]): void;
}

/** The site's position on a small map; Leaflet arrives with the pin picker's lazy chunk. */
export function PinMap({ position, onMove }: Props) {
  const { clientConfig, i18n } = useWorkspace();
  const t = useTexts(providerTexts);
  const container = useRef<HTMLDivElement>(null);
  const picker = useRef<PinPicker | null>(null);
  // The last position the map itself reported: handing it back to the map would only re-centre it.
  const fromMap = useRef<[number, number] | null>(null);
  const callbacks = useRef({ onMove });
  callbacks.current = { onMove };
  const ready = clientConfig !== null;

  useEffect(() => {
    if (!ready || !container.current) return;
    let cancelled = false;
    void import('../../map/pin-picker').then(({ createPinPicker }) => {
      if (cancelled || !container.current) return;
      picker.current = createPinPicker(container.current, {
        position,
        tiles: clientConfig?.tiles ?? null,
        outlines: { states: '/geo/laender.geojson', districts: '/geo/kreise.geojson' },
        labels: { map: t('mapLabel'), marker: t('markerLabel'), zoomIn: i18n.t('mapZoomIn'), zoomOut: i18n.t('mapZoomOut') },
        reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
        // Without tiles only the outlines are drawn: close enough to see the municipality's borders.
        zoom: clientConfig?.tiles ? 16 : 11,
        onMove: (next) => {
          fromMap.current = next;
          callbacks.current.onMove(next);
        },
      });
    });
    return () => {
      cancelled = true;
      picker.current?.destroy();
      picker.current = null;
    };
    // Built once per configuration; position changes reach the picker through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  useEffect(() => {
    const last = fromMap.current;
    if (last && last[0] === position[0] && last[1] === position[1]) return;
    picker.current?.setPosition(position);
  }, [position[0], position[1]]);

  return <div ref={container} class="ws-pin-map" />;
}

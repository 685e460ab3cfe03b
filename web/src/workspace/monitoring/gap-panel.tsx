import type { Ref } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import type { GapsResponse, TargetGroup } from '../../../../schema';
import { LoadState } from '../components/load-state';
import { useWorkspace } from '../context';
import { useTexts } from '../i18n/text';
import { monitoringFormat } from './format';
import { gapClassIds, gapClassOf, type GapClassId } from './gap-classes';
import { GapLegend } from './gap-legend';
import { GapMap } from './gap-map';
import { GapSummary, RankedTable, SettlementTable } from './gap-tables';
import { gapTexts } from './gap-texts';
import { monitoringApi } from './monitoring-api';
import { gapsQuery, type MonitoringState } from './monitoring-state';
import { TargetGroupForm, describeGroup } from './target-group';
import { monitoringTexts } from './texts';
import { useQueryLoad } from './use-query-load';

export function classCounts(data: GapsResponse): Record<GapClassId, number> {
  const counts = Object.fromEntries(gapClassIds.map((id) => [id, 0])) as Record<GapClassId, number>;
  for (const m of data.municipalities) counts[gapClassOf(m, data.thresholdKm)]++;
  return counts;
}

/** The gaps of one target group: the form to change it, summary, map with legend, ranked list, town and country. */
export function GapPanel(props: {
  /** "a" or "b": field ids and the test id. */
  id: 'a' | 'b';
  state: MonitoringState;
  group: TargetGroup;
  /** 1 or 2 when two groups are compared; null for a single group. */
  number: 1 | 2 | null;
  onGroupChange(next: TargetGroup): void;
  onRegionName(name: string): void;
  headingRef?: Ref<HTMLHeadingElement>;
  onEnd?: () => void;
}) {
  const { id, state, group, number } = props;
  const { lang, i18n } = useWorkspace();
  const t = useTexts(gapTexts);
  const mt = useTexts(monitoringTexts);
  const format = useMemo(() => monitoringFormat(lang), [lang]);
  const query = gapsQuery(state, group);
  const gaps = useQueryLoad(query.toString(), () => monitoringApi.gaps(query));
  const label = describeGroup(group, i18n, mt);
  const groupTitle = number === null ? mt('targetGroup') : mt('targetGroupNumbered', { n: number });

  useEffect(() => {
    if (gaps.data?.region) props.onRegionName(gaps.data.region.name);
  }, [gaps.data]);

  return (
    <section class="mon-panel" aria-labelledby={`${id}-heading`} data-testid={`gap-panel-${id}`}>
      <h2 id={`${id}-heading`} ref={props.headingRef} tabIndex={-1}>
        {groupTitle}: {label}
      </h2>
      <TargetGroupForm id={id} legend={groupTitle} value={group} onChange={props.onGroupChange} />
      {props.onEnd && (
        <p class="mon-no-print">
          <button type="button" class="secondary" onClick={props.onEnd}>
            {t('endCompare')}
          </button>
        </p>
      )}
      <div class="mon-results" aria-busy={gaps.loading ? 'true' : 'false'}>
        <LoadState loaded={gaps}>
          {(data) =>
            data.municipalities.length === 0 ? (
              <p>{t('noMunicipalities')}</p>
            ) : (
              <>
                {data.municipalities.every((m) => m.nearestKm === null) && <p class="ws-notice">{t('nothingMatches')}</p>}
                <GapSummary data={data} format={format} />
                <section class="mon-map-section">
                  <h3>{t('mapTitle')}</h3>
                  {state.region && <GapMap region={state.region} data={data} groupLabel={label} format={format} />}
                  <GapLegend thresholdKm={data.thresholdKm} counts={classCounts(data)} format={format} />
                  <p class="hint mon-no-print">{t('mapTableHint')}</p>
                </section>
                <section class="mon-ranked-section">
                  <h3>{t('tableTitle')}</h3>
                  <RankedTable id={id} data={data} format={format} />
                </section>
                <SettlementTable id={id} data={data} format={format} />
              </>
            )
          }
        </LoadState>
      </div>
    </section>
  );
}

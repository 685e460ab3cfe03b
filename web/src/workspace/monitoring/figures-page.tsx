import { useState } from 'preact/hooks';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { ExportLinks } from './export-links';
import { figureTexts } from './figure-texts';
import { FiguresView } from './figures-view';
import { MonitoringNav } from './monitoring-nav';
import { RegionPicker } from './region-picker';
import { TargetGroupForm, describeGroup } from './target-group';
import { monitoringTexts } from './texts';
import { useMonitoring } from './use-monitoring';

/** `/auswertung/zahlen`: the figures for the Bildungskonferenz, region against state and country. */
export function FiguresPage() {
  const { i18n } = useWorkspace();
  const t = useTexts(figureTexts);
  const mt = useTexts(monitoringTexts);
  const common = useTexts(commonTexts);
  const monitoring = useMonitoring();
  const { state, update } = monitoring;
  const [regionName, setRegionName] = useState<string | undefined>(undefined);

  return (
    <Page title={t('title')} wide>
      <MonitoringNav monitoring={monitoring} />
      <p>{t('intro')}</p>
      <p class="hint">{mt('publicNote')}</p>
      <div class="mon-settings">
        <RegionPicker
          region={state.region}
          name={regionName}
          onChange={(region) => {
            setRegionName(undefined);
            update({ ...state, region });
          }}
        />
      </div>
      {monitoring.deciding ? (
        <p role="status">{common('loading')}</p>
      ) : !state.region ? (
        <p class="ws-notice">{mt('chooseRegion')}</p>
      ) : (
        <>
          <TargetGroupForm id="a" legend={mt('targetGroup')} value={state.a} onChange={(a) => update({ ...state, a })} />
          <p class="mon-group-line">
            {mt('targetGroup')}: {describeGroup(state.a, i18n, mt)}
          </p>
          <FiguresView state={state} group={state.a} onRegionName={setRegionName} />
          <ExportLinks state={state} groups={[{ group: state.a, label: describeGroup(state.a, i18n, mt) }]} />
        </>
      )}
    </Page>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_GAP_THRESHOLD_KM } from '../../../../schema';
import { Page } from '../components/page';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { paths } from '../lib/paths';
import { ExportLinks } from './export-links';
import { GapPanel } from './gap-panel';
import { gapTexts } from './gap-texts';
import { MonitoringNav } from './monitoring-nav';
import { MIN_THRESHOLD_KM } from './monitoring-state';
import { RegionPicker } from './region-picker';
import { describeGroup } from './target-group';
import { monitoringTexts } from './texts';
import { useMonitoring } from './use-monitoring';

/** The distance threshold in km (1–100), applied when the field is left or Enter is pressed. */
function ThresholdField({ value, onChange }: { value: number; onChange(km: number): void }) {
  const t = useTexts(gapTexts);
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(String(value));
    setInvalid(false);
  }, [value]);
  const commit = () => {
    const km = Number(text.replace(',', '.'));
    const ok = text.trim() !== '' && Number.isFinite(km) && km >= MIN_THRESHOLD_KM && km <= MAX_GAP_THRESHOLD_KM;
    setInvalid(!ok);
    if (ok && km !== value) onChange(km);
  };
  return (
    <form
      class="field mon-threshold"
      onSubmit={(e) => {
        e.preventDefault();
        commit();
      }}
    >
      <label for="f-threshold">{t('threshold')}</label>
      <input
        id="f-threshold"
        // Text, not number: a number field hands "7,5" over as "75" in some locales, and the comma is how
        // German readers write a decimal; the value is checked on commit.
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'f-threshold-hint f-threshold-error' : 'f-threshold-hint'}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={commit}
      />
      <p class="hint" id="f-threshold-hint">
        {t('thresholdHint')}
      </p>
      {invalid && (
        <p class="field-error" id="f-threshold-error">
          {t('thresholdError')}
        </p>
      )}
    </form>
  );
}

/** `/auswertung`: how well each municipality of a region is served for one or two target groups. */
export function GapsPage() {
  const { i18n } = useWorkspace();
  const t = useTexts(gapTexts);
  const mt = useTexts(monitoringTexts);
  const common = useTexts(commonTexts);
  const monitoring = useMonitoring();
  const { state, update } = monitoring;
  const [regionName, setRegionName] = useState<string | undefined>(undefined);
  const secondHeading = useRef<HTMLHeadingElement>(null);
  const compareButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef<'second' | 'button' | null>(null);

  // After adding the second group its heading takes the focus (that is where the new content starts); after
  // ending the comparison, the button that brings it back.
  useEffect(() => {
    if (moveFocus.current === 'second' && state.b) secondHeading.current?.focus();
    if (moveFocus.current === 'button' && !state.b) compareButton.current?.focus();
    moveFocus.current = null;
  });

  const groups = [{ group: state.a, label: describeGroup(state.a, i18n, mt) }];
  if (state.b) groups.push({ group: state.b, label: describeGroup(state.b, i18n, mt) });

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
        <ThresholdField value={state.thresholdKm} onChange={(thresholdKm) => update({ ...state, thresholdKm })} />
        {state.region && !state.b && (
          <p class="mon-compare">
            <button
              ref={compareButton}
              type="button"
              class="secondary"
              onClick={() => {
                moveFocus.current = 'second';
                update({ ...state, b: {} });
              }}
            >
              {t('compare')}
            </button>
          </p>
        )}
      </div>
      {monitoring.deciding ? (
        <p role="status">{common('loading')}</p>
      ) : !state.region ? (
        <p class="ws-notice">{mt('chooseRegion')}</p>
      ) : (
        <>
          <div class={state.b ? 'mon-columns mon-columns--two' : 'mon-columns'}>
            <GapPanel
              id="a"
              state={state}
              group={state.a}
              number={state.b ? 1 : null}
              onGroupChange={(a) => update({ ...state, a })}
              onRegionName={setRegionName}
            />
            {state.b && (
              <GapPanel
                id="b"
                state={state}
                group={state.b}
                number={2}
                headingRef={secondHeading}
                onGroupChange={(b) => update({ ...state, b })}
                onRegionName={setRegionName}
                onEnd={() => {
                  moveFocus.current = 'button';
                  update({ ...state, b: null });
                }}
              />
            )}
          </div>
          <p class="mon-no-print">
            <a href={monitoring.linkTo(paths.report)}>{t('toReport')}</a>
          </p>
          <ExportLinks state={state} groups={groups} />
        </>
      )}
    </Page>
  );
}

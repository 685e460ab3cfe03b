import { useState } from 'preact/hooks';
import type { GapMunicipality, GapSummaryRow, GapsResponse } from '../../../../schema';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { shareOf, type MonitoringFormat } from './format';
import { gapTexts } from './gap-texts';
import { TableWrap } from './table-wrap';

/** How many of the worst-served municipalities the list shows before "show all". */
export const RANKED_ROWS = 15;

type Heading = 'h2' | 'h3';

function withShare(format: MonitoringFormat, count: number, total: number): string {
  const share = shareOf(count, total);
  return share === null ? format.integer(count) : `${format.integer(count)} (${format.percent(share)})`;
}

function Median({ row, format }: { row: GapSummaryRow; format: MonitoringFormat }) {
  const common = useTexts(commonTexts);
  return <>{row.medianNearestKm === null ? common('none') : format.km(row.medianNearestKm)}</>;
}

/** Served and unserved municipalities and people, matching offerings and the median distance. */
export function GapSummary({ data, format, Heading = 'h3', title }: { data: GapsResponse; format: MonitoringFormat; Heading?: Heading; title?: string }) {
  const t = useTexts(gapTexts);
  const common = useTexts(commonTexts);
  const s = data.summary;
  return (
    <section class="mon-summary">
      <Heading>{title ?? t('summaryTitle')}</Heading>
      <dl class="ws-facts mon-facts">
        <dt>{t('municipalities')}</dt>
        <dd>{format.integer(s.municipalities)}</dd>
        <dt>{t('served', { km: format.distance(data.thresholdKm) })}</dt>
        <dd>{withShare(format, s.served, s.municipalities)}</dd>
        <dt>{t('unserved')}</dt>
        <dd>{withShare(format, s.unserved, s.municipalities)}</dd>
        <dt>{t('populationUnserved')}</dt>
        <dd>{withShare(format, s.populationUnserved, s.population)}</dd>
        <dt>{t('matching')}</dt>
        <dd>{format.integer(s.matching)}</dd>
        <dt>{t('perThousand')}</dt>
        <dd>{s.perThousand === null ? common('none') : format.rate(s.perThousand)}</dd>
        <dt>{t('median')}</dt>
        <dd>
          <Median row={s} format={format} />
          {s.medianNearestKm !== null && ' km'}
        </dd>
      </dl>
    </section>
  );
}

function PopulationCell({ m, format }: { m: GapMunicipality; format: MonitoringFormat }) {
  const common = useTexts(commonTexts);
  if (m.population === null) return <td class="mon-num">{common('none')}</td>;
  return (
    <td class="mon-num">
      {m.populationEstimated && '≈ '}
      {format.integer(m.population)}
    </td>
  );
}

/**
 * The municipalities, worst served first (the API's order), with everything the map shows: the table is how
 * keyboard and screen reader users read the map.
 */
export function RankedTable({
  id, data, format, limit = RANKED_ROWS, rows, expandable = true,
}: { id: string; data: GapsResponse; format: MonitoringFormat; limit?: number; rows?: GapMunicipality[]; expandable?: boolean }) {
  const t = useTexts(gapTexts);
  const common = useTexts(commonTexts);
  const [all, setAll] = useState(false);
  const list = rows ?? data.municipalities;
  const shown = all ? list : list.slice(0, limit);
  const rank = new Map(data.municipalities.map((m, i) => [m.key, i + 1]));
  const estimated = shown.some((m) => m.populationEstimated && m.population !== null);
  return (
    <>
      <TableWrap captionId={`${id}-ranked-caption`}>
        <table class="ws-table mon-table mon-ranked" data-testid="gap-table">
          <caption id={`${id}-ranked-caption`}>{t('tableCaption', { shown: shown.length, count: list.length })}</caption>
          <thead>
            <tr>
              <th scope="col" class="mon-num">{t('rank')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col" class="mon-num">{t('population')}</th>
              <th scope="col" class="mon-num">{t('matchingShort')}</th>
              <th scope="col" class="mon-num">{t('perThousandShort')}</th>
              <th scope="col" class="mon-num">{t('nearest')}</th>
              <th scope="col">{t('servedShort')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.key} data-key={m.key} class={m.served ? undefined : 'mon-unserved'}>
                <td class="mon-num">{rank.get(m.key)}</td>
                <th scope="row">{m.name}</th>
                <PopulationCell m={m} format={format} />
                <td class="mon-num">{format.integer(m.matching)}</td>
                <td class="mon-num">{m.perThousand === null ? common('none') : format.rate(m.perThousand)}</td>
                <td class="mon-num">{m.nearestKm === null ? t('nothing') : format.km(m.nearestKm)}</td>
                <td>{m.served ? common('yes') : common('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {estimated && <p class="hint mon-footnote">{t('estimatedNote')}</p>}
      {expandable && list.length > limit && (
        <p class="mon-no-print">
          <button type="button" class="secondary" onClick={() => setAll(!all)}>
            {all ? t('showFewer', { count: limit }) : t('showAll', { count: list.length })}
          </button>
        </p>
      )}
    </>
  );
}

/** The urban/rural contrast: the same figures per settlement type. */
export function SettlementTable({ id, data, format, Heading = 'h3' }: { id: string; data: GapsResponse; format: MonitoringFormat; Heading?: Heading }) {
  const t = useTexts(gapTexts);
  const common = useTexts(commonTexts);
  const rows = data.summary.bySettlement;
  return (
    <section class="mon-settlement">
      <Heading>{t('settlementTitle')}</Heading>
      {rows.length === 0 ? (
        <p>{t('settlementNone')}</p>
      ) : (
        <>
          {rows.length === 1 && <p>{t('settlementSingle')}</p>}
          <TableWrap captionId={`${id}-settlement-caption`}>
            <table class="ws-table mon-table" data-testid="settlement-table">
              <caption id={`${id}-settlement-caption`}>{t('settlementCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settlementType')}</th>
                  <th scope="col" class="mon-num">{t('municipalities')}</th>
                  <th scope="col" class="mon-num">{t('unservedCount')}</th>
                  <th scope="col" class="mon-num">{t('populationUnserved')}</th>
                  <th scope="col" class="mon-num">{t('perThousandShort')}</th>
                  <th scope="col" class="mon-num">{t('medianShort')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.settlement}>
                    <th scope="row">{t(`settlement_${row.settlement}`)}</th>
                    <td class="mon-num">{format.integer(row.municipalities)}</td>
                    <td class="mon-num">{withShare(format, row.unserved, row.municipalities)}</td>
                    <td class="mon-num">{withShare(format, row.populationUnserved, row.population)}</td>
                    <td class="mon-num">{row.perThousand === null ? common('none') : format.rate(row.perThousand)}</td>
                    <td class="mon-num">{row.medianNearestKm === null ? common('none') : format.km(row.medianNearestKm)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="hint">{t('settlementNote')}</p>
        </>
      )}
    </section>
  );
}

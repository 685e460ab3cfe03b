import type { FigureSet } from '../../../../schema';
import { commonTexts } from '../i18n/common-texts';
import { ensureChartsCss } from './charts-css';
import { useTexts } from '../i18n/text';
import { figureTexts } from './figure-texts';
import { shareOf, type MonitoringFormat } from './format';
import type { FigureRow } from './figure-sections';
import { TableWrap } from './table-wrap';

interface Props {
  id: string;
  title: string;
  note?: string;
  rows: FigureRow[];
  sets: FigureSet[];
  format: MonitoringFormat;
  Heading?: 'h2' | 'h3';
}

/** The longest bar takes this much of the width, leaving room for its label outside the bar. */
const LONGEST_BAR = 0.8;

/**
 * One figure: a bar chart (charts.css, built from a <table>) and the same numbers as a plain table beside it.
 *
 * Screen readers get the numbers once, from the plain table: the chart is aria-hidden. charts.css restyles
 * every part of its table as blocks and flex boxes, which makes some browsers (Safari, older Chromium) drop the
 * table semantics, and its bars carry only the shares; the plain table has a caption, header cells with scope,
 * and counts as well as shares. People who look get both, side by side.
 */
export function FigureChart({ id, title, note, rows, sets, format, Heading = 'h2' }: Props) {
  ensureChartsCss();
  const t = useTexts(figureTexts);
  const common = useTexts(commonTexts);
  const shares = rows.map((row) => row.counts.map((count, i) => shareOf(count, sets[i]?.total ?? 0)));
  const largest = Math.max(0, ...shares.flat().map((s) => s ?? 0));
  const percent = (share: number | null) => (share === null ? common('none') : format.percent(share));
  return (
    <section class="mon-figure" aria-labelledby={`figure-${id}-title`} data-section={id}>
      <Heading id={`figure-${id}-title`}>{title}</Heading>
      {note && <p class="hint">{note}</p>}
      <div class="mon-figure-body">
        <div class="mon-chart" aria-hidden="true">
          <ul class="mon-chart-legend">
            {sets.map((set) => (
              <li key={set.scope}>
                <span class={`mon-chart-swatch mon-chart-swatch--${set.scope}`} />
                {set.scope === 'country' ? t('country') : set.name}
              </li>
            ))}
          </ul>
          <table
            class="charts-css bar multiple show-labels data-outside datasets-spacing-1 mon-chart-table"
            style={{ '--rows': rows.length, '--sets': sets.length }}
          >
            <tbody>
              {rows.map((row, r) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {sets.map((set, i) => {
                    const share = shares[r]?.[i] ?? null;
                    const size = largest > 0 && share !== null ? (share / largest) * LONGEST_BAR : 0;
                    return (
                      <td key={set.scope} class={`mon-bar--${set.scope}`} style={{ '--size': size.toFixed(4) }}>
                        <span class="data">{percent(share)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <TableWrap captionId={`figure-${id}-caption`}>
          <table class="ws-table mon-table mon-figure-table" data-testid={`figure-table-${id}`}>
            <caption id={`figure-${id}-caption`}>{t('caption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('item')}
                </th>
                {sets.map((set) => (
                  <th key={set.scope} scope="colgroup" colSpan={2}>
                    {set.scope === 'country' ? t('country') : set.name}
                  </th>
                ))}
              </tr>
              <tr>
                {sets.flatMap((set) => [
                  <th key={`${set.scope}-count`} scope="col" class="mon-num">
                    {t('count')}
                  </th>,
                  <th key={`${set.scope}-share`} scope="col" class="mon-num">
                    {t('share')}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={row.id} data-row={row.id}>
                  <th scope="row">{row.label}</th>
                  {sets.flatMap((set, i) => [
                    <td key={`${set.scope}-count`} class="mon-num" data-scope={set.scope}>
                      {format.integer(row.counts[i] ?? 0)}
                    </td>,
                    <td key={`${set.scope}-share`} class="mon-num">
                      {percent(shares[r]?.[i] ?? null)}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
    </section>
  );
}

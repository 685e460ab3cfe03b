import type { FieldChangeOut, Location } from '../../../../schema';
import { useWorkspace } from '../context';
import { commonTexts } from '../i18n/common-texts';
import { useTexts } from '../i18n/text';
import { offeringTexts } from '../offering-form/texts';
import { FIELD_ORDER, fieldLabel, formatValue } from './field-values';
import { reviewTexts } from './texts';

/** A site a revision moves the entry to, with its municipality's name. */
export interface ProposedSite {
  location: Location;
  municipality: string;
}

const address = (site: Location) => [site.name, `${site.street}, ${site.postcode} ${site.city}`].filter(Boolean).join(' – ');

function useFormatter(location: Location, proposed: ProposedSite | null) {
  const { i18n } = useWorkspace();
  const t = useTexts(offeringTexts);
  const c = useTexts(commonTexts);
  // The API names the current and the proposed site; any other id (none expected) stays a number.
  const siteName = (id: number) =>
    id === location.id
      ? address(location)
      : proposed && id === proposed.location.id
        ? `${address(proposed.location)} (${proposed.municipality})`
        : `#${id}`;
  return {
    label: (field: string) => fieldLabel(field, t),
    value: (field: string, value: unknown) => formatValue(field, value, { i18n, t, yes: c('yes'), no: c('no'), none: c('none'), siteName }),
  };
}

/** What an edit changes, field by field: old and new value side by side, in words. */
export function DiffTable({ diff, location, proposed }: { diff: FieldChangeOut[]; location: Location; proposed: ProposedSite | null }) {
  const r = useTexts(reviewTexts);
  const format = useFormatter(location, proposed);
  if (diff.length === 0) return <p>{r('noDiff')}</p>;
  const rows = [...diff].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  return (
    <div class="ws-table-wrap" tabIndex={0} role="region" aria-labelledby="diff-caption">
      <table class="ws-table ws-diff">
        <caption id="diff-caption">{r('diffCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{r('colField')}</th>
            <th scope="col">{r('colOld')}</th>
            <th scope="col">{r('colNew')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">{format.label(row.field)}</th>
              <td class="ws-old">{format.value(row.field, row.old)}</td>
              <td class="ws-new">{format.value(row.field, row.new)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A new entry has nothing to compare with: all its fields, as they would be published. */
export function FieldsTable({ fields, location }: { fields: Record<string, unknown>; location: Location }) {
  const r = useTexts(reviewTexts);
  const format = useFormatter(location, null);
  return (
    <div class="ws-table-wrap" tabIndex={0} role="region" aria-labelledby="fields-caption">
      <table class="ws-table">
        <caption id="fields-caption">{r('fieldsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{r('colField')}</th>
            <th scope="col">{r('colValue')}</th>
          </tr>
        </thead>
        <tbody>
          {FIELD_ORDER.filter((f) => f in fields).map((field) => (
            <tr key={field}>
              <th scope="row">{format.label(field)}</th>
              <td>{format.value(field, fields[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

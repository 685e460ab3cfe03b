// The district the demo coordinator looks after. It has to show what the monitoring pages are for: a gap map
// needs a Landkreis of many municipalities (a district-free city is one area), and the duplicate page needs
// enough offerings for re-entries and parallel programmes. The generator plants some of those there, and
// the demo accounts (seed/demo-accounts.ts) pick the same district from the database: both call this.

/** A district with at least this many municipalities is the kind of Landkreis a gap map is made for. */
export const SHOWCASE_MIN_MUNICIPALITIES = 20;

/**
 * Of the districts with at least 20 municipalities, the one with the most published offerings (ties: the
 * lower key); when no such district has any, the district with the most published offerings. Null when
 * nothing is published.
 *
 * @param published published offerings per district key (5 digits), counted where they take place
 * @param municipalities municipalities per district key
 */
export function showcaseDistrict(published: ReadonlyMap<string, number>, municipalities: ReadonlyMap<string, number>): string | null {
  const best = (accept: (key: string) => boolean): string | null => {
    let found: string | null = null;
    let most = 0;
    for (const [key, count] of published) {
      if (!accept(key) || count <= 0) continue;
      if (count > most || (count === most && found !== null && key < found)) {
        found = key;
        most = count;
      }
    }
    return found;
  };
  return best((key) => (municipalities.get(key) ?? 0) >= SHOWCASE_MIN_MUNICIPALITIES) ?? best(() => true);
}

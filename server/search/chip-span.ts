import type { ChipFilters, Label, QueryChip } from '../../schema';

/** A chip found at [start, end) of the query; `cut` is where its removal starts (a preposition before it). */
export interface ChipSpan {
  kind: QueryChip['kind'];
  start: number;
  end: number;
  cut: number;
  cutEnd: number;
  text: string;
  label: Label;
  apply: ChipFilters;
}

import { useEffect } from 'preact/hooks';
import type { RegionLevel } from '../../../../schema';
import { RegionField } from './region-field';
import { useForm } from './use-form';

interface Props {
  region: string | null;
  /** The region's name once an answer brought it (the field shows names, never keys). */
  name: string | undefined;
  onChange(region: string): void;
  /** The levels that may be picked. */
  levels: readonly RegionLevel[];
  label: string;
  hint: string;
  emptyText: string;
  listLabel: string;
}

/**
 * A region picked by name from the suggestions, reported at once (no submit): for pages that show one
 * region at a time (monitoring, duplicate structures).
 */
export function RegionChoice({ region, name, onChange, levels, label, hint, emptyText, listLabel }: Props) {
  const form = useForm<{ region: string }>({ region: region ?? '' }, () => ({}));
  const picked = form.values.region;
  useEffect(() => {
    // Typing clears the key; only a region picked from the list counts.
    if (picked && picked !== region) onChange(picked);
  }, [picked]);
  return (
    <RegionField
      form={form}
      name="region"
      label={label}
      hint={hint}
      initialText={name}
      accept={(match) => levels.includes(match.level)}
      emptyText={emptyText}
      listLabel={listLabel}
    />
  );
}

/** A JSON array or object with one entry per line: compact, yet diffs line by line. */
export function jsonLines(entries: unknown[] | Record<string, unknown>): string {
  if (Array.isArray(entries)) return `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
  // Sorted here: objects keep integer-like keys ("10115") ahead of the others ("01067").
  const lines = Object.entries(entries)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

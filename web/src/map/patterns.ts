/**
 * Fill patterns for areas on a map and their legend. A choropleth that told its classes apart by colour alone
 * would fail people who do not see those colours (and every grey-scale printout), so each class also has a
 * pattern of its own: plain, dots, diagonal lines, crossed lines, horizontal lines. Described as data, so the
 * map (choropleth.ts builds SVG <pattern> elements from it) and a legend drawn by Preact render exactly the same
 * shapes. No Leaflet and no DOM here: the page's chunk computes the specs and hands them to the map's chunk,
 * which therefore imports nothing from the page's chunk.
 */

export type PatternKind = 'solid' | 'dots' | 'diagonal' | 'cross' | 'horizontal';

export interface PatternShape {
  tag: 'circle' | 'path';
  attrs: Record<string, string | number>;
}

/** One tile of the pattern (size × size user units), drawn over the fill colour. */
export interface PatternSpec {
  size: number;
  shapes: PatternShape[];
}

/** The shapes of a pattern in the colour `ink`; null for a plain fill. */
export function patternSpec(kind: PatternKind, ink: string): PatternSpec | null {
  const line = { fill: 'none', stroke: ink, 'stroke-width': 1.6, 'stroke-linecap': 'square' };
  switch (kind) {
    case 'solid':
      return null;
    case 'dots':
      return { size: 7, shapes: [{ tag: 'circle', attrs: { cx: 3.5, cy: 3.5, r: 1.5, fill: ink } }] };
    case 'diagonal':
      // Drawn past the tile's corners so neighbouring tiles join into unbroken lines.
      return { size: 8, shapes: [{ tag: 'path', attrs: { ...line, d: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4' } }] };
    case 'cross':
      return {
        size: 8,
        shapes: [{ tag: 'path', attrs: { ...line, 'stroke-width': 1.3, d: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4 M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4' } }],
      };
    case 'horizontal':
      return { size: 6, shapes: [{ tag: 'path', attrs: { ...line, 'stroke-width': 1.4, d: 'M0,3 h6' } }] };
  }
}

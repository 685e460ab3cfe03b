// charts.css 1.2 ships @property rules without an initial-value (e.g. `@property --color { syntax: "<color>";
// inherits: true }`). Browsers ignore such rules, but lightningcss, Vite's CSS minifier, rejects them and fails
// the build when the file is imported as CSS. So the stylesheet is taken as it ships (`?raw`, a string in this
// lazy chunk, about 6 kB gzip as planned) and added once, when the first chart renders.
import chartsCss from 'charts.css/dist/charts.min.css?raw';

let added = false;

/** Adds charts.css to the page, first in the cascade, so the page's own rules win where they differ. */
export function ensureChartsCss(): void {
  if (added || typeof document === 'undefined') return;
  added = true;
  const style = document.createElement('style');
  style.setAttribute('data-source', 'charts.css');
  style.textContent = chartsCss;
  document.head.prepend(style);
}

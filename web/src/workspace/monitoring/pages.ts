// The public monitoring pages: one lazy chunk (see workspace-app.tsx). Leaflet is not part of it: the gap map
// loads the choropleth (and with it Leaflet) with import() once a map is on screen.
import './monitoring.css';

export { FiguresPage } from './figures-page';
export { GapsPage } from './gaps-page';
export { ReportPage } from './report-page';

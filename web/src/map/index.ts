// Import this entry with `import()` only: it pulls in Leaflet. Types are safe to import statically from './types'.
export { createMap } from './map-adapter';
export type { MapHandle, MapLabels, MapOptions, MapView } from './types';

import {
  zFiguresResponse, zGapsResponse, zMunicipalityOutlines, type FiguresResponse, type GapsResponse,
  type MunicipalityOutlines,
} from '../../../../schema';
import { request } from '../api/http';

// The monitoring API: public GETs (aggregates of public data), so no CSRF token and no session needed.
// Answers are parsed with the shared schemas, like every other workspace request.

/** Outlines change only with new reference data: one request per region and visit is enough. */
const outlines = new Map<string, Promise<MunicipalityOutlines>>();

export type ExportFormat = 'csv' | 'geojson';

export const monitoringApi = {
  gaps: (query: URLSearchParams): Promise<GapsResponse> => request(`/api/gaps?${query.toString()}`, zGapsResponse),

  figures: (query: URLSearchParams): Promise<FiguresResponse> =>
    request(`/api/figures?${query.toString()}`, zFiguresResponse),

  /** The municipalities of a state (2-digit key) or district (5 digits) as a GeoJSON FeatureCollection. */
  municipalities(regionKey: string): Promise<MunicipalityOutlines> {
    let pending = outlines.get(regionKey);
    if (!pending) {
      pending = request(`/api/regions/${encodeURIComponent(regionKey)}/municipalities`, zMunicipalityOutlines);
      // A failure is not kept: "try again" must ask again.
      pending.catch(() => outlines.delete(regionKey));
      outlines.set(regionKey, pending);
    }
    return pending;
  },

  /** A plain download link: the offerings of the region and target group as CSV or GeoJSON. */
  exportUrl: (format: ExportFormat, query: URLSearchParams): string => `/api/offerings.${format}?${query.toString()}`,
};

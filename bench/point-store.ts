import { accessFeatures, categories, costs, formalities, languages, phases, type OfferingFilters } from '../schema';
import type { PointRow } from '../server/repos/offerings-repo';
import { PointStore } from '../server/search/point-store';

// `npx tsx bench/point-store.ts [count]`: the map points' in-memory part alone (build, select, encode) over
// synthetic rows, without HTTP, Meilisearch or SQLite, to compare changes to the point store. Not part of
// `npm test`.

const count = Number(process.argv[2] ?? 100_000);

/** A small deterministic generator (mulberry32), so runs compare the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(1);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
const some = (list: readonly { id: string }[], max: number) =>
  [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(list).id))];

const rows: PointRow[] = Array.from({ length: count }, (_, i) => {
  const minAge = Math.floor(rnd() * 20);
  return {
    id: i + 1,
    categories: some(categories, 3),
    phases: some(phases, 3),
    access: some(accessFeatures, 4),
    languages: some(languages, 3),
    formality: pick(formalities).id,
    cost: pick(costs).id,
    but: rnd() < 0.3,
    minAge,
    maxAge: minAge + Math.floor(rnd() * 60),
    seeksVolunteers: rnd() < 0.2,
    lastConfirmedAt: new Date(Date.UTC(2024, 0, 1) + rnd() * 4e10).toISOString(),
    regionKey: String(1_000_000 + Math.floor(rnd() * 15_000_000)).padStart(8, '0'),
    lat: 47.3 + rnd() * 7.7,
    lng: 5.9 + rnd() * 9.1,
  } as PointRow;
});

const queries: [string, OfferingFilters][] = [
  ['none', {}],
  ['category+lang', { category: ['tutoring', 'stem'], lang: ['ar', 'uk'] }],
  ['access (all of 2)', { access: ['wheelchair_yes', 'public_transport'] }],
  ['age+cost+but', { age: 9, cost: ['free'], but: true }],
  ['near 30 km', { near: { lat: 50.94, lng: 6.96 }, radius: 30 }],
  ['bbox+phase', { bbox: { west: 8, south: 48, east: 10, north: 50 }, phase: ['secondary_school'] }],
];

function median(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const build = median(5, () => new PointStore(rows));
const store = new PointStore(rows);
console.log(`${count.toLocaleString('en')} points — build ${build.toFixed(1)} ms (median of 5)`);
let selectSum = 0;
let allSum = 0;
for (const [name, filters] of queries) {
  let n = 0;
  const select = median(31, () => {
    n = store.select(filters, 10).length;
  });
  const all = median(31, () => JSON.stringify(store.encode(store.select(filters, 10))));
  selectSum += select;
  allSum += all;
  console.log(`${name.padEnd(20)} ${String(n).padStart(7)} points  select ${select.toFixed(2).padStart(6)} ms  select+encode+JSON ${all.toFixed(2).padStart(6)} ms`);
}
console.log(`sum of medians: select ${selectSum.toFixed(2)} ms, select+encode+JSON ${allSum.toFixed(2)} ms`);

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BundleSizes {
  /** What index.html loads before anything else: its scripts, stylesheets and module preloads. */
  initial: AssetSize[];
  /** Every file under dist/ (including lazily loaded chunks, images and data). */
  all: AssetSize[];
}

function measure(distDir: string, file: string): AssetSize {
  const bytes = readFileSync(join(distDir, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The local files index.html references with <script src> and <link href> (stylesheet, modulepreload). */
export function initialFiles(html: string): string[] {
  const files = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) files.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\b(stylesheet|modulepreload)\b/.test(rel)) files.add(href);
  }
  return [...files].filter((f) => !/^(https?:)?\/\//.test(f)).map((f) => f.replace(/^\//, ''));
}

export function bundleSizes(distDir = resolve('web/dist')): BundleSizes {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  return {
    initial: initialFiles(html).map((file) => measure(distDir, file)),
    all: walk(distDir).map((path) => measure(distDir, relative(distDir, path))),
  };
}

export const sum = (sizes: AssetSize[], key: 'raw' | 'gzip' | 'brotli') => sizes.reduce((n, s) => n + s[key], 0);

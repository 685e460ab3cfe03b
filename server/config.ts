import { z } from 'zod';
import { resolve } from 'node:path';

const zPort = z.coerce.number().int().min(0).max(65535);

/** Every setting of the server, read from the environment once at start and passed down from there. */
export const zConfig = z.object({
  PORT: zPort.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data').transform((dir) => resolve(dir)),
  /** An existing Meilisearch to use; when absent, the bundled binary is started under DATA_DIR. */
  MEILI_URL: z.url({ protocol: /^https?$/, error: 'MEILI_URL must be an http(s) URL, e.g. http://127.0.0.1:7700' }).optional(),
  MEILI_MASTER_KEY: z.string().min(16, 'MEILI_MASTER_KEY must have at least 16 characters').optional(),
  /** Prefix for index names, so several directories (or test runs) can share one Meilisearch. */
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]{0,40}$/, 'letters, digits, - and _ only').default(''),
  /** How long a request to Meilisearch may take before it counts as an outage (503 with Retry-After). */
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(100, 'MEILI_TIMEOUT_MS must be at least 100').max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` for people at a terminal, `json` for log collectors; `auto` picks by whether stdout is a terminal. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** How many demo offerings to create when the database is empty; 0 starts with an empty directory. */
  SEED_COUNT: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  SEED: z.coerce.number().int().default(1),
  /** Requests per minute and client address on the public API. */
  RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** Map tiles as an {z}/{x}/{y} URL template, or `none` for a map of bundled outlines only. */
  TILE_URL: z
    .string()
    .refine((v) => v === 'none' || (/^https?:\/\//.test(v) && ['{z}', '{x}', '{y}'].every((p) => v.includes(p))), {
      message: 'TILE_URL must be an http(s) URL template with {z}, {x} and {y}, or none',
    })
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  TILE_ATTRIBUTION: z.string().max(300).default('© OpenStreetMap-Mitwirkende / contributors'),
  /** Where "report a problem" links on offerings send their mail (the responsible education office). */
  REPORT_EMAIL: z.email('REPORT_EMAIL must be an e-mail address').default('redaktion@bildungslandkarte.example'),
  /**
   * The address people reach the directory at, e.g. https://bildung.example.de. Links in mails point there,
   * and an https URL makes session cookies Secure. Default: http://localhost:PORT.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL, e.g. https://bildung.example.de' }).optional(),
  /**
   * Whether the server runs behind a reverse proxy that sets X-Forwarded-For/-Proto: `true` (trust every hop),
   * a number of hops, or a comma-separated list of proxy addresses/CIDRs. Rate limits and login throttling
   * then count the real client address, not the proxy's.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'TRUST_PROXY must be true, false, a hop count or a list of addresses/CIDRs')
    .default('false')
    .transform((v): boolean | number | string[] =>
      v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',')),
  /** Signs session and CSRF cookies (at least 32 characters); default: generated once and kept in DATA_DIR. */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must have at least 32 characters').optional(),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.de:587 or smtps://…; without it mails go to DATA_DIR/mail/. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Bildungslandkarte <no-reply@bildungslandkarte.example>'),
});
export type Config = z.output<typeof zConfig>;

export class ConfigError extends Error {}

/** Parses the environment; on bad values throws a ConfigError that names every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set" for people writing `FOO= npm start`.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = zConfig.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The offerings index in Meilisearch (prefixed, so several directories can share one Meilisearch). */
export function offeringIndexUid(config: Config): string {
  return `${config.MEILI_INDEX_PREFIX}offerings`;
}

/** Where people reach the directory; links in mails are built from it. No trailing slash. */
export function publicUrl(config: Config): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** Folder where the default mail transport writes each message as an .eml file. */
export function mailDir(config: Config): string {
  return resolve(config.DATA_DIR, 'mail');
}

export function databaseFile(config: Config): string {
  return resolve(config.DATA_DIR, 'bildungslandkarte.db');
}

/** The origin a browser loads tiles from, for the Content-Security-Policy (`{s}` subdomains as a wildcard). */
export function tileOrigin(config: Config): string | null {
  if (config.TILE_URL === 'none') return null;
  const url = new URL(config.TILE_URL.replace('{s}', 'subdomain').replace(/\{[a-z]+\}/g, '0'));
  return url.origin.replace('//subdomain.', '//*.');
}

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How many demo offerings to create when the database is empty; 0 starts with an empty directory. */
  SEED_COUNT: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  SEED: z.coerce.number().int().default(1),
  /** Requests per minute and client address on the public API. */
  RATE_LIMIT: z.coerce.number().int().min(1).default(600),
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

export function databaseFile(config: Config): string {
  return resolve(config.DATA_DIR, 'bildungslandkarte.db');
}

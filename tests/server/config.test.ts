import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_COUNT: 3000 });
    expect(config.DATA_DIR.endsWith('/data')).toBe(true);
    expect(config.MEILI_URL).toBeUndefined();
  });

  it('names every wrong variable', () => {
    const attempt = () => loadConfig({ PORT: 'abc', MEILI_URL: 'not a url', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT[\s\S]*MEILI_URL[\s\S]*LOG_LEVEL/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', MEILI_URL: '' }).PORT).toBe(3000);
  });

  it('rejects a port out of range and a short master key', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ MEILI_MASTER_KEY: 'short' })).toThrow(/MEILI_MASTER_KEY/);
  });
});

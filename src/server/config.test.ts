import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for `npm start` on a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: undefined, demoEnabled: true, sessionDays: 14 });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads every variable', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://u@h/db', KEDU_DATA_DIR: '/srv/kedu', KEDU_DEMO: 'off', KEDU_SESSION_DAYS: '3' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgresql://u@h/db', dataDir: '/srv/kedu', demoEnabled: false, sessionDays: 3 });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '99999', KEDU_DEMO: 'maybe', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('KEDU_DEMO');
    expect(message).toContain('DATABASE_URL: must start with postgres://');
  });
});

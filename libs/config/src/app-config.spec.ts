import { ConfigError, loadConfig } from './app-config';
import { DEV_SOURCE_KEYS, SOURCE_KEY_CODES } from './environment';

describe('loadConfig', () => {
  it('applies the documented development defaults', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/hev');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.queuePrefix).toBe('{hev}');
    expect(config.port).toBe(3000);
    expect(config.mockSourcesPort).toBe(3100);
    expect(config.eventSubscribers).toEqual(['dibao-system']);
    expect(config.publicNoticeSeconds).toBe(7 * 24 * 3600);
    expect(config.publicNoticeSweepSeconds).toBe(60);
    expect(config.reconcileAfterSeconds).toBe(300);
    expect(config.admin).toEqual({ username: 'admin', password: 'admin-dev-password' });
    expect(config.piiKey).toHaveLength(32);
    expect(config.mockSourcesControl).toBe(true);
  });

  it('reads typed values from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      EVENT_SUBSCRIBERS: 'dibao-system,archive',
      PUBLIC_NOTICE_DURATION: 'PT3S',
      PUBLIC_NOTICE_SWEEP_INTERVAL: 'PT10S',
    });
    expect(config.port).toBe(8080);
    expect(config.publicNoticeSweepSeconds).toBe(10);
    expect(config.eventSubscribers).toEqual(['dibao-system', 'archive']);
    expect(config.publicNoticeSeconds).toBe(3);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        PUBLIC_NOTICE_DURATION: '7 days',
        PII_KEY: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/PUBLIC_NOTICE_DURATION/);
    expect(problems).toMatch(/PII_KEY/);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('refuses to start in production without secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      expect((e as ConfigError).problems).toEqual([
        'JWT_SECRET: is required when NODE_ENV=production',
        'PII_KEY: is required when NODE_ENV=production',
        'SIGNING_KEY: is required when NODE_ENV=production',
        'ADMIN_PASSWORD: is required when NODE_ENV=production',
        ...SOURCE_KEY_CODES.map((code) => `SOURCE_KEY_${code}: is required when NODE_ENV=production`),
      ]);
    }
  });

  it('starts in production when every secret is given', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      PII_KEY: 'ab'.repeat(32),
      SIGNING_KEY: 'cd'.repeat(32),
      ADMIN_PASSWORD: 'a-long-enough-password',
      ...Object.fromEntries(SOURCE_KEY_CODES.map((code) => [`SOURCE_KEY_${code}`, `prod-${code}`])),
    });
    expect(config.env).toBe('production');
    expect(config.mockSourcesControl).toBe(false);
    // Production never falls back to the documented development keys.
    expect(config.verification.sources.keys.HUKOU).toBe('prod-HUKOU');
    expect(Object.values(config.verification.sources.keys)).not.toContain(DEV_SOURCE_KEYS.BANKING);
  });

  it('defaults the verification pipeline to SPEC 5.3 (5 s timeout, 5 attempts) with development keys', () => {
    const { verification, workerLockMs } = loadConfig({});
    expect(verification.sources).toMatchObject({ timeoutMs: 5000, attempts: 5, breakerFailures: 5 });
    expect(verification.sources.keys).toEqual(DEV_SOURCE_KEYS);
    expect(workerLockMs).toBe(30_000);
    const tuned = loadConfig({
      SOURCE_ATTEMPTS: '3',
      SOURCE_TIMEOUT_MS: '800',
      SOURCE_KEY_TAX: 'tax-secret',
    });
    expect(tuned.verification.sources).toMatchObject({ attempts: 3, timeoutMs: 800 });
    expect(tuned.verification.sources.keys.TAX).toBe('tax-secret');
    expect(() => loadConfig({ SOURCE_ATTEMPTS: '0' })).toThrow(/SOURCE_ATTEMPTS/);
  });

  it('sizes the PostgreSQL pool and bounds the wait for a connection', () => {
    expect(loadConfig({}).databasePool).toEqual({ size: 20, waitMs: 30_000 });
    expect(loadConfig({ DATABASE_POOL_SIZE: '1', DATABASE_POOL_WAIT_MS: '2000' }).databasePool).toEqual({
      size: 1,
      waitMs: 2000,
    });
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0', DATABASE_POOL_WAIT_MS: 'soon' })).toThrow(
      /DATABASE_POOL_SIZE[\s\S]*DATABASE_POOL_WAIT_MS/,
    );
  });
});

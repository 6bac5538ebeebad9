import { describe, expect, it } from 'vitest';
import { readServerConfig } from './readServerConfig.js';

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:8787 and ./data', () => {
    expect(readServerConfig({}, '/srv/trame')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/trame/data',
      logLevel: 'info',
    });
  });

  it('reads PORT, HOST, DATA_DIR, LOG_FILE and LOG_LEVEL', () => {
    expect(
      readServerConfig(
        { PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/var/lib/trame', LOG_FILE: 'relay.log', LOG_LEVEL: 'debug' },
        '/srv',
      ),
    ).toEqual({ port: 0, host: '0.0.0.0', dataDir: '/var/lib/trame', logFile: '/srv/relay.log', logLevel: 'debug' });
  });

  it('switches to PostgreSQL and Redis with DATABASE_URL and REDIS_URL', () => {
    const env = {
      DATABASE_URL: 'postgres://trame@db:5432/trame',
      DATABASE_SCHEMA: 'collectif',
      DATABASE_TIMEOUT_MS: '2000',
      REDIS_URL: 'redis://cache:6379',
      REDIS_PREFIX: 'collectif:',
    };
    expect(readServerConfig(env, '/srv')).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '/srv/data',
      logLevel: 'info',
      databaseUrl: 'postgres://trame@db:5432/trame',
      databaseSchema: 'collectif',
      databaseTimeoutMs: 2000,
      redisUrl: 'redis://cache:6379',
      redisPrefix: 'collectif:',
    });
    // PostgreSQL alone is a valid single instance; Redis alone is not.
    expect(readServerConfig({ DATABASE_URL: 'postgresql://x/y' }).redisUrl).toBeUndefined();
    expect(() => readServerConfig({ REDIS_URL: 'redis://cache' })).toThrow(/needs DATABASE_URL/);
    expect(() => readServerConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => readServerConfig({ DATABASE_URL: 'postgres://x', DATABASE_SCHEMA: 'Drop Table' })).toThrow(/SCHEMA/);
  });

  it('refuses an invalid port or log level', () => {
    expect(() => readServerConfig({ PORT: '80a' })).toThrow(/PORT/);
    expect(() => readServerConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readServerConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('R60: reads TRUSTED_PROXY_HEADER as a lower-case header name', () => {
    expect(readServerConfig({ TRUSTED_PROXY_HEADER: 'X-Forwarded-For' }).trustedProxyHeader).toBe('x-forwarded-for');
    expect(readServerConfig({}).trustedProxyHeader).toBeUndefined();
  });

  it('R16: reads PUBLIC_HOST as a list of host names', () => {
    expect(readServerConfig({ PUBLIC_HOST: 'Trame.example, trame.example:8443' }).publicHosts).toEqual([
      'trame.example',
      'trame.example:8443',
    ]);
    expect(readServerConfig({}).publicHosts).toBeUndefined();
    expect(() => readServerConfig({ PUBLIC_HOST: 'https://trame.example/' })).toThrow(/PUBLIC_HOST/);
    expect(() => readServerConfig({ TRUSTED_PROXY_HEADER: 'x forwarded' })).toThrow(/TRUSTED_PROXY_HEADER/);
  });

  it('HOSTILE-3: R68, reads the space-creation policy, refusing a token mode without a usable token', () => {
    expect(readServerConfig({}).spaceCreation).toBeUndefined();
    expect(readServerConfig({ SPACE_CREATION: 'members' }).spaceCreation).toEqual({ mode: 'members' });
    const token = 'abcdefghijklmnop_-123';
    expect(readServerConfig({ SPACE_CREATION: 'token', SPACE_CREATION_TOKEN: token }).spaceCreation).toEqual({
      mode: 'token',
      token,
    });
    expect(() => readServerConfig({ SPACE_CREATION: 'token' })).toThrow(/SPACE_CREATION_TOKEN/);
    expect(() => readServerConfig({ SPACE_CREATION: 'token', SPACE_CREATION_TOKEN: 'short' })).toThrow(/16/);
    expect(() => readServerConfig({ SPACE_CREATION: 'closed' })).toThrow(/open, members or token/);
  });

  it('HOSTILE-3: R67, reads SPACE_QUOTA_MIB into the relay limits', () => {
    expect(readServerConfig({ SPACE_QUOTA_MIB: '200' }).limits).toEqual({ maxStoredBytesPerSpace: 200 * 1024 * 1024 });
    expect(readServerConfig({ SPACE_QUOTA_MIB: '0' }).limits).toEqual({ maxStoredBytesPerSpace: 0 });
    expect(readServerConfig({}).limits).toBeUndefined();
    expect(() => readServerConfig({ SPACE_QUOTA_MIB: '1.5' })).toThrow(/SPACE_QUOTA_MIB/);
  });
});

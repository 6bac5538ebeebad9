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

  it('refuses an invalid port or log level', () => {
    expect(() => readServerConfig({ PORT: '80a' })).toThrow(/PORT/);
    expect(() => readServerConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readServerConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});

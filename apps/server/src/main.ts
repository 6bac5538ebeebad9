import { installFastUnmask } from '@trame/relay/fast-unmask';

// ADR 0011: websocket frames unmasked four bytes at a time. This must run before `ws` loads, so
// everything that reaches `ws` is imported dynamically, after it (a static import would load it first).
installFastUnmask();
const { SchemaTooNewError } = await import('@trame/relay');
const { loadWebApp } = await import('./loadWebApp.js');
const { backupRoute } = await import('./recovery/backupRoute.js');
const { FileBackupStore } = await import('./recovery/FileBackupStore.js');
const { readServerConfig } = await import('./readServerConfig.js');
const { startServer } = await import('./startServer.js');

const config = readServerConfig(process.env);
const web = await loadWebApp();
// DEVICES-3: recovery backups (opaque, signed by the phrase's key) beside the web app.
const fallback = backupRoute(new FileBackupStore(config.dataDir), web ?? undefined);
// A relay started while its database is still booting keeps trying for a while instead of exiting.
const server = await startServer({ ...config, startupRetryMs: 30_000, fallback }).catch((e: unknown) => {
  if (!(e instanceof SchemaTooNewError)) throw e;
  // A data directory from a newer release: refuse clearly, and exit with EX_CONFIG (78), which
  // the systemd unit lists in RestartPreventExitStatus so that it does not retry in a loop.
  console.error(`Trame cannot start: ${e.message}`);
  process.exit(78);
});
const storageMode = config.databaseUrl ? `postgres${config.redisUrl ? ' + redis' : ''}` : 'sqlite';
const shown = server.host.includes(':') ? `[${server.host}]` : server.host;
if (web) console.log(`Trame is running: open http://${shown}:${server.port}/`);
console.log(
  `Trame relay listening on ws://${shown}:${server.port}/ws (health: http://${shown}:${server.port}/health, storage: ${storageMode})`,
);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`Trame relay stopping (${signal})`);
  server.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('Trame relay failed to stop cleanly', e);
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

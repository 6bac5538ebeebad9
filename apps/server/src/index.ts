export { startServer } from './startServer.js';
export type { StartServerOptions, RunningServer } from './startServer.js';
export { readServerConfig } from './readServerConfig.js';
export type { ServerConfig } from './readServerConfig.js';

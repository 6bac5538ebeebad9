import type { Logger } from './Logger.js';

/** A logger that drops everything. */
export const silentLogger: Logger = { log() {} };

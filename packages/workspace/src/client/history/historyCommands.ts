/**
 * Version history commands behind `client.history` (ItemHistory), fetched with `import()` on
 * first use: the document route does not carry them (nor `@trame/sync/history`) until someone
 * edits, opens the timeline or restores (WEBAPP-3 budgets).
 */
export { listVersions } from './listVersions.js';
export { loadVersion } from './loadVersion.js';
export { nameVersion } from './nameVersion.js';
export { saveVersionNow } from './saveVersionNow.js';
export { restoreItemVersion } from './restoreItemVersion.js';
export { readRetention } from './readRetention.js';
export { writeRetention } from './writeRetention.js';
export { startRecorder } from './startRecorder.js';

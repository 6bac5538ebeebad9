// @trame/workspace/history-view: pure helpers of the history screens (HISTORY-1, HISTORY-2),
// loaded on demand with the history panel (jsdiff stays out of the routes' first load).
// The author claims themselves (claimAuthorship, R115) are in the main entry.

export type { AuthoredSpan, AuthoredBlock, BlockKind } from './AuthoredBlock.js';
export { blockText } from './blockText.js';
export { documentAuthorship } from './documentAuthorship.js';
export { minutesAuthorship } from './minutesAuthorship.js';
export { textSpans } from './textSpans.js';
export { authorShares } from './authorShares.js';
export type { AuthorShare } from './authorShares.js';
export { authorColours } from './authorColours.js';
export { compareBlocks } from './compareBlocks.js';
export type { Comparison, DiffRow, DiffPart } from './compareBlocks.js';
export type { VersionLike } from './VersionLike.js';
export { groupSessions, SESSION_GAP_MS } from './groupSessions.js';
export type { VersionSession } from './groupSessions.js';
export { readClientAuthors } from './readClientAuthors.js';
export type { ClientAuthors } from './readClientAuthors.js';
export { checkAuthorClaim } from './checkAuthorClaim.js';
export type { AuthorClaimVerdict, ClientOwnership } from './checkAuthorClaim.js';
export { AUTHORS_ROOT } from './AUTHORS_ROOT.js';

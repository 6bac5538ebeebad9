import { fromHex } from '@trame/protocol';
import type { Locale } from '../../collective/Locale.js';
import { readDecisionCardStates } from '../../decisions/readDecisionCardStates.js';
import { readPublishedDecisions } from '../../decisions/readPublishedDecisions.js';
import { reportDecisionStates } from '../../decisions/reportDecisionStates.js';
import { syncDecisionCards } from '../../decisions/syncDecisionCards.js';
import type { PublishedDecision } from '../../decisions/PublishedDecision.js';
import { canWrite } from '../../roles/canWrite.js';
import { findMainBoard } from '../../space/findMainBoard.js';
import { readSpaceMeta } from '../../space/readSpaceMeta.js';
import type { DocumentSessionLike, SpaceSessionLike } from '../../sync/SyncApi.js';
import { DECISIONS_COLUMN_TITLE } from '../../templates/DECISIONS_COLUMN_TITLE.js';
import type { ClientCore } from '../ClientCore.js';

/**
 * Delivers the assembly's decisions addressed to this atelier as cards on its main board,
 * then reports where each card stands back to the assembly. Runs with the board already open
 * (`board`) or opens it for the time it takes. Does nothing for observers.
 */
export async function reconcileDecisions<S extends SpaceSessionLike>(
  core: ClientCore<S>,
  atelierId: string,
  o: { locale: Locale; board?: DocumentSessionLike; describe: (d: PublishedDecision) => string },
): Promise<void> {
  const atelier = await core.openSpace(atelierId);
  if (!canWrite(atelier.session.myRole)) return;
  // Called from another space's screen (the minutes), the atelier's index may not be read yet.
  await atelier.index.whenLoaded();
  if (!findMainBoard(atelier.index.doc)) await core.settleSynced(atelier.index);
  const assemblyId = readSpaceMeta(atelier.index.doc)?.assemblyId || core.joinedAssemblyOf(atelierId);
  if (!assemblyId || !core.isJoined(assemblyId)) return;
  const assembly = await core.openSpace(assemblyId);
  const main = findMainBoard(atelier.index.doc);
  if (!main) return;
  const board = o.board ?? core.openDoc(atelier.session, fromHex(main.id));
  try {
    if (!o.board) await core.settleSynced(board);
    // Never write into a board that does not hold the relay's state yet: a second decisions
    // column would be created beside the one not yet received.
    if (board.status !== 'saved' && board.status !== 'saving') return;
    syncDecisionCards(board.doc, {
      assemblyId,
      decisions: readPublishedDecisions(assembly.index.doc, atelierId),
      columnTitle: DECISIONS_COLUMN_TITLE[o.locale],
      by: core.personId,
      now: core.now(),
      describe: o.describe,
      // Withdrawals are only read from the relay's whole list, never from a partial cache.
      complete: assembly.index.status === 'saved' || assembly.index.status === 'saving',
    });
    if (canWrite(assembly.session.myRole)) {
      reportDecisionStates(assembly.index.doc, atelierId, readDecisionCardStates(board.doc), core.now());
    }
    if (!o.board) await core.settle(board);
  } finally {
    if (!o.board) board.destroy();
  }
}

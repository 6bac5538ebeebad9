import { signingInput, TrameError, type EphemeralFrame, type SnapshotFrame, type UpdateFrame } from '@trame/protocol';
import { verify } from '../signing/verify.js';

/** Throws SIGNATURE_INVALID unless the frame is signed by its `author` (R40). */
export function verifyContentFrame(frame: UpdateFrame | SnapshotFrame | EphemeralFrame): void {
  if (frame.signature.length === 0) {
    throw new TrameError('SIGNATURE_INVALID', 'unsigned update outside a verified chain (R51)');
  }
  if (!verify(frame.author, signingInput(frame.kind, frame.body), frame.signature)) {
    throw new TrameError('SIGNATURE_INVALID', 'frame signature does not verify under its author');
  }
}

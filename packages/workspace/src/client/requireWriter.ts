import type { SpaceSessionLike } from '../sync/SyncApi.js';
import { canWrite } from '../roles/canWrite.js';
import type { OpenSpace } from './OpenSpace.js';
import { WorkspaceError } from './WorkspaceError.js';

/** Refuses (`FORBIDDEN`) a write to a space where this identity may not write (observers). */
export function requireWriter(space: OpenSpace<SpaceSessionLike>): void {
  if (!canWrite(space.session.myRole)) throw new WorkspaceError('FORBIDDEN', `cannot write in space ${space.id}`);
}

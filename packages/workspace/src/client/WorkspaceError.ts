/** Why a workspace operation was refused before reaching the sync layer. */
export type WorkspaceErrorCode =
  | 'UNKNOWN_ITEM'
  /** Not in the device's copy of the index, and the relay could not be asked. */
  | 'UNCONFIRMED_ITEM'
  | 'FORBIDDEN'
  | 'INVALID'
  | 'NOT_AN_ASSEMBLY';

/** An error of the domain layer; sync-layer failures arrive as @trame/protocol's TrameError. */
export class WorkspaceError extends Error {
  readonly code: WorkspaceErrorCode;

  constructor(code: WorkspaceErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'WorkspaceError';
    this.code = code;
  }
}

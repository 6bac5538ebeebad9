/** One device of this person, as Réglages lists it (DEVICES-2). */
export interface DeviceInfo {
  /** Hex device key. */
  id: string;
  /** The device's name, '' when it has none. */
  name: string;
  /** ms since the epoch of the last profile publication this client saw from it; 0: never seen. */
  lastSeen: number;
  /** The device this client runs on. */
  isThisDevice: boolean;
  /**
   * The key is the person key itself (the first device, or one made before linking): it cannot
   * be removed by another device (ADR 0008 point 5), only its spaces forgotten.
   */
  isPersonKey: boolean;
  /** Spaces (hex ids) whose verified log lists it. */
  spaces: string[];
}

/** What an operation did in one space. */
export interface DeviceSpaceResult {
  /** Hex space id. */
  spaceId: string;
  ok: boolean;
  /** Why not, when `ok` is false (a TrameError or WorkspaceError). */
  error?: unknown;
}

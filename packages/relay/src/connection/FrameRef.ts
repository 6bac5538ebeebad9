import { FrameKind, ZERO_ID, type Frame } from '@trame/protocol';

/** How ACK and ERROR frames name the frame they answer (§3.9, §3.10). */
export interface FrameRef {
  kind: number;
  ref: Uint8Array;
  number: number;
}

/** The reference of a decoded frame; for frames that failed to parse, use {@link rawFrameRef}. */
export function frameRef(frame: Frame): FrameRef {
  switch (frame.kind) {
    case FrameKind.Update:
      return { kind: frame.kind, ref: frame.snapshotId, number: frame.clock };
    case FrameKind.Snapshot:
      return { kind: frame.kind, ref: frame.snapshotId, number: frame.height };
    case FrameKind.Membership:
      return { kind: frame.kind, ref: ZERO_ID, number: frame.seq };
    case FrameKind.Ephemeral:
      return { kind: frame.kind, ref: ZERO_ID, number: frame.sequence };
    default:
      return { kind: frame.kind, ref: ZERO_ID, number: 0 };
  }
}

/** Reference of bytes that did not parse: only the kind byte, when present, is trusted. */
export function rawFrameRef(raw: Uint8Array): FrameRef {
  return { kind: raw.length >= 2 ? raw[1]! : 0, ref: ZERO_ID, number: 0 };
}

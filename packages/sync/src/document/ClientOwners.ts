const FORMAT = 1;
const KEY_HEX = /^[0-9a-f]{64}$/;

/**
 * R116: which author (hex key) each Yjs client id of a document belongs to, as this device
 * knows it: the R52 bindings of earlier sessions, kept in the encrypted device cache (a client
 * id's owner never changes), and this session's (`live`). A session that loads the document
 * from a snapshot learns only the client ids of the tail after it, so the cached bindings are
 * what keeps older text attributed. The first binding stays, as in R52: a later author seen
 * under a cached client id (the engine forgot the binding at reload) does not replace it.
 */
export class ClientOwners {
  private readonly saved = new Map<number, string>();
  /** How many bindings the cache holds as far as this session knows. */
  private savedCount = 0;

  constructor(private readonly live: () => ReadonlyMap<number, string>) {}

  /** Adds bindings read back from the cache ({@link encode}'s bytes); anything malformed is ignored. */
  load(bytes: Uint8Array): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return;
    }
    const o = parsed as { v?: unknown; owners?: unknown };
    if (o?.v !== FORMAT || !Array.isArray(o.owners)) return;
    for (const e of o.owners as unknown[]) {
      if (!Array.isArray(e) || e.length !== 2) continue;
      const [client, owner] = e as [unknown, unknown];
      if (!Number.isSafeInteger(client) || (client as number) < 0) continue;
      if (typeof owner !== 'string' || !KEY_HEX.test(owner)) continue;
      if (!this.saved.has(client as number)) this.saved.set(client as number, owner);
    }
    this.savedCount = this.saved.size;
  }

  /** Every binding known: the cached ones first, then this session's new client ids. */
  current(): Map<number, string> {
    const out = new Map(this.saved);
    for (const [client, owner] of this.live()) if (!out.has(client)) out.set(client, owner);
    return out;
  }

  /** The bytes to cache, or null when no binding was added since the last call. */
  encode(): Uint8Array | null {
    const all = this.current();
    if (all.size === this.savedCount) return null;
    this.savedCount = all.size;
    return new TextEncoder().encode(JSON.stringify({ v: FORMAT, owners: [...all] }));
  }
}

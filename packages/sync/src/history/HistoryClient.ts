import { checkRetentionPolicy, fromHex, relayHostOf, toHex, type RetentionPolicy } from '@trame/protocol';
import { randomBytes, type Identity } from '@trame/crypto';
import { fromBase64Url } from '../util/base64url.js';
import { HistoryError } from './HistoryError.js';
import { httpOriginOf } from './httpOriginOf.js';
import { openVersionHead } from './openVersionHead.js';
import { openVersionName } from './openVersionName.js';
import { openVersionState } from './openVersionState.js';
import { MAX_VERSION_NAME_LENGTH, sealVersionName } from './sealVersionName.js';
import { sealVersion } from './sealVersion.js';
import { signHistoryRequest } from './signHistoryRequest.js';
import type { VersionInfo } from './VersionInfo.js';
import type { VersionKeys } from './VersionKeys.js';

/** What a history client needs of its space (a SpaceSession satisfies it). */
export interface HistorySpace {
  relayUrl: string;
  identity: Identity;
  state: VersionKeys & { spaceId: Uint8Array; epoch: number };
}

export interface HistoryClientOptions {
  space: HistorySpace;
  docId: Uint8Array;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Clock of the signed requests (ms). */
  now?: () => number;
  /** Versions or names that failed verification (R113) are left out of `list` and reported here. */
  onProblem?: (error: HistoryError, versionId: string) => void;
}

/** A version to write: the document's state and the session it closes. */
export interface VersionDraft {
  /** `Y.encodeStateAsUpdate(doc)`. */
  state: Uint8Array;
  startAt: number;
  endAt: number;
  authors: string[];
  restoredFrom?: string | null;
}

interface ListedVersion {
  id: string;
  storedAt: number;
  size: number;
  named: boolean;
  head: string;
  name: string | null;
}

/**
 * HISTORY-1: the versions of one item at the relay (PROTOCOL.md §10). Every request is signed
 * (R105); everything served is verified before it is returned (R113): a relay can withhold
 * versions, not alter or forge them.
 */
export class HistoryClient {
  private readonly origin: string;
  private readonly host: string;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly base: string;

  constructor(private readonly o: HistoryClientOptions) {
    this.origin = httpOriginOf(o.space.relayUrl);
    this.host = relayHostOf(o.space.relayUrl);
    this.fetchImpl = o.fetch ?? fetch.bind(globalThis);
    this.now = o.now ?? Date.now;
    this.base = `/history/${toHex(o.space.state.spaceId)}/${toHex(o.docId)}`;
  }

  private get ids(): { spaceId: Uint8Array; docId: Uint8Array } {
    return { spaceId: this.o.space.state.spaceId, docId: this.o.docId };
  }

  /** Sends one signed request; maps refusals to HistoryError. */
  private async request(method: 'GET' | 'PUT', path: string, body?: Uint8Array): Promise<Response> {
    const bytes = body ?? new Uint8Array(0);
    const headers = signHistoryRequest(this.o.space.identity, {
      method,
      path,
      host: this.host,
      body: bytes,
      time: this.now(),
    });
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.origin}${path}`, {
        method,
        headers: body ? { ...headers, 'content-type': 'application/octet-stream' } : headers,
        ...(body ? { body: bytes as Uint8Array<ArrayBuffer> } : {}),
      });
    } catch (e) {
      throw new HistoryError('HISTORY_UNAVAILABLE', 'the relay cannot be reached', { cause: e });
    }
    if (res.ok) return res;
    const reason = await res.text().catch(() => '');
    const why = `${res.status}${reason ? `: ${reason}` : ''}`;
    if (res.status === 401 || res.status === 403) throw new HistoryError('HISTORY_FORBIDDEN', why);
    if (res.status === 404) throw new HistoryError('VERSION_NOT_FOUND', why);
    if (res.status === 413 || res.status === 429 || res.status === 507) throw new HistoryError('HISTORY_LIMIT', why);
    if (res.status === 400 || res.status === 409) throw new HistoryError('HISTORY_INVALID', why);
    throw new HistoryError('HISTORY_UNAVAILABLE', why);
  }

  /** Verified versions, newest first (R113); the others are reported to `onProblem`. */
  async list(): Promise<VersionInfo[]> {
    const res = await this.request('GET', this.base);
    const { versions } = (await res.json()) as { versions: ListedVersion[] };
    const out: VersionInfo[] = [];
    for (const v of versions) {
      try {
        out.push(this.info(v.id, fromBase64Url(v.head), true, v.storedAt, v.size, v.name));
      } catch (e) {
        if (e instanceof HistoryError) this.o.onProblem?.(e, v.id);
        else throw e;
      }
    }
    return out;
  }

  private info(
    id: string,
    head: Uint8Array,
    headOnly: boolean,
    storedAt: number,
    size: number,
    name: string | null,
  ): VersionInfo {
    const versionId = fromHex(id);
    const keys = this.o.space.state;
    const { record, meta } = openVersionHead(head, { ...this.ids, versionId }, keys, { headOnly });
    let named: { name: string; by: string } | null = null;
    if (name) {
      try {
        named = openVersionName(fromBase64Url(name), { ...this.ids, versionId }, keys);
      } catch (e) {
        // A bad name does not hide the version: it shows unnamed and the problem is reported.
        if (e instanceof HistoryError) this.o.onProblem?.(e, id);
        else throw e;
      }
    }
    return {
      id,
      at: meta.startAt,
      endAt: meta.endAt,
      authors: meta.authors,
      createdBy: toHex(record.author),
      named: named?.name ?? null,
      namedBy: named?.by ?? null,
      size,
      storedAt,
      epoch: record.epoch,
      restoredFrom: meta.restoredFrom,
    };
  }

  /** A version's Yjs state (v1), verified (R113), with its description. */
  async load(versionId: string): Promise<{ info: VersionInfo; state: Uint8Array }> {
    if (!/^[0-9a-f]{32}$/.test(versionId)) throw new HistoryError('VERSION_NOT_FOUND', 'not a version id');
    const res = await this.request('GET', `${this.base}/${versionId}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const keys = this.o.space.state;
    const { record } = openVersionHead(bytes, { ...this.ids, versionId: fromHex(versionId) }, keys, {
      headOnly: false,
    });
    const state = openVersionState(record, keys);
    const info = this.info(
      versionId,
      record.head,
      true,
      Number(res.headers.get('x-trame-stored-at') ?? 0),
      bytes.length,
      res.headers.get('x-trame-name'),
    );
    return { info, state };
  }

  /** Writes a version under the space's current epoch (R107); returns its id. */
  async save(draft: VersionDraft): Promise<string> {
    const state = this.o.space.state;
    const versionId = randomBytes(16);
    const record = sealVersion({
      identity: this.o.space.identity,
      ...this.ids,
      versionId,
      epoch: state.epoch,
      docKey: state.docKey(state.epoch, this.o.docId),
      meta: {
        startAt: draft.startAt,
        endAt: draft.endAt,
        authors: draft.authors,
        restoredFrom: draft.restoredFrom ?? null,
      },
      state: draft.state,
    });
    const id = toHex(versionId);
    await this.request('PUT', `${this.base}/${id}`, record);
    return id;
  }

  /** Names a version (R109): it is then never thinned. */
  async name(versionId: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > MAX_VERSION_NAME_LENGTH)
      throw new HistoryError('HISTORY_INVALID', `a name has 1 to ${MAX_VERSION_NAME_LENGTH} characters`);
    if (!/^[0-9a-f]{32}$/.test(versionId)) throw new HistoryError('VERSION_NOT_FOUND', 'not a version id');
    const state = this.o.space.state;
    const record = sealVersionName({
      identity: this.o.space.identity,
      ...this.ids,
      versionId: fromHex(versionId),
      epoch: state.epoch,
      docKey: state.docKey(state.epoch, this.o.docId),
      name: trimmed,
    });
    await this.request('PUT', `${this.base}/${versionId}/name`, record);
  }

  /** The space's retention policy (HISTORY-3) and whether it is the default. */
  async retention(): Promise<{ policy: RetentionPolicy; isDefault: boolean }> {
    const res = await this.request('GET', `/history/${toHex(this.ids.spaceId)}/retention`);
    const body = (await res.json()) as { policy: RetentionPolicy; default: boolean };
    return { policy: body.policy, isDefault: body.default };
  }

  /** Sets the space's retention policy (animateurs, R111); the relay thins at once. */
  async setRetention(policy: RetentionPolicy): Promise<void> {
    const why = checkRetentionPolicy(policy);
    if (why) throw new HistoryError('HISTORY_INVALID', why);
    const body = new TextEncoder().encode(JSON.stringify(policy));
    await this.request('PUT', `/history/${toHex(this.ids.spaceId)}/retention`, body);
  }
}

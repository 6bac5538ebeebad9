import {
  bytesEqual,
  checkRetentionPolicy,
  decodeNameRecord,
  decodeVersionRecord,
  DEFAULT_RETENTION_POLICY,
  toHex,
  type RetentionPolicy,
} from '@trame/protocol';
import { authHostsFor } from '../connection/authHostsFor.js';
import { sha256 } from '../crypto/sha256.js';
import type { KeyedBuckets } from '../limits/KeyedBuckets.js';
import type { RelayContext } from '../relay/RelayContext.js';
import type { HistoryAction } from './HistoryAction.js';
import type { HistoryTransaction, StoredVersion } from './HistoryStore.js';
import type { HistoryRoute } from './HistoryRoute.js';
import { authorizeHistory } from './authorizeHistory.js';
import { checkHistoryRecord } from './checkHistoryRecord.js';
import { parseHistoryPath } from './parseHistoryPath.js';
import { planVersionStore } from './planVersionStore.js';
import { thinVersions } from './thinVersions.js';
import { verifyHistoryRequest } from './verifyHistoryRequest.js';

/** The relay's part of one history request. */
export type HistoryContext = Pick<RelayContext, 'storage' | 'limits' | 'logger' | 'now' | 'publicHosts'> & {
  /** R110: history writes per identity. */
  writes: KeyedBuckets;
};

const MAX_SMALL_BODY = 4096;

/**
 * PROTOCOL.md §10 (HISTORY-1, HISTORY-3): version history over HTTP on the relay's port. Every
 * request is signed (R105) and authorized from the space's membership (R106); the relay stores
 * and serves ciphertext, and learns ids, sizes, times and whether a version is named.
 */
export async function handleHistoryRequest(ctx: HistoryContext, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const route = parseHistoryPath(url.pathname);
  if (!route) return reply(404, 'no such history path');
  const store = ctx.storage.history;
  if (!store) return reply(503, 'this storage keeps no history');
  const method = req.method.toUpperCase();
  const action = actionOf(route, method);
  if (!action) return reply(405, 'method not allowed');
  const max = route.kind === 'version' && method === 'PUT' ? ctx.limits.historyMaxVersionBytes : MAX_SMALL_BODY;
  const body = await readBody(req, max);
  if (body === 'too large') return reply(413, `body over ${max} bytes`);
  if (body === 'no length') return reply(411, 'Content-Length required');
  const now = ctx.now();
  const verdict = verifyHistoryRequest(
    {
      identity: req.headers.get('x-trame-identity') ?? undefined,
      time: req.headers.get('x-trame-time') ?? undefined,
      signature: req.headers.get('x-trame-signature') ?? undefined,
    },
    {
      method,
      path: url.pathname,
      bodyHash: sha256(body),
      hosts: authHostsFor(ctx.publicHosts, req.headers.get('host') ?? undefined),
      now,
      skewMs: ctx.limits.historyRequestSkewMs,
    },
  );
  if ('refuse' in verdict) return reply(401, verdict.refuse);
  const identity = verdict.identity;
  const access = await ctx.storage.access(route.spaceId, identity);
  const refused = authorizeHistory(access, action);
  if (refused || !access) return reply(403, 'not a member of this space');
  const space = toHex(route.spaceId);
  if (action === 'write' || (action === 'retention' && method === 'PUT')) {
    const wait = ctx.writes.take(toHex(identity));
    if (wait > 0) return reply(429, 'too many history writes', { 'Retry-After': String(Math.ceil(wait / 1000)) });
  }

  if (route.kind === 'retention') {
    if (method === 'GET') {
      const policy = await store.withHistory(route.spaceId, (tx) => tx.retention());
      return json({ policy: policy ?? DEFAULT_RETENTION_POLICY, default: policy === null });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return reply(400, 'not JSON');
    }
    const why = checkRetentionPolicy(parsed);
    if (why) return reply(400, why);
    const policy = parsed as RetentionPolicy;
    const dropped = await store.withHistory(route.spaceId, async (tx) => {
      await tx.setRetention(policy);
      return thinSpace(tx, now, policy);
    });
    ctx.logger.log('info', 'history.retention_set', { space, dropped });
    return reply(204);
  }

  if (route.kind === 'list') {
    const versions = await store.withHistory(route.spaceId, (tx) => tx.list(route.docId));
    return json({ versions: versions.map(listed) });
  }

  if (route.kind === 'version' && method === 'GET') {
    const v = await store.withHistory(route.spaceId, (tx) => tx.find(route.docId, route.versionId));
    if (!v || !v.state) return reply(404, 'no such version');
    const out = new Uint8Array(v.head.length + v.state.length);
    out.set(v.head, 0);
    out.set(v.state, v.head.length);
    return new Response(out, {
      status: 200,
      headers: {
        'content-type': 'application/octet-stream',
        'cache-control': 'no-store',
        'x-trame-stored-at': String(v.storedAt),
        ...(v.name ? { 'x-trame-name': Buffer.from(v.name).toString('base64url') } : {}),
      },
    });
  }

  const target = {
    spaceId: route.spaceId,
    docId: route.docId,
    versionId: route.versionId,
    identity,
    epoch: access.epoch,
  };
  const doc = toHex(route.docId);

  if (route.kind === 'version') {
    let record;
    try {
      record = decodeVersionRecord(body);
    } catch {
      return reply(400, 'malformed version record');
    }
    const bad = checkHistoryRecord(record, target);
    if (bad) return reply(bad.status, bad.reason);
    if (!bytesEqual(sha256(record.stateCiphertext!), record.stateHash)) return reply(400, 'state hash mismatch');
    const head = record.head.slice();
    const state = record.stateCiphertext!.slice();
    const outcome = await store.withHistory(route.spaceId, async (tx) => {
      // R108: a version id is written once; the same bytes again are a duplicate, others a conflict.
      const existing = await tx.find(route.docId, route.versionId);
      if (existing) {
        const same = bytesEqual(existing.head, head) && existing.state !== null && bytesEqual(existing.state, state);
        return same ? ('duplicate' as const) : ('conflict' as const);
      }
      const stamps = await tx.stamps(route.docId);
      const plan = planVersionStore(
        stamps,
        { versionId: route.versionId, storedAt: now, size: body.length, named: false },
        {
          now,
          policy: (await tx.retention()) ?? DEFAULT_RETENTION_POLICY,
          maxVersions: ctx.limits.historyMaxVersionsPerDocument,
          spaceBytes: await tx.spaceBytes(),
          maxSpaceBytes: ctx.limits.historyMaxBytesPerSpace,
        },
      );
      if ('refuse' in plan) return plan;
      if (plan.drop.length > 0)
        await tx.remove(
          route.docId,
          plan.drop.map((s) => s.versionId),
        );
      await tx.insert(route.docId, { versionId: route.versionId, author: identity, storedAt: now, head, state });
      return { dropped: plan.drop.length };
    });
    if (outcome === 'duplicate') return reply(200, 'already stored');
    if (outcome === 'conflict') return reply(409, 'another version is stored under this id');
    if ('refuse' in outcome) return reply(507, outcome.refuse);
    ctx.logger.log('info', 'history.version_stored', { space, doc, bytes: body.length, dropped: outcome.dropped });
    return reply(201);
  }

  // route.kind === 'name'
  let name;
  try {
    name = decodeNameRecord(body);
  } catch {
    return reply(400, 'malformed name record');
  }
  const bad = checkHistoryRecord(name, target);
  if (bad) return reply(bad.status, bad.reason);
  const raw = name.raw.slice();
  const outcome = await store.withHistory(route.spaceId, async (tx) => {
    const stamps = await tx.stamps(route.docId);
    const v = stamps.find((s) => bytesEqual(s.versionId, route.versionId));
    if (!v) return 'missing' as const;
    // R110: named versions are never thinned, so their number is bounded on its own.
    if (!v.named && stamps.filter((s) => s.named).length >= ctx.limits.historyMaxNamedPerDocument)
      return 'full' as const;
    await tx.setName(route.docId, route.versionId, raw);
    return 'named' as const;
  });
  if (outcome === 'missing') return reply(404, 'no such version');
  if (outcome === 'full')
    return reply(507, `a document keeps at most ${ctx.limits.historyMaxNamedPerDocument} named versions`);
  ctx.logger.log('info', 'history.version_named', { space, doc, bytes: raw.length });
  return reply(204);
}

function actionOf(route: HistoryRoute, method: string): HistoryAction | null {
  if (method === 'GET') return route.kind === 'name' ? null : 'read';
  if (method !== 'PUT') return null;
  if (route.kind === 'retention') return 'retention';
  if (route.kind === 'version' || route.kind === 'name') return 'write';
  return null;
}

/** R112: thins every document of the space by `policy` (when the policy changes). */
async function thinSpace(tx: HistoryTransaction, now: number, policy: RetentionPolicy): Promise<number> {
  let dropped = 0;
  for (const docId of await tx.documents()) {
    const drop = thinVersions(await tx.stamps(docId), now, policy);
    if (drop.length > 0)
      await tx.remove(
        docId,
        drop.map((s) => s.versionId),
      );
    dropped += drop.length;
  }
  return dropped;
}

function listed(v: StoredVersion): Record<string, unknown> {
  return {
    id: toHex(v.versionId),
    storedAt: v.storedAt,
    size: v.size,
    named: v.named,
    head: Buffer.from(v.head).toString('base64url'),
    name: v.name ? Buffer.from(v.name).toString('base64url') : null,
  };
}

async function readBody(req: Request, max: number): Promise<Uint8Array | 'too large' | 'no length'> {
  if (req.method === 'GET' || req.method === 'HEAD') return new Uint8Array(0);
  const declared = req.headers.get('content-length');
  if (declared === null) return 'no length';
  if (!/^[0-9]+$/.test(declared) || Number(declared) > max) return 'too large';
  const bytes = new Uint8Array(await req.arrayBuffer());
  return bytes.length > max ? 'too large' : bytes;
}

function reply(status: number, reason?: string, headers: Record<string, string> = {}): Response {
  const body = status === 204 || !reason ? null : reason;
  return new Response(body, {
    status,
    headers: {
      'cache-control': 'no-store',
      ...(body ? { 'content-type': 'text/plain; charset=utf-8' } : {}),
      ...headers,
    },
  });
}

function json(value: unknown): Response {
  return new Response(JSON.stringify(value), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

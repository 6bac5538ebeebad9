import { Role } from '@trame/protocol';
import type { InvitePreview } from './InvitePreview.js';

const MAX_TEXT = 200;

/**
 * The preview part of an invite link's fragment (`#<token>.<preview>`), strictly validated
 * (bounded strings, a known kind and role), or null if it is absent or malformed: a link
 * without a preview still works, the screen then shows less.
 */
export function readInvitePreview(hash: string): InvitePreview | null {
  const dot = hash.indexOf('.');
  if (dot < 0) return null;
  const part = hash.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(part)) return null;
  let value: unknown;
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    value = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))),
    );
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { c, s, k, r, i } = value as Record<string, unknown>;
  const text = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_TEXT;
  if (!text(c) || !text(s) || !text(i) || !s.trim()) return null;
  if (k !== 'assembly' && k !== 'atelier') return null;
  if (r !== Role.Admin && r !== Role.Editor && r !== Role.Viewer) return null;
  return { collective: c.trim(), space: s.trim(), kind: k, role: r, inviter: i.trim() };
}

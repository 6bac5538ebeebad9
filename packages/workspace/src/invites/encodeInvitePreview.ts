import type { InvitePreview } from './InvitePreview.js';

/** base64url of the preview's JSON (short keys), to put after the token in an invite link. */
export function encodeInvitePreview(p: InvitePreview): string {
  const json = JSON.stringify({ c: p.collective, s: p.space, k: p.kind, r: p.role, i: p.inviter });
  let binary = '';
  for (const b of new TextEncoder().encode(json)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

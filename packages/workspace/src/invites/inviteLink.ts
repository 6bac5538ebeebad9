import { encodeInvitePreview } from './encodeInvitePreview.js';
import type { InvitePreview } from './InvitePreview.js';

/**
 * The link to send to an invitee. The token (which carries the secret that lets the invitee
 * join) goes after `#`: browsers never send the fragment to the server, so the relay and any
 * proxy log see only `/join`. A preview (MINUTES-8) follows the token after a `.`, a character
 * tokens never contain.
 */
export function inviteLink(origin: string, token: string, preview?: InvitePreview): string {
  const tail = preview ? `.${encodeInvitePreview(preview)}` : '';
  return `${origin.replace(/\/$/, '')}/join#${token}${tail}`;
}

/**
 * The link to send to an invitee. The token (which carries the secret that lets the invitee
 * join) goes after `#`: browsers never send the fragment to the server, so the relay and any
 * proxy log see only `/join`.
 */
export function inviteLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/join#${token}`;
}

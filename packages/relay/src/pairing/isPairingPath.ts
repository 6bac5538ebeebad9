import { PAIRING } from '@trame/protocol';

/** Whether an upgrade asks for the pairing channel (`/pair`), not a document connection. */
export function isPairingPath(url: string | undefined): boolean {
  return (url ?? '/').split('?')[0] === PAIRING.path;
}

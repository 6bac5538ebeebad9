import { PairingError, type SecureChannel } from '@trame/sync/pairing';

/**
 * Waits for the person's answer to "same code on both screens?": `confirmed` resolves on yes.
 * On no (`confirmed` rejects) or when `signal` aborts, the channel is closed and the link ends
 * with PAIRING_CANCELLED: nothing was sent. If the channel ends meanwhile, its error.
 */
export async function untilConfirmed(
  channel: SecureChannel,
  confirmed: Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new PairingError('PAIRING_CANCELLED'));
    signal?.addEventListener('abort', () => reject(new PairingError('PAIRING_CANCELLED')), { once: true });
  });
  aborted.catch(() => {});
  try {
    // The other device may leave (its person said the codes differ) while this one asks.
    await Promise.race([confirmed, aborted, channel.failed]);
  } catch (e) {
    const error = e instanceof PairingError ? e : new PairingError('PAIRING_CANCELLED', undefined, { cause: e });
    channel.close(error);
    throw error;
  }
}

import { beforeAll, describe, expect, it } from 'vitest';
import { LinkSide } from '@trame/protocol';
import { ready } from '../sodium/sodium.js';
import { comparisonCode } from './comparisonCode.js';
import { openPairingMessage } from './openPairingMessage.js';
import { pairingCommitment } from './pairingCommitment.js';
import { pairingKeyPair } from './pairingKeyPair.js';
import { pairingSessionKeys } from './pairingSessionKeys.js';
import { pairingTranscript, type PairingExchange } from './pairingTranscript.js';
import { sealPairingMessage } from './sealPairingMessage.js';

beforeAll(async () => {
  await ready();
});

const channel = Uint8Array.of(1, 2, 3, 4, 5);

/** One honest exchange: the creator (has the account) commits, the joiner answers, the creator reveals. */
function honest() {
  const c = pairingKeyPair();
  const j = pairingKeyPair();
  const x: PairingExchange = {
    channel,
    creatorSide: LinkSide.HasAccount,
    commitment: pairingCommitment(c.publicKey),
    joinerSide: LinkSide.NewDevice,
    joinerKey: j.publicKey,
    creatorKey: c.publicKey,
  };
  return { c, j, x, t: pairingTranscript(x) };
}

describe('pairing exchange (R104)', () => {
  it('R104: both devices derive the same transcript, comparison code and keys; each direction has its own key', () => {
    const { c, j, x, t } = honest();
    expect(pairingCommitment(x.creatorKey)).toEqual(x.commitment);
    expect(comparisonCode(t)).toMatch(/^\d{3} \d{3}$/);
    const kc = pairingSessionKeys(c.secretKey, j.publicKey, t, true);
    const kj = pairingSessionKeys(j.secretKey, c.publicKey, t, false);
    expect(kc.send).toEqual(kj.receive);
    expect(kj.send).toEqual(kc.receive);
    expect(kc.send).not.toEqual(kc.receive);
    const m = sealPairingMessage(kc.send, 0, new TextEncoder().encode('profil'));
    expect(new TextDecoder().decode(openPairingMessage(kj.receive, 0, m.nonce, m.ciphertext))).toBe('profil');
  });

  it('R104: every byte of the exchange changes the transcript, hence the comparison code', () => {
    const { x, t } = honest();
    const variants: PairingExchange[] = [
      { ...x, channel: Uint8Array.of(1, 2, 3, 4, 6) },
      { ...x, creatorSide: LinkSide.NewDevice },
      { ...x, joinerSide: LinkSide.HasAccount },
      { ...x, commitment: pairingCommitment(pairingKeyPair().publicKey) },
      { ...x, joinerKey: pairingKeyPair().publicKey },
      { ...x, creatorKey: pairingKeyPair().publicKey },
    ];
    for (const v of variants) expect(pairingTranscript(v)).not.toEqual(t);
  });

  it('R104: a relay that substitutes its own keys both ways leaves two transcripts whose codes differ, and cannot read', () => {
    // The relay plays creator towards the joiner (commits to m1 before it sees the joiner's key)
    // and joiner towards the creator (sends m2 before the creator reveals its key).
    let same = 0;
    for (let i = 0; i < 50; i++) {
      const c = pairingKeyPair();
      const j = pairingKeyPair();
      const m1 = pairingKeyPair();
      const m2 = pairingKeyPair();
      const creatorSaw = pairingTranscript({
        channel,
        creatorSide: LinkSide.HasAccount,
        commitment: pairingCommitment(c.publicKey),
        joinerSide: LinkSide.NewDevice,
        joinerKey: m2.publicKey,
        creatorKey: c.publicKey,
      });
      const joinerSaw = pairingTranscript({
        channel,
        creatorSide: LinkSide.HasAccount,
        commitment: pairingCommitment(m1.publicKey),
        joinerSide: LinkSide.NewDevice,
        joinerKey: j.publicKey,
        creatorKey: m1.publicKey,
      });
      if (comparisonCode(creatorSaw) === comparisonCode(joinerSaw)) same++;
      const kc = pairingSessionKeys(c.secretKey, m2.publicKey, creatorSaw, true);
      const kj = pairingSessionKeys(j.secretKey, m1.publicKey, joinerSaw, false);
      const sealed = sealPairingMessage(kc.send, 0, Uint8Array.of(1));
      expect(() => openPairingMessage(kj.receive, 0, sealed.nonce, sealed.ciphertext)).toThrow(
        expect.objectContaining({ code: 'DECRYPT_FAILED' }),
      );
    }
    expect(same).toBe(0);
  });

  it('R104: a sealed message opens only at its own sequence number and under its direction key', () => {
    const { c, j, t } = honest();
    const kc = pairingSessionKeys(c.secretKey, j.publicKey, t, true);
    const kj = pairingSessionKeys(j.secretKey, c.publicKey, t, false);
    const m = sealPairingMessage(kc.send, 3, Uint8Array.of(7));
    expect(openPairingMessage(kj.receive, 3, m.nonce, m.ciphertext)).toEqual(Uint8Array.of(7));
    expect(() => openPairingMessage(kj.receive, 2, m.nonce, m.ciphertext)).toThrow(/DECRYPT|open/);
    expect(() => openPairingMessage(kj.send, 3, m.nonce, m.ciphertext)).toThrow(/DECRYPT|open/);
  });

  it('R104: a peer key of small order is refused', () => {
    const { c, t } = honest();
    expect(() => pairingSessionKeys(c.secretKey, new Uint8Array(32), t, true)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_FRAME' }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkPairingCreate } from './checkPairingCreate.js';
import { checkPairingData } from './checkPairingData.js';
import { checkPairingJoin } from './checkPairingJoin.js';
import { DEFAULT_PAIRING_LIMITS } from './PairingLimits.js';
import { pairingEnd } from './pairingEnd.js';
import { isPairingPath } from './isPairingPath.js';
import { offersPairingSubprotocol } from './offersPairingSubprotocol.js';

const L = { ...DEFAULT_PAIRING_LIMITS, maxPairingChannels: 3, maxPairingChannelsPerAddress: 2 };

describe('pairing channel rules (R100-R103)', () => {
  it('R100: a channel is created while the relay and the address are under their caps', () => {
    expect(checkPairingCreate({ channels: 0, channelsOfAddress: 0 }, L)).toBeNull();
    expect(checkPairingCreate({ channels: 2, channelsOfAddress: 1 }, L)).toBeNull();
    expect(checkPairingCreate({ channels: 2, channelsOfAddress: 2 }, L)).toBe('RATE_LIMITED');
    expect(checkPairingCreate({ channels: 3, channelsOfAddress: 0 }, L)).toBe('UNAVAILABLE');
    expect(checkPairingCreate({ channels: 1, channelsOfAddress: null }, L)).toBeNull();
  });

  it('R100: only `/pair` offering `trame-pair.1` is a pairing upgrade', () => {
    expect(isPairingPath('/pair')).toBe(true);
    expect(isPairingPath('/pair?x=1')).toBe(true);
    expect(isPairingPath('/pair/abc')).toBe(false);
    expect(isPairingPath('/ws')).toBe(false);
    expect(offersPairingSubprotocol('trame.3, trame-pair.1')).toBe(true);
    expect(offersPairingSubprotocol(['trame-pair.1'])).toBe(true);
    expect(offersPairingSubprotocol('trame.3')).toBe(false);
    expect(offersPairingSubprotocol(undefined)).toBe(false);
  });

  it('R101: joining an unknown or expired channel is PAIRING_UNKNOWN, a full one PAIRING_FULL', () => {
    expect(checkPairingJoin(undefined, 10)).toBe('PAIRING_UNKNOWN');
    expect(checkPairingJoin({ peers: 1, expiresAt: 10 }, 10)).toBe('PAIRING_UNKNOWN');
    expect(checkPairingJoin({ peers: 1, expiresAt: 11 }, 10)).toBeNull();
    expect(checkPairingJoin({ peers: 2, expiresAt: 11 }, 10)).toBe('PAIRING_FULL');
  });

  it('R102: data goes through only between two peers, within the channel budget', () => {
    const ch = { peers: 2, messages: 0, bytes: 0 };
    expect(checkPairingData(ch, 100, L)).toBeNull();
    expect(checkPairingData({ ...ch, peers: 1 }, 100, L)).toBe('UNEXPECTED_FRAME');
    expect(checkPairingData({ ...ch, messages: L.maxPairingMessagesPerChannel - 1 }, 1, L)).toBeNull();
    expect(checkPairingData({ ...ch, messages: L.maxPairingMessagesPerChannel }, 1, L)).toBe('RATE_LIMITED');
    expect(checkPairingData({ ...ch, bytes: L.maxPairingBytesPerChannel - 10 }, 10, L)).toBeNull();
    expect(checkPairingData({ ...ch, bytes: L.maxPairingBytesPerChannel - 10 }, 11, L)).toBe('RATE_LIMITED');
  });

  it('R103: a channel ends at its lifetime (PAIRING_EXPIRED) or when the other peer leaves (PAIRING_PEER_LEFT)', () => {
    expect(pairingEnd({ expiresAt: 100 }, 99, 'timer')).toBeNull();
    expect(pairingEnd({ expiresAt: 100 }, 100, 'timer')).toBe('PAIRING_EXPIRED');
    expect(pairingEnd({ expiresAt: 100 }, 50, 'peer-closed')).toBe('PAIRING_PEER_LEFT');
    expect(pairingEnd({ expiresAt: 100 }, 150, 'peer-closed')).toBe('PAIRING_EXPIRED');
  });
});

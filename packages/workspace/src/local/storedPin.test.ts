import { describe, expect, it } from 'vitest';
import { pinToStoredPin, storedPinToPin } from './storedPin.js';

describe('R39: the pin in the profile', () => {
  it('R39: round-trips genesis hash, seq and head hash as hex', () => {
    const pin = { genesisHash: new Uint8Array(32).fill(1), seq: 7, headHash: new Uint8Array(32).fill(2) };
    const stored = pinToStoredPin(pin)!;
    expect(stored).toEqual({ genesisHash: '01'.repeat(32), seq: 7, headHash: '02'.repeat(32) });
    expect(storedPinToPin(stored)).toEqual(pin);
  });

  it('R39: an invite pin (no genesis yet) and no pin are not stored', () => {
    expect(pinToStoredPin({ genesisHash: null, seq: 1, headHash: new Uint8Array(32) })).toBeUndefined();
    expect(pinToStoredPin(null)).toBeUndefined();
    expect(storedPinToPin(undefined)).toBeNull();
  });
});

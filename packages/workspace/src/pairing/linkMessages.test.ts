import { describe, expect, it } from 'vitest';
import { deviceNameFrom } from './deviceNameFrom.js';
import { readDeviceOffer } from './readDeviceOffer.js';
import { readLinkedProfile } from './readLinkedProfile.js';

const h = (n: number, c = 'a') => c.repeat(n);

const good = {
  t: 'linked',
  personId: h(64),
  displayName: 'Alice',
  colour: '#2f6fde',
  locale: 'fr',
  spaces: [
    {
      id: h(32, 'b'),
      kind: 'assembly',
      assemblyId: h(32, 'b'),
      joinedAt: 1,
      pin: { genesisHash: h(64, 'c'), seq: 4, headHash: h(64, 'd') },
    },
    { id: h(32, 'e'), kind: 'atelier', assemblyId: h(32, 'b'), joinedAt: 2 },
  ],
};

describe('link messages (PROTOCOL.md §11.3)', () => {
  it('R104: a well-formed profile is read, extra fields dropped', () => {
    const p = readLinkedProfile({ ...good, secretKey: 'x', spaces: [{ ...good.spaces[0], extra: 1 }] });
    expect(p).toEqual({ ...good, spaces: [good.spaces[0]] });
    expect('secretKey' in p).toBe(false);
  });

  it('R104: anything malformed is PAIRING_UNEXPECTED', () => {
    const bad = [
      null,
      { ...good, t: 'device' },
      { ...good, personId: h(63) },
      { ...good, displayName: '' },
      { ...good, displayName: h(81) },
      { ...good, colour: 'red' },
      { ...good, locale: 'de' },
      { ...good, spaces: {} },
      { ...good, spaces: [{ ...good.spaces[1], id: 'zz' }] },
      { ...good, spaces: [{ ...good.spaces[1], kind: 'other' }] },
      { ...good, spaces: [{ ...good.spaces[0], pin: { genesisHash: h(64), seq: -1, headHash: h(64) } }] },
    ];
    for (const b of bad)
      expect(() => readLinkedProfile(b)).toThrow(expect.objectContaining({ code: 'PAIRING_UNEXPECTED' }));
  });

  it('R104: a device offer is a 32-byte hex key and a short name', () => {
    expect(readDeviceOffer({ t: 'device', key: h(64, 'f'), name: ' Téléphone ' })).toEqual({
      t: 'device',
      key: h(64, 'f'),
      name: 'Téléphone',
    });
    expect(() => readDeviceOffer({ t: 'device', key: h(62), name: 'x' })).toThrow();
    expect(() => readDeviceOffer({ t: 'device', key: h(64), name: h(81) })).toThrow();
    expect(() => readDeviceOffer({ t: 'linked', key: h(64), name: 'x' })).toThrow();
  });

  it('DEVICES-1: device names come from the user agent, in the app language', () => {
    const pixel = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36';
    const linux = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36';
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
    expect(deviceNameFrom(pixel, 'fr')).toBe('Téléphone Android');
    expect(deviceNameFrom(linux, 'fr')).toBe('Ordinateur Linux');
    expect(deviceNameFrom(linux, 'en')).toBe('Linux computer');
    expect(deviceNameFrom(iphone, 'en')).toBe('iOS phone');
    expect(deviceNameFrom('', 'fr')).toBe('Ordinateur');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDeviceRecords } from './readDeviceRecords.js';
import { LAST_SEEN_STEP_MS, setDeviceRecord } from './setDeviceRecord.js';

describe('device records (DEVICES-2)', () => {
  it('DEVICES-2: a device record keeps its name, and its last seen moves forward by steps only', () => {
    const doc = new Y.Doc();
    expect(setDeviceRecord(doc, { id: 'd1', person: 'p', name: 'Téléphone', lastSeen: 0 })).toBe(true);
    expect(setDeviceRecord(doc, { id: 'd1', person: 'p', lastSeen: 1000 })).toBe(false);
    expect(setDeviceRecord(doc, { id: 'd1', person: 'p', lastSeen: LAST_SEEN_STEP_MS + 5 })).toBe(true);
    expect(setDeviceRecord(doc, { id: 'd1', person: 'p', lastSeen: 10 })).toBe(false);
    expect(readDeviceRecords(doc).get('d1')).toEqual({
      id: 'd1',
      person: 'p',
      name: 'Téléphone',
      lastSeen: LAST_SEEN_STEP_MS + 5,
    });
    doc.getMap('devices').set('junk', 3);
    expect(readDeviceRecords(doc).has('junk')).toBe(false);
  });
});

import { Role } from '@trame/protocol';
import { describe, expect, it } from 'vitest';
import type { DocumentSessionLike, SpaceSessionLike } from '../sync/SyncApi.js';
import { requireWriter } from './requireWriter.js';

const space = (myRole: Role) => ({
  id: 'aa',
  session: { myRole } as SpaceSessionLike,
  index: {} as DocumentSessionLike,
});

describe('requireWriter', () => {
  it('lets animateurs and members write, refuses observers and non-members with FORBIDDEN', () => {
    expect(() => requireWriter(space(Role.Admin))).not.toThrow();
    expect(() => requireWriter(space(Role.Editor))).not.toThrow();
    for (const r of [Role.Viewer, Role.None])
      expect(() => requireWriter(space(r))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

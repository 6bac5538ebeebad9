import { describe, expect, it } from 'vitest';
import { groupSessions } from './groupSessions.js';

const MIN = 60_000;
const v = (id: string, at: number, endAt: number, authors: string[], named?: string) => ({
  id,
  at: at * MIN,
  endAt: endAt * MIN,
  authors,
  size: 100,
  ...(named ? { named } : {}),
});

describe('groupSessions', () => {
  it('HISTORY-1: versions less than 30 minutes apart are one session; newest first', () => {
    const sessions = groupSessions([
      v('1', 0, 5, ['alice']),
      v('2', 10, 20, ['bob']),
      v('3', 45, 50, ['alice', 'claire']),
      v('4', 200, 210, ['bob'], 'Version votée'),
    ]);
    expect(sessions.map((s) => s.versions.map((x) => x.id))).toEqual([['4'], ['3', '2', '1']]);
    expect(sessions[1]).toMatchObject({ start: 0, end: 50 * MIN, authors: ['alice', 'claire', 'bob'] });
    expect(sessions[0]!.versions[0]!.named).toBe('Version votée');
  });

  it('HISTORY-1: a gap of more than the limit splits; no versions, no sessions', () => {
    expect(groupSessions([v('1', 0, 5, ['a']), v('2', 36, 40, ['a'])], 30 * MIN)).toHaveLength(2);
    expect(groupSessions([v('1', 0, 5, ['a']), v('2', 35, 40, ['a'])], 30 * MIN)).toHaveLength(1);
    expect(groupSessions([])).toEqual([]);
  });
});

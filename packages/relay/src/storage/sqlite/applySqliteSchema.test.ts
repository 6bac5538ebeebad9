import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SchemaTooNewError } from '../SchemaTooNewError.js';
import { applySqliteSchema } from './applySqliteSchema.js';
import { SQLITE_MIGRATIONS } from './sqliteMigrations.js';

const newest = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));

describe('applySqliteSchema', () => {
  it('SELFHOST-4: a new file gets every step, in order, and a second start applies none', () => {
    const db = new Database(':memory:');
    expect(applySqliteSchema(db)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    expect(applySqliteSchema(db)).toEqual([]);
    db.close();
  });

  it('SELFHOST-4: an older file is brought up to date, keeping its rows', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, description: 'one', sql: 'CREATE TABLE t (a INTEGER)' },
      { version: 2, description: 'two', sql: 'ALTER TABLE t ADD COLUMN b INTEGER NOT NULL DEFAULT 7' },
    ];
    applySqliteSchema(db, steps.slice(0, 1));
    db.prepare('INSERT INTO t (a) VALUES (1)').run();
    expect(applySqliteSchema(db, steps)).toEqual([2]);
    expect(db.prepare('SELECT a, b FROM t').all()).toEqual([{ a: 1, b: 7 }]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('SELFHOST-4: a step that fails leaves the file at the previous version', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, description: 'one', sql: 'CREATE TABLE t (a INTEGER)' },
      { version: 2, description: 'broken', sql: 'CREATE TABLE u (a INTEGER); SELECT * FROM nowhere' },
    ];
    expect(() => applySqliteSchema(db, steps)).toThrow(/nowhere/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'u'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('SELFHOST-4: a file written by a newer release is refused and left untouched', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${newest + 1}`);
    expect(() => applySqliteSchema(db)).toThrow(SchemaTooNewError);
    expect(db.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual({ n: 0 });
    db.close();
  });
});

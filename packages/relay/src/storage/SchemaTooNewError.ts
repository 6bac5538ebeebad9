/**
 * The relay's storage was written by a newer release than this one (SELFHOST-4). Starting would
 * risk misreading or damaging it, so the server refuses and says what to do.
 */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';

  constructor(
    /** Where: a SQLite file or a PostgreSQL schema. */
    readonly where: string,
    /** The version found in storage. */
    readonly found: number,
    /** The newest version this release knows. */
    readonly known: number,
  ) {
    super(
      `${where} was written by a newer Trame (storage schema ${found}; this release knows up to ${known}). ` +
        'Nothing was changed. Run the newer release again, or restore the backup made before the upgrade ' +
        '(docs/deploy.md, "Upgrading"); newer data directories are never downgraded.',
    );
  }
}

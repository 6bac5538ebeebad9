/** release.json: what a build is made of (apps/web/release/signRelease.mjs writes it). */
export interface ReleaseManifest {
  version: string;
  kind: string;
  /** URL path ("/_app/immutable/…") → lowercase hex SHA-256 of the file's bytes. */
  files: Record<string, string>;
}

/** Why a version was not installed. */
export type RefusalReason = 'signature' | 'hash' | 'version' | 'manifest' | 'unsupported';

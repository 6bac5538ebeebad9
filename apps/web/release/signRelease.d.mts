import type { KeyObject } from 'node:crypto';

export declare const RELEASE_FILE: string;
export declare const SIGNATURE_FILE: string;
export declare function signRelease(
  buildDir: string,
  privateKey: KeyObject,
  o?: { kind?: string },
): { version: string; files: number };

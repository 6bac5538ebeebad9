import type { KeyObject } from 'node:crypto';

export declare const PUBLISHED_KEY_FILE: string;
export declare const DEV_KEY_FILE: string;
export declare function publicKeyBase64(privateKey: KeyObject): string;
export declare function newPrivateKeyPem(): string;
export declare function loadReleaseKey(env?: NodeJS.ProcessEnv): {
  privateKey: KeyObject;
  publicKey: string;
  kind: 'release' | 'development';
};

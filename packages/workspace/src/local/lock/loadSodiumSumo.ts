import type sodiumSumo from 'libsodium-wrappers-sumo';

type Sumo = typeof sodiumSumo;

let loading: Promise<Sumo> | null = null;

/**
 * libsodium's sumo build (it has `crypto_pwhash`, Argon2id), loaded on first use only: the
 * app's usual routes do not carry it; a device with a lock loads it at start, to unlock.
 */
export function loadSodiumSumo(): Promise<Sumo> {
  loading ??= import('libsodium-wrappers-sumo').then(async (mod) => {
    const sodium = mod.default;
    await sodium.ready;
    return sodium;
  });
  loading.catch(() => (loading = null));
  return loading;
}

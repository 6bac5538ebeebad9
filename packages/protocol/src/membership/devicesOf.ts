import type { DeviceLayer } from './personOf.js';

/** R97: the linked device keys (hex) of a person, in log order; the person key is not listed. Pure. */
export function devicesOf(state: DeviceLayer, person: string): string[] {
  return [...state.devices].filter(([, p]) => p === person).map(([device]) => device);
}

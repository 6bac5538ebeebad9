/**
 * DEVICES-2: what a space's index says about one device of a person: written into the index
 * (an encrypted document every update of which the device signs, R40) by the device itself when
 * it publishes its profile, or by the device that linked it (its name). Readers trust `person`
 * only where the verified log agrees (`personOf`).
 */
export interface DeviceRecord {
  /** Hex device key. */
  id: string;
  /** Hex person key the device says it belongs to. */
  person: string;
  /** The device's name ("Téléphone"), '' when none was given. */
  name: string;
  /** ms since the epoch of the device's last profile publication in this space; 0 when never. */
  lastSeen: number;
}

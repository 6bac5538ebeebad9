import { MembershipAction, Role, toHex } from '@trame/protocol';
import { grantDraft, rotateDraft, type EntryDraft } from './entryDrafts.js';

/**
 * R94: DEVICE_ADD of `device`, signed by this device (a key of the person), with every space key
 * this device holds sealed to the new one (R71). null when the device is in the space already
 * (linked before, by this or another device of the person).
 */
export function deviceAddDraft(device: Uint8Array): EntryDraft {
  const grant = grantDraft(MembershipAction.DeviceAdd, device, Role.None);
  return (state, seq) => (state.membership.devices.has(toHex(device)) ? null : grant(state, seq));
}

/** R95: DEVICE_REMOVE of `device`; null when it is no linked device any more (removed meanwhile). */
export function deviceRemoveDraft(device: Uint8Array): EntryDraft {
  return (state) =>
    state.membership.devices.has(toHex(device))
      ? { action: MembershipAction.DeviceRemove, subject: device, role: Role.None, epoch: state.epoch, sealedKeys: [] }
      : null;
}

/**
 * R96: the ROTATE that follows a DEVICE_REMOVE, renewing the keys by hand (subject = this
 * device): sealed to every key holder left (R99), never to the removed device. null once no
 * rotation is owed for `person` (a ROTATE after the removal already renewed the keys).
 */
export function renewAfterRemovalDraft(person: string): EntryDraft {
  const rotate = rotateDraft(null);
  return (state, seq) => (state.membership.rotationOwed.has(person) ? rotate(state, seq) : null);
}

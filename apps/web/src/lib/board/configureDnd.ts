import { setAriaStrings, setKeyboardDragTrigger } from 'svelte-dnd-action';
import { m } from '$lib/paraglide/messages.js';

/**
 * Global svelte-dnd-action settings: Space picks up and drops (so Enter stays free to open a
 * card), and what the library announces to screen readers is in the interface language.
 */
export function configureDnd(): void {
  setKeyboardDragTrigger('space');
  setAriaStrings({
    dragStarted: ({ itemLabel, zoneLabel, position, count }) =>
      m.dnd_started({ item: itemLabel, zone: zoneLabel, position, count }),
    movedToPosition: ({ itemLabel, zoneLabel, position, count }) =>
      m.dnd_moved({ item: itemLabel, zone: zoneLabel, position, count }),
    movedToZoneStart: ({ itemLabel, zoneLabel, position, count }) =>
      m.dnd_moved({ item: itemLabel, zone: zoneLabel, position, count }),
    movedToZoneEnd: ({ itemLabel, zoneLabel, position, count }) =>
      m.dnd_moved({ item: itemLabel, zone: zoneLabel, position, count }),
    dropped: ({ itemLabel, zoneLabel, position, count }) =>
      m.dnd_dropped({ item: itemLabel, zone: zoneLabel, position, count }),
    zoneActiveInstruction: m.dnd_instruction(),
    zoneDragDisabledInstruction: m.dnd_disabled(),
  });
}

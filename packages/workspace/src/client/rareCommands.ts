/**
 * The commands a page rarely needs at load (creating, renaming, inviting, joining), fetched on
 * their first use so that they and the templates they carry stay out of every route's first
 * load (issue 14, WEBAPP-3 budgets). The facade (TrameClient) imports this module lazily.
 */
export { createAtelier } from './collective/createAtelier.js';
export { createCollective } from './collective/createCollective.js';
export { setAtelierStatus } from './collective/setAtelierStatus.js';
export { updateSpaceDetails } from './collective/updateSpaceDetails.js';
export { acceptInvite } from './invites/acceptInvite.js';
export { createInvite } from './invites/createInvite.js';
export { previewInvite } from './invites/previewInvite.js';
export { createItem } from './items/createItem.js';
export { duplicateItem } from './items/duplicateItem.js';
export { renameItem } from './items/renameItem.js';
export { setArchived } from './items/setArchived.js';

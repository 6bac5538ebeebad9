/** Device commands, loaded on first use (`client.devices`): they stay out of every route's bundle (WEBAPP-3). */
export { addDevice } from './addDevice.js';
export { listDevices } from './listDevices.js';
export { removeDevice } from './removeDevice.js';
export { becomeOwnDevice } from './becomeOwnDevice.js';
export { certifyForLink } from './certifyForLink.js';

/**
 * What the app needs only once a profile exists: the client and the sync engine it drives.
 * AppSession imports this module dynamically, so the welcome screen does not download them
 * (issue 14, WEBAPP-3); the home and space routes import them statically anyway. A module of
 * its own (rather than `import('@trame/workspace')`) so that the bundler keeps only these two
 * of the packages' exports.
 */
export { TrameClient } from '@trame/workspace';
export { sync } from '$lib/sync/sync';

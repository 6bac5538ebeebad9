import { AppSession } from './AppSession.svelte';

/** The single app session of this tab. */
export const app = new AppSession();

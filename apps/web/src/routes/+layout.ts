// Trame renders in the browser only: keys, decryption and Y.Docs never exist on the server.
export const ssr = false;
export const prerender = false;

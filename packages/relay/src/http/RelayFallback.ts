import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Node request handler, e.g. the server's static web app (`serveWebApp`, sirv) or an Express/Polka app. */
export type NodeRequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void | Promise<void>;

/** A fetch-style handler, e.g. another Hono app's `fetch`. */
export interface FetchFallback {
  fetch: (request: Request) => Response | Promise<Response>;
}

/**
 * Serves every HTTP request that is neither `/ws…` nor `/health`, on the relay's port (the
 * web app). Websocket upgrades always go to the relay.
 */
export type RelayFallback = NodeRequestHandler | FetchFallback;

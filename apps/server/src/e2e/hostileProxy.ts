import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

/** A websocket endpoint in front of a real relay whose frames the test rewrites. */
export interface HostileProxy {
  url: string;
  close(): Promise<void>;
}

export interface HostileProxyOptions {
  /**
   * Called with each frame the relay sends to the client; `send` passes a frame on (the same,
   * changed, or extra ones). Default: pass it on unchanged.
   */
  toClient?: (frame: Uint8Array, send: (frame: Uint8Array) => void) => void;
  /**
   * `true` (default): the relay's own front (its operator, or a reverse proxy): the client's
   * `Host` header goes upstream as is. `false`: another relay in the middle, which dials the
   * real one under the real one's name (R16).
   */
  keepHost?: boolean;
  /** Sent upstream as the `Host` header instead (a relay in the middle that lies about it). */
  hostHeader?: string;
}

/**
 * Test support: a relay that lies. Clients connect to `url`; every connection is relayed to
 * `upstream`, frame by frame, through `toClient`.
 */
export async function hostileProxy(upstream: string, o: HostileProxyOptions = {}): Promise<HostileProxy> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (p) => [...p][0] ?? false });
  wss.on('connection', (client, req) => {
    const protocols = (req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const host = o.hostHeader ?? (o.keepHost === false ? undefined : req.headers.host);
    const up = new WebSocket(upstream, protocols, host ? { headers: { host } } : {});
    const early: Buffer[] = [];
    up.on('open', () => {
      for (const m of early.splice(0)) up.send(m);
    });
    client.on('message', (m: Buffer) => (up.readyState === WebSocket.OPEN ? up.send(m) : early.push(m)));
    const send = (frame: Uint8Array): void => {
      if (client.readyState === WebSocket.OPEN) client.send(frame);
    };
    up.on('message', (m: Buffer) => {
      const frame = new Uint8Array(m.buffer, m.byteOffset, m.byteLength);
      if (o.toClient) o.toClient(frame, send);
      else send(frame);
    });
    const end = (code: number, reason: Buffer): void => {
      const c = code >= 4000 && code < 5000 ? code : 4599;
      if (client.readyState <= WebSocket.OPEN) client.close(c, reason.toString());
      if (up.readyState <= WebSocket.OPEN) up.close();
    };
    up.on('close', end);
    up.on('error', () => client.terminate());
    client.on('close', () => up.terminate());
  });
  await new Promise<void>((r) => wss.on('listening', () => r()));
  const { port } = wss.address() as AddressInfo;
  const path = new URL(upstream).pathname;
  return {
    url: `ws://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
}

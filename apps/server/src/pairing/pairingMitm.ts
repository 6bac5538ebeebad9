import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { decodePairingFrame, encodePairingFrame, PAIRING, PairingMode } from '@trame/protocol';

/** Which device a pairing socket belongs to, as the proxy tells them apart (by their OPEN). */
export type PairingRole = 'creator' | 'joiner';

/** A pairing endpoint in front of a real relay, rewriting the payloads devices send. */
export interface PairingMitm {
  /** `ws://127.0.0.1:<port>/pair`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Test support: a relay that lies on the pairing channel (DEVICES-1). Every socket is relayed to
 * the real relay's `/pair`; each DATA payload a device sends goes through `rewrite`, which
 * returns what the other device gets instead (the relay forwards it as usual).
 */
export async function pairingMitm(
  upstream: string,
  rewrite: (from: PairingRole, payload: Uint8Array) => Uint8Array,
): Promise<PairingMitm> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => PAIRING.subprotocol });
  wss.on('connection', (client) => {
    const up = new WebSocket(upstream, [PAIRING.subprotocol]);
    let role: PairingRole = 'joiner';
    const early: Uint8Array[] = [];
    const toRelay = (bytes: Uint8Array): void => {
      if (up.readyState === WebSocket.OPEN) up.send(bytes);
      else early.push(bytes);
    };
    up.on('open', () => {
      for (const m of early.splice(0)) up.send(m);
    });
    client.on('message', (m: Buffer) => {
      const bytes = new Uint8Array(m.buffer, m.byteOffset, m.byteLength);
      const f = decodePairingFrame(bytes);
      if (f.kind === 0x30) role = f.mode === PairingMode.Create ? 'creator' : 'joiner';
      if (f.kind === 0x32) return toRelay(encodePairingFrame({ kind: 0x32, payload: rewrite(role, f.payload) }));
      toRelay(bytes);
    });
    up.on('message', (m: Buffer) => {
      if (client.readyState === WebSocket.OPEN) client.send(m);
    });
    up.on('close', (code) => {
      if (client.readyState <= WebSocket.OPEN) client.close(code >= 4000 && code < 5000 ? code : 1000);
    });
    up.on('error', () => client.terminate());
    client.on('close', () => up.close());
  });
  await new Promise<void>((r) => wss.on('listening', () => r()));
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}${PAIRING.path}`,
    close: () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
}

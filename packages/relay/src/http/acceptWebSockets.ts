import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { TRAME_SUBPROTOCOL } from '@trame/protocol';
import type { Admission, Refusal } from '../admission/Admission.js';
import { clientAddress } from '../admission/clientAddress.js';
import { offersSubprotocol } from '../admission/offersSubprotocol.js';
import { presentsCreationToken } from '../admission/presentsCreationToken.js';
import { isWebSocketPath } from './isWebSocketPath.js';
import { isPairingPath } from '../pairing/isPairingPath.js';
import { offersPairingSubprotocol } from '../pairing/offersPairingSubprotocol.js';

/** DEVICES-1: where upgrades on `/pair` go (R100); see PairingHub. */
export interface PairingUpgrades {
  websocketServer: WebSocketServer;
  accept(ws: WebSocket, address: string | null): void;
}

/** What {@link acceptWebSockets} checks before a socket exists. */
export interface UpgradeGate {
  admission: Admission;
  /** Header naming the client address behind a trusted proxy, or null (R60). */
  trustedProxyHeader: string | null;
  /** R68: the operator's space-creation token, when the policy asks for one. */
  creationToken: string | null;
  /** An upgrade was refused (for /metrics). */
  refused(reason: 'path' | 'subprotocol' | 'address' | 'full'): void;
  /** DEVICES-1: the pairing channel's upgrades (`/pair`, subprotocol `trame-pair.1`). */
  pairing?: PairingUpgrades;
}

/**
 * Hands websocket upgrades on `/ws…` straight to `ws`. Going through a fetch-style adapter
 * instead built a Request, Headers and URL per connection and kept them, with the upgrade
 * request, alive for the life of the socket: about 8 KiB of heap and 40 ms of CPU per 200
 * connections, measured against a bare `ws` server.
 *
 * Before that, R9 and R60: the client must offer `trame.<version>`, and its address must be
 * under its caps; otherwise the upgrade is answered with an HTTP status and a reason, and no
 * websocket is ever opened.
 */
export function acceptWebSockets(
  server: Server,
  wss: WebSocketServer,
  gate: UpgradeGate,
  onSocket: (ws: WebSocket, address: string | null, host: string | undefined, presentedCreationToken: boolean) => void,
): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    const pairing = gate.pairing && isPairingPath(req.url) ? gate.pairing : null;
    if (pairing) {
      acceptPairing(req, socket, head, gate, pairing);
      return;
    }
    if (!isWebSocketPath(req.url)) {
      gate.refused('path');
      refuse(socket, 404, 'Not Found', 'not a websocket path');
      return;
    }
    if (!offersSubprotocol(req.headers['sec-websocket-protocol'])) {
      gate.refused('subprotocol');
      refuse(
        socket,
        400,
        'Bad Request',
        `this is a Trame relay: offer the websocket subprotocol "${TRAME_SUBPROTOCOL}"`,
      );
      return;
    }
    const address = clientAddress(req, gate.trustedProxyHeader);
    const refusal = gate.admission.admit(address);
    if (refusal) {
      gate.refused(refusal.status === 429 ? 'address' : 'full');
      refuseWith(socket, refusal);
      return;
    }
    const token = gate.creationToken
      ? presentsCreationToken(req.headers['sec-websocket-protocol'], gate.creationToken)
      : false;
    let handed = false;
    socket.once('close', () => {
      if (!handed) gate.admission.release(address, true);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      handed = true;
      onSocket(ws, address, req.headers.host, token);
    });
  });
}

/** R100: a pairing upgrade, under the same per-address and relay-wide caps as any other (R60). */
function acceptPairing(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  gate: UpgradeGate,
  pairing: PairingUpgrades,
): void {
  if (!offersPairingSubprotocol(req.headers['sec-websocket-protocol'])) {
    gate.refused('subprotocol');
    refuse(
      socket,
      400,
      'Bad Request',
      'this is a Trame pairing channel: offer the websocket subprotocol "trame-pair.1"',
    );
    return;
  }
  const address = clientAddress(req, gate.trustedProxyHeader);
  const refusal = gate.admission.admit(address);
  if (refusal) {
    gate.refused(refusal.status === 429 ? 'address' : 'full');
    refuseWith(socket, refusal);
    return;
  }
  let handed = false;
  socket.once('close', () => {
    if (!handed) gate.admission.release(address, true);
  });
  pairing.websocketServer.handleUpgrade(req, socket, head, (ws) => {
    handed = true;
    pairing.accept(ws, address);
  });
}

function refuseWith(socket: Duplex, refusal: Refusal): void {
  const text = refusal.status === 429 ? 'Too Many Requests' : 'Service Unavailable';
  refuse(socket, refusal.status, text, refusal.reason, `Retry-After: ${refusal.retryAfter}\r\n`);
}

function refuse(socket: Duplex, status: number, text: string, reason: string, extra = ''): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A backend of a {@link TcpProxy}: a port on 127.0.0.1. */
export type Backend = () => number;

/**
 * A TCP proxy on 127.0.0.1 for failure tests, in two roles: a load balancer in front of relay
 * instances (each connection goes to the first backend that accepts it, in preference order,
 * like nginx's failover), and a cable to PostgreSQL that can be cut: `pause()` blackholes every
 * flow and holds new connections (a network partition: nothing is refused, nothing answers),
 * `resume()` lets everything through again.
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly flows = new Set<{ client: Socket; upstream: Socket | null }>();
  private paused = false;
  private held: Array<() => void> = [];
  /** Connections accepted per backend index. */
  readonly accepted: number[] = [];
  port = 0;

  constructor(private readonly backends: Backend[]) {
    this.server = createServer((client) => this.accept(client));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  pause(): void {
    this.paused = true;
    for (const f of this.flows) {
      f.client.pause();
      f.upstream?.pause();
    }
  }

  resume(): void {
    this.paused = false;
    for (const f of this.flows) {
      f.client.resume();
      f.upstream?.resume();
    }
    for (const go of this.held.splice(0)) go();
  }

  /** Cuts every open flow (both sides see a reset). */
  dropAll(): void {
    for (const f of this.flows) {
      f.client.destroy();
      f.upstream?.destroy();
    }
    this.flows.clear();
  }

  async close(): Promise<void> {
    this.held = [];
    this.dropAll();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    const flow: { client: Socket; upstream: Socket | null } = { client, upstream: null };
    this.flows.add(flow);
    client.on('error', () => {});
    client.on('close', () => {
      flow.upstream?.destroy();
      this.flows.delete(flow);
    });
    client.pause();
    const connect = (i: number): void => {
      if (client.destroyed) return;
      if (i >= this.backends.length) {
        client.destroy();
        return;
      }
      const upstream = createConnection({ host: '127.0.0.1', port: this.backends[i]!() });
      let connected = false;
      upstream.once('error', () => {
        if (flow.upstream === upstream) flow.upstream = null;
        if (!upstream.readableEnded && !connected) connect(i + 1);
        else client.destroy();
      });
      upstream.once('connect', () => {
        connected = true;
        this.accepted[i] = (this.accepted[i] ?? 0) + 1;
        flow.upstream = upstream;
        upstream.on('close', () => client.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        if (this.paused) upstream.pause();
        else client.resume();
      });
    };
    if (this.paused) this.held.push(() => connect(0));
    else connect(0);
  }
}

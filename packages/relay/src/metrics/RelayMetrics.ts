import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { frameKindName } from '@trame/protocol';

/** What the metrics read from the relay when scraped. */
export interface MetricsSources {
  /** Open connections by phase (`hello`, `auth`, `genesis`, `loading`, `open`). */
  connectionsByPhase(): Record<string, number>;
  admission(): { open: number; pending: number; addresses: number };
  /** Log lines lost to a failing sink (R64). */
  droppedLogLines(): number;
}

/**
 * `GET /metrics` in Prometheus' text format (prom-client, one registry per relay): connections
 * by phase, frames and bytes in and out, rejections by error code, refused upgrades, closes by
 * code (evictions), quotas hit, storage write latency, and the process's own metrics (RSS,
 * event-loop lag, file descriptors). Labels are bounded sets: never ids.
 */
export class RelayMetrics {
  readonly registry = new Registry();
  private readonly framesIn: Counter<'kind'>;
  private readonly bytesIn: Counter;
  private readonly framesOut: Counter;
  private readonly bytesOut: Counter;
  private readonly rejections: Counter<'code'>;
  private readonly refusedUpgrades: Counter<'reason'>;
  private readonly closes: Counter<'code'>;
  private readonly quotas: Counter<'quota'>;
  private readonly storageWrites: Histogram<'outcome'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'trame_' });
    this.framesIn = new Counter({
      name: 'trame_frames_received_total',
      help: 'Websocket messages received, by frame kind',
      labelNames: ['kind'],
      registers,
    });
    this.bytesIn = new Counter({
      name: 'trame_bytes_received_total',
      help: 'Bytes of websocket messages received',
      registers,
    });
    this.framesOut = new Counter({ name: 'trame_frames_sent_total', help: 'Frames sent to clients', registers });
    this.bytesOut = new Counter({ name: 'trame_bytes_sent_total', help: 'Bytes of frames sent to clients', registers });
    this.rejections = new Counter({
      name: 'trame_rejections_total',
      help: 'Frames answered with ERROR, by error code',
      labelNames: ['code'],
      registers,
    });
    this.refusedUpgrades = new Counter({
      name: 'trame_upgrades_refused_total',
      help: 'Websocket upgrades refused before any frame (R9, R60), by reason',
      labelNames: ['reason'],
      registers,
    });
    this.closes = new Counter({
      name: 'trame_connections_closed_by_relay_total',
      help: 'Connections the relay closed, by close code (4503 evicted, 4508 deadline, 4509 slow reader, 4510 idle, 4529 rate)',
      labelNames: ['code'],
      registers,
    });
    this.quotas = new Counter({
      name: 'trame_quota_hits_total',
      help: 'Frames refused or dropped by a budget, by budget',
      labelNames: ['quota'],
      registers,
    });
    this.storageWrites = new Histogram({
      name: 'trame_storage_write_seconds',
      help: 'Storage write transactions, from start to durable, by outcome',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    new Gauge({
      name: 'trame_connections',
      help: 'Open websocket connections by phase',
      labelNames: ['phase'],
      registers,
      collect() {
        this.reset();
        for (const [phase, n] of Object.entries(sources.connectionsByPhase())) this.set({ phase }, n);
      },
    });
    new Gauge({
      name: 'trame_connections_pending',
      help: 'Connections not yet known as members (R60)',
      registers,
      collect() {
        this.set(sources.admission().pending);
      },
    });
    new Gauge({
      name: 'trame_client_addresses',
      help: 'Client addresses with connections or recent handshakes (R60)',
      registers,
      collect() {
        this.set(sources.admission().addresses);
      },
    });
    new Gauge({
      name: 'trame_log_lines_dropped',
      help: 'Log lines lost because the log sink failed (R64)',
      registers,
      collect() {
        this.set(sources.droppedLogLines());
      },
    });
  }

  received(kind: number, bytes: number): void {
    this.framesIn.inc({ kind: KIND_NAMES.get(kind) ?? 'unknown' });
    this.bytesIn.inc(bytes);
  }

  sent(bytes: number): void {
    this.framesOut.inc();
    this.bytesOut.inc(bytes);
  }

  rejected(code: string): void {
    this.rejections.inc({ code });
  }

  refused(reason: string): void {
    this.refusedUpgrades.inc({ reason });
  }

  closed(code: number): void {
    this.closes.inc({ code: String(code) });
  }

  quotaHit(quota: 'frames' | 'ephemeral' | 'bytes' | 'tail' | 'space_creation' | 'space_stored_bytes'): void {
    this.quotas.inc({ quota });
  }

  storageWrite(seconds: number, ok: boolean): void {
    this.storageWrites.observe({ outcome: ok ? 'ok' : 'failed' }, seconds);
  }

  /** The text exposition and its content type. */
  async scrape(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}

// Known kinds only: an attacker's byte must not create a new label value.
const KIND_NAMES = new Map<number, string>(
  Array.from({ length: 0x30 }, (_, k) => [k, frameKindName(k)] as const).filter(([, name]) => !name.startsWith('0x')),
);

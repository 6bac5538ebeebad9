/** When a writer publishes a snapshot (R46). */
export interface CompactionPolicy {
  afterUpdates: number;
  afterBytes: number;
}

import { HistoryClient, type HistoryClientOptions } from './HistoryClient.js';

/** HISTORY-1: the version history of one item of a space (a SpaceSession) at its relay. */
export function openHistory(o: HistoryClientOptions): HistoryClient {
  return new HistoryClient(o);
}

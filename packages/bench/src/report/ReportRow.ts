import type { Summary } from '../stats/summarize.js';

/** One line of the results table: a measure, each server's median and spread, the ratio. */
export interface ReportRow {
  scenario: string;
  measure: string;
  unit: string;
  trame?: Summary;
  yWebsocket?: Summary;
  hocuspocus?: Summary;
  /** Trame / best peer (both medians). */
  ratio?: number;
  target?: string;
  met?: boolean;
}

/** The collective-wide key of a decision: its minutes and its own id. */
export function decisionKey(minutesId: string, decisionId: string): string {
  return `${minutesId}:${decisionId}`;
}

/** The card id of a decision on an atelier board; fixed so concurrent creators converge. */
export function decisionCardId(key: string): string {
  return `decision:${key}`;
}

import type { PublishedDecision } from '@trame/workspace';
import { formatDate } from './formatDate';

/** The description a decision card gets on an atelier board: which minutes, when, which point. */
export function describeDecision(d: PublishedDecision): string {
  return `${d.minutesTitle}${d.date ? ` — ${formatDate(d.date)}` : ''} · ${d.agendaTitle}`;
}

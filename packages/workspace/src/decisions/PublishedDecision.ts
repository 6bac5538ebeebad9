/**
 * A decision of the assembly addressed to ateliers, as published in the assembly's index
 * (`decisions` map). The index is open for every member of the collective, so atelier clients
 * learn about decisions without opening every minutes document.
 */
export interface PublishedDecision {
  /** `minutesId:decisionId`, unique in the collective. */
  key: string;
  minutesId: string;
  decisionId: string;
  text: string;
  /** Atelier space ids. */
  ateliers: string[];
  minutesTitle: string;
  /** Meeting date, `yyyy-mm-dd` or ''. */
  date: string;
  agendaTitle: string;
}

/** How far an atelier has got with a decision, as shown next to it in the minutes. */
export type DecisionState = 'received' | 'inProgress' | 'done' | 'removed';

/** An atelier's report on one decision, written by its members' clients into the assembly. */
export interface DecisionStatus {
  key: string;
  atelierId: string;
  state: DecisionState;
  /** Title of the column the card is in, so the minutes can say "Juridique · En cours". */
  columnTitle: string;
  updatedAt: number;
}

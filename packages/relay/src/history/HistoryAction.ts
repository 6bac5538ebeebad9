/** What a history request asks for (R106). */
export type HistoryAction = 'read' | 'write' | 'retention';

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange } from '../text/applyTextChange.js';
import { syncDocs } from '../testing/syncDocs.js';
import { addAction } from './addAction.js';
import { addAgendaItem } from './addAgendaItem.js';
import { addDecision } from './addDecision.js';
import { agendaDiscussion } from './agendaDiscussion.js';
import { initMinutes } from './initMinutes.js';
import { readMinutes } from './readMinutes.js';
import { setAttendance } from './setAttendance.js';
import { updateAction } from './updateAction.js';
import { updateAgendaItem } from './updateAgendaItem.js';
import { updateMinutesMeta } from './updateMinutesMeta.js';

describe('minutes', () => {
  it('holds header, attendance, agenda, decisions and actions', () => {
    const doc = new Y.Doc();
    initMinutes(doc, { title: 'AG', date: '2025-03-08', agenda: ['Tour de table', 'Questions diverses'] });
    updateMinutesMeta(doc, { place: 'Salle des fêtes, Nîmes', chair: 'Léa', noteTaker: 'Karim' });
    setAttendance(doc, { key: 'k1', name: 'Léa', memberId: 'ab' }, 'present');
    setAttendance(doc, { key: 'k2', name: 'Amine' }, 'excused');
    setAttendance(doc, { key: 'k3', name: 'Zoé' }, 'present');
    setAttendance(doc, { key: 'k3', name: 'Zoé' }, null);
    const item = addAgendaItem(doc, 'Manifestation', 1);
    addDecision(doc, item, { text: 'On y va', ateliers: ['x'], now: 1 });
    const act = addAction(doc, item, { text: 'Déclarer en préfecture', who: 'Karim', due: '2025-03-15' })!;
    updateAction(doc, item, act, { done: true });
    const view = readMinutes(doc);
    expect(view.meta).toEqual({
      title: 'AG',
      date: '2025-03-08',
      place: 'Salle des fêtes, Nîmes',
      chair: 'Léa',
      noteTaker: 'Karim',
    });
    expect(view.attendance.map((a) => [a.name, a.status])).toEqual([
      ['Amine', 'excused'],
      ['Léa', 'present'],
    ]);
    expect(view.agenda.map((a) => a.title)).toEqual(['Tour de table', 'Manifestation', 'Questions diverses']);
    const m = view.agenda[1]!;
    expect(m.decisions.map((d) => [d.text, d.ateliers])).toEqual([['On y va', ['x']]]);
    expect(m.actions.map((a) => [a.text, a.who, a.done])).toEqual([['Déclarer en préfecture', 'Karim', true]]);
  });

  it('reorders and removes agenda items', () => {
    const doc = new Y.Doc();
    initMinutes(doc, { agenda: ['A', 'B', 'C'] });
    const [a, , c] = readMinutes(doc).agenda.map((i) => i.id);
    updateAgendaItem(doc, c!, { index: 0 });
    updateAgendaItem(doc, a!, { remove: true });
    expect(readMinutes(doc).agenda.map((i) => i.title)).toEqual(['C', 'B']);
  });

  it('merges two note-takers typing in the same discussion from two phones', () => {
    const lea = new Y.Doc();
    initMinutes(lea, { agenda: ['Point'] });
    const karim = new Y.Doc();
    syncDocs(lea, karim);
    const id = readMinutes(lea).agenda[0]!.id;
    applyTextChange(agendaDiscussion(lea, id)!, 'Karim propose une date.');
    syncDocs(lea, karim);
    applyTextChange(agendaDiscussion(lea, id)!, 'Karim propose une date. Accord général.');
    applyTextChange(agendaDiscussion(karim, id)!, 'Karim propose une date (le 22).');
    syncDocs(lea, karim);
    expect(readMinutes(lea).agenda[0]!.discussion).toBe('Karim propose une date (le 22). Accord général.');
    expect(readMinutes(karim).agenda[0]!.discussion).toBe(readMinutes(lea).agenda[0]!.discussion);
  });
});

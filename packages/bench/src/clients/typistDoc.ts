import * as Y from 'yjs';

/** A typist's own document: appends characters to `t` and hands each Yjs update to `send`. */
export function typistDoc(send: (update: Uint8Array) => void): { doc: Y.Doc; typeChar(): number } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  doc.on('update', (u: Uint8Array) => send(u));
  let n = 0;
  return {
    doc,
    typeChar() {
      const clock = Y.getState(doc.store, doc.clientID);
      text.insert(text.length, String.fromCharCode(97 + (n++ % 26)));
      return clock;
    },
  };
}

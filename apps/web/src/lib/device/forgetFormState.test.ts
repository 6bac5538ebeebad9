// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { forgetFormState } from './forgetFormState';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('forgetFormState', () => {
  it("DEVICES-4: marks forms and text fields, now and later, but never an editor's own inputs", async () => {
    document.body.innerHTML = '<form><input name="a"></form><div contenteditable="true"><input type="checkbox"></div>';
    const stop = forgetFormState(document.body);
    expect(document.querySelector('form')!.getAttribute('autocomplete')).toBe('off');
    expect(document.querySelector('input[name="a"]')!.getAttribute('autocomplete')).toBe('off');
    expect(document.querySelector('[contenteditable] input')!.hasAttribute('autocomplete')).toBe(false);
    // Added later: a textarea is marked; a task checkbox the editor adds is left alone (an editor
    // redraws a node whose attributes change, which adds a new checkbox, for ever).
    const area = document.createElement('textarea');
    document.body.append(area);
    const box = document.createElement('input');
    box.type = 'checkbox';
    document.querySelector('[contenteditable]')!.append(box);
    await tick();
    expect(area.getAttribute('autocomplete')).toBe('off');
    expect(box.hasAttribute('autocomplete')).toBe(false);
    stop();
  });
});

import { describe, expect, it } from 'vitest';
import { trusted } from '../../utils/ui/trusted';

describe('trusted: handlers act on the reader\'s input only', () => {
  it('a script\'s click() and dispatched key events do not reach the handler', () => {
    const b = document.createElement('button');
    document.body.appendChild(b);
    const seen: string[] = [];
    b.addEventListener('click', trusted(() => seen.push('click')));
    b.addEventListener('keydown', trusted((e: KeyboardEvent) => seen.push(e.key)));
    b.click();
    b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(seen).toEqual([]);
    b.remove();
  });
});

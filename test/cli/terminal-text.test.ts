/** Text for the terminal (#15, item 14): no control character survives, and a JSON line still decodes to the original. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../electron/cli/shared/terminal-text.js';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

describe('terminalSafe', () => {
  it('escapes ESC, BEL, CR, C1 and bidi overrides; keeps tab, newline and other text', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007\rc\u009bd\u202ee\tf\ng 日本語')).toBe(
      'a\\u001b[2Jb\\u0007\\u000dc\\u009bd\\u202ee\tf\ng 日本語',
    );
  });

  it('leaves no control character in any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !UNSAFE.test(terminalSafe(s))));
  });

  it('keeps a JSON line valid and faithful: it parses back to the very same value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const line = terminalSafe(JSON.stringify({ s }));
        expect(UNSAFE.test(line)).toBe(false);
        expect((JSON.parse(line) as { s: string }).s).toBe(s);
      }),
    );
  });
});

/**
 * Issue #15, item 7: a UserID holding NUL, ^Z, another C0 or C1 control character, DEL or a lone surrogate passed
 * validation and failed only after the sign-in (or was written: Windows trims ^Z at a value's edge, a C1 control
 * is invisible). It is refused by the validation the wizard and the CLI run before the sign-in, with a message in
 * both languages that shows where the character is without printing it.
 */
import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../electron/core/sign-in/profile.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const VALID = {
  tenant: 'contoso.onmicrosoft.com',
  clientId: '3b2f1c4e-0d8a-4c1e-9f5b-1234567890ab',
  clientSecret: 'se4Q~abcDEF.ghi_jkl-MNO~pqr0123456789AbC',
};

const BAD: ReadonlyArray<[name: string, userId: string, shown: string]> = [
  ['NUL', 'print\0er@contoso.com', 'U+0000'],
  ['^Z (DOS end of file)', 'printer@contoso.com\x1a', 'U+001A'],
  ['^Z at the start', '\x1aprinter@contoso.com', 'U+001A'],
  ['ESC (a terminal escape)', 'pr\x1b[2Jinter@contoso.com', 'U+001B'],
  ['BEL', 'printer\x07@contoso.com', 'U+0007'],
  ['DEL', 'printer\x7f@contoso.com', 'U+007F'],
  ['C1 CSI', 'printer\x9b@contoso.com', 'U+009B'],
  ['C1 NEL', 'printer\x85@contoso.com', 'U+0085'],
  ['a lone high surrogate', 'printer\ud800@contoso.com', 'U+D800'],
  ['a lone low surrogate', '\udc00printer@contoso.com', 'U+DC00'],
];

describe('UserID with control characters or broken Unicode', () => {
  for (const [name, userId, shown] of BAD) {
    it(`refuses ${name}, saying where, in both languages, without the character itself`, () => {
      const result = validateProfile({ ...VALID, userId });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const issues = result.issues.filter((i) => i.field === 'userId');
      expect(issues).toHaveLength(1);
      const { message } = issues[0] ?? { message: { en: '', ja: '' } };
      for (const text of [message.en, message.ja]) {
        expect(text).toContain(shown);
        // eslint-disable-next-line no-control-regex -- the point: no control character reaches the message
        expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udfff]/);
      }
      expect(message.en).toMatch(/UserID/);
      expect(message.ja).toMatch(/UserID/);
    });
  }

  it('still accepts an ordinary mailbox', () => {
    expect(validateProfile({ ...VALID, userId: 'printer@contoso.com' }).ok).toBe(true);
  });

  it('rtw acquire stops at the validation (exit 2): no listener, no sign-in', async () => {
    const run = await runCliInProcess(
      [
        'acquire',
        '--tenant',
        VALID.tenant,
        '--client-id',
        VALID.clientId,
        '--user',
        'printer@contoso.com\x1a',
        '--no-browser',
        '--port',
        '0',
        '--json',
        '--lang',
        'en',
      ],
      { env: { RTW_CLIENT_SECRET: VALID.clientSecret, HTTPS_PROXY: 'http://127.0.0.1:9' } },
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.events).toEqual([
      { event: 'invalid', field: 'userId', message: expect.stringContaining('U+001A') as unknown },
    ]);
  });
});

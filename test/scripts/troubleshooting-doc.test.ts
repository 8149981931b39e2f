import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  entryById,
  explainAadsts,
  explainError,
  explainMailReply,
  explainXoauth2Challenge,
} from '../../electron/core/diagnose/index.js';
import type { EntryId, Explanation, MailProtocol } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import { LANGS } from '../../electron/core/i18n.js';
import {
  explainedCodes,
  renderTroubleshooting,
  TROUBLESHOOTING_FILES,
} from '../../scripts/troubleshooting-doc.js';

describe('docs/troubleshooting.{en,ja}.md', () => {
  it.each(LANGS)(
    '%s: the committed file is what the catalogue generates (run npx tsx scripts/gen-troubleshooting.ts)',
    async (lang) => {
      const committed = readFileSync(
        fileURLToPath(new URL(`../../${TROUBLESHOOTING_FILES[lang]}`, import.meta.url)),
        'utf8',
      );
      expect(committed).toBe(await renderTroubleshooting(lang));
    },
  );

  it.each(LANGS)('%s: every catalogue entry is in it, with its id, steps and command', async (lang) => {
    const doc = await renderTroubleshooting(lang);
    for (const entry of CATALOGUE) {
      expect(doc).toContain(`\`${entry.id}\``);
      if (entry.command !== undefined) expect(doc).toContain('```powershell');
    }
    expect(doc).not.toMatch(/\{\w+\}/);
  });
});

/** The rows of the committed code table: code, source column, phrases column, diagnostic ID. */
function codeRows(lang: 'ja' | 'en'): Array<{ code: string; source: string; when: string[]; id: string }> {
  const doc = readFileSync(
    fileURLToPath(new URL(`../../${TROUBLESHOOTING_FILES[lang]}`, import.meta.url)),
    'utf8',
  );
  const table = doc.slice(0, doc.indexOf('\n## ', doc.indexOf('\n## ') + 1));
  return table
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|'));
      const unquote = (c: string): string => c.replace(/^`|`$/g, '');
      return {
        code: unquote(cells[0] ?? ''),
        source: cells[1] ?? '',
        when: [...(cells[2] ?? '').matchAll(/“([^”]*)”/g)].map((m) => m[1] ?? ''),
        id: unquote(cells[4] ?? ''),
      };
    });
}

/** Explains a listed code the way the tool meets it: an Entra answer, an OAuth error, a server reply, a challenge. */
function explainListed(row: { code: string; source: string; when: string[] }): Explanation {
  const said = row.when.join(' ');
  const aadsts = /^AADSTS(\d+)$/.exec(row.code);
  if (aadsts !== null) return explainAadsts(Number(aadsts[1]), { message: said });
  const challenge = /^status (\d+)$/.exec(row.code);
  if (challenge !== null)
    return explainXoauth2Challenge('imap', { status: challenge[1] ?? '' }, 'A1 NO [AUTHENTICATIONFAILED] x');
  const protocol = (['SMTP', 'IMAP', 'POP'] as const).find((p) => row.source.startsWith(p));
  if (protocol === undefined)
    return explainError(new RtwError('oauth-error', { error: row.code, description: said }));
  const p = protocol.toLowerCase() as MailProtocol;
  const range = /^(\d\.\d+\.)(\d+)-\d+$/.exec(row.code);
  const code = range === null ? row.code : `${range[1]}${range[2]}`;
  const reply =
    p === 'smtp'
      ? `550 ${code === '—' ? '' : code} ${said}`
      : p === 'imap'
        ? `A1 NO ${code === '—' ? '' : code} ${said}`
        : `-ERR ${code === '—' ? '' : code} ${said}`;
  return explainMailReply(p, reply);
}

describe('the table of codes in docs/troubleshooting', () => {
  it('lists the same codes in both languages, as the catalogue generates them', () => {
    const en = codeRows('en');
    const ja = codeRows('ja');
    expect(en.length).toBe(explainedCodes().length);
    expect(ja.map((r) => [r.code, r.when, r.id])).toEqual(en.map((r) => [r.code, r.when, r.id]));
  });

  it.each(['ja', 'en'] as const)(
    '%s: every listed code is explained by the entry it names, with texts in both languages',
    (lang) => {
      for (const row of codeRows(lang)) {
        const entry = entryById(row.id as EntryId);
        for (const text of [entry.title, entry.why, ...entry.steps]) {
          expect(text.ja.trim(), row.code).not.toBe('');
          expect(text.en.trim(), row.code).not.toBe('');
        }
        expect(explainListed(row).id, `${row.code} (${row.source})`).toBe(row.id);
      }
    },
  );

  it('lists every Entra code and mail code issue #16 asks for', () => {
    const listed = new Set(codeRows('en').map((r) => r.code));
    const asked = [
      ...[
        70000, 70011, 500011, 500113, 9002326, 700054, 50058, 50053, 50105, 90072, 50133, 50158, 50199, 16000,
        90014, 900144, 50059, 50128, 7000112, 700027, 50097, 530003, 53000, 53001, 50072, 50074,
      ].map((n) => `AADSTS${n}`),
      '[AUTHENTICATIONFAILED]',
      '[AUTHORIZATIONFAILED]',
      '[EXPIRED]',
      '[UNAVAILABLE]',
      '[PRIVACYREQUIRED]',
      '[CONTACTADMIN]',
      '[LIMIT]',
      '[AUTH]',
      '[SYS/TEMP]',
      '[SYS/PERM]',
      '[IN-USE]',
      '[LOGIN-DELAY]',
      '5.7.8',
      '5.7.0',
      '5.7.1',
      '4.7.0',
      '5.5.127',
      '5.7.30',
      '5.7.139',
      '4.3.2',
      '4.7.500-699',
      'status 400',
      'status 401',
      'status 403',
    ];
    expect(asked.filter((code) => !listed.has(code))).toEqual([]);
  });
});

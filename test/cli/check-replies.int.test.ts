/**
 * Every mail reply the catalogue explains, through `rtw check`'s real logins in both languages: the sandbox mail
 * servers answer with each entry's own example (Exchange's wording, the RFC 5530 IMAP codes, the RFC 2449/3206
 * POP codes, the RFC 3463 SMTP codes) at the point of the session where servers send it, and the check explains
 * it, keeping the code, with the sender's view of the failed login. Replies no entry names are explained by their
 * codes' parts.
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../electron/core/diagnose/index.js';
import type { CatalogueEntry, ReplyPattern } from '../../electron/core/diagnose/index.js';
import type { Lang } from '../../electron/core/i18n.js';
import { smtpStepOf, startSandboxMail } from '../fixtures/mail/index.js';
import type { ReplyProtocol, SandboxMail } from '../fixtures/mail/index.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { issueTokenFile } from '../helpers/token-files.js';

let idp: SandboxIdp;
let mail: SandboxMail;
let dir: string;
let cleanup: () => Promise<void>;
let file: string;

beforeAll(async () => {
  idp = await createSandboxIdp();
  mail = await startSandboxMail({ idp });
  ({ dir, cleanup } = await tempDir());
  file = path.join(dir, 'smail_refresh_token.ini');
  await issueTokenFile(idp, file, { protocols: ['smtp', 'imap', 'pop'] });
});
afterAll(async () => {
  await mail.close();
  await idp.close();
  await cleanup();
});
beforeEach(() => mail.reset());

const LANGS_BOTH: readonly Lang[] = ['ja', 'en'];
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Every entry that names a server reply, with its pattern. */
const REPLY_ENTRIES = CATALOGUE.filter(
  (entry): entry is CatalogueEntry & { reply: ReplyPattern } => entry.reply !== undefined,
);

/** Scripts the reply where a server sends it; SMTP replies after MAIL FROM need a test message to happen. */
function script(protocol: ReplyProtocol, reply: string): string[] {
  const step = protocol === 'smtp' ? smtpStepOf(reply) : 'auth';
  mail.replies.set(protocol, { reply, step });
  return step === 'mail-from' || step === 'data' ? ['--send-to', 'someone@example.com'] : [];
}

/** `rtw check` of one protocol against the sandbox servers; the result and the summary's sender view. */
async function check(protocol: ReplyProtocol, lang: Lang, extra: string[] = []) {
  const run = await runCliInProcess(
    [
      'check',
      file,
      `--${protocol}`,
      '--smtp-host',
      `${mail.smtp.host}:${mail.smtp.port}`,
      '--imap-host',
      `${mail.imap.host}:${mail.imap.port}`,
      '--pop-host',
      `${mail.pop.host}:${mail.pop.port}`,
      '--timeout',
      '10',
      '--json',
      '--lang',
      lang,
      ...extra,
    ],
    { env: { NODE_EXTRA_CA_CERTS: idp.caFile } },
  );
  expect(run.code, run.stdout + run.stderr).toBe(10);
  const result = run.events.find((e) => e.event === 'result') as {
    ok: boolean;
    senderView: string;
    transcript: string[];
    explanation: { id: string; title: string; why: string; steps: string[]; raw?: { message: string } };
  };
  expect(result.ok).toBe(false);
  return result;
}

/** The code a reply pattern is about, as its title must keep it (`[LIMIT]`, `5.7.8`, `4.7.500`). */
function codeOf(pattern: ReplyPattern): string | undefined {
  if (pattern.responseCode !== undefined) return `[${pattern.responseCode}]`;
  return pattern.status?.replace(/-\d+$/, '');
}

describe.each(REPLY_ENTRIES.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
  it.each(LANGS_BOTH)('rtw check explains the server’s reply, code kept (%s)', async (lang) => {
    const { protocol, example } = entry.reply;
    const result = await check(protocol, lang, script(protocol, example));
    expect(result.explanation.id).toBe(id);
    expect(
      result.transcript.some((line) => line.startsWith('S: ') && line.includes(example.slice(4, 30))),
    ).toBe(true);
    const code = codeOf(entry.reply);
    if (code !== undefined) expect(result.explanation.title).toContain(code);
    for (const text of [result.explanation.why, ...result.explanation.steps]) {
      if (lang === 'ja') expect(text).toMatch(JAPANESE);
      else expect(text).not.toMatch(JAPANESE);
    }
    expect(result.senderView).toContain(idp.users.admin.upn);
    expect(result.senderView).toContain(result.explanation.title);
  });
});

describe('replies no entry names', () => {
  it.each(LANGS_BOTH)('an SMTP code is read by class, subject and detail (%s)', async (lang) => {
    const result = await check('smtp', lang, script('smtp', '550 5.2.2 Mailbox full: quota exceeded'));
    expect(result.explanation.id).toBe('smtp-enhanced-status');
    expect(result.explanation.title).toContain('5.2.2');
    expect(result.explanation.why).toContain(lang === 'ja' ? 'メールボックスが一杯です' : 'Mailbox full');
    expect(result.explanation.steps[0]).toContain(
      lang === 'ja' ? '再試行では解決しません' : 'Retrying will not help',
    );
  });

  it.each(LANGS_BOTH)('an IMAP and a POP response code are named (%s)', async (lang) => {
    const imap = await check('imap', lang, script('imap', 'A1 NO [OVERQUOTA] Sorry'));
    expect(imap.explanation).toMatchObject({ id: 'imap-response-code' });
    expect(imap.explanation.title).toContain('[OVERQUOTA]');
    const pop = await check('pop', lang, script('pop', '-ERR [UTF8] Not here'));
    expect(pop.explanation).toMatchObject({ id: 'pop-response-code' });
    expect(pop.explanation.title).toContain('[UTF8]');
  });
});

/**
 * The desktop app's check (checkTokenFile through the service, the app's own network client) against sandbox
 * mail servers answering every reply the catalogue explains: each is explained by its own entry in both
 * languages, keeping its code, with the sender's view of the failed login; and a file whose TokenURI and
 * recorded Authority disagree is checked at TokenURI, with a finding that says so.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE } from '../../electron/core/diagnose/index.js';
import type { CatalogueEntry, ReplyPattern } from '../../electron/core/diagnose/index.js';
import type { CheckReport } from '../../electron/core/mail-check/index.js';
import { smtpStepOf, startSandboxMail } from '../fixtures/mail/index.js';
import type { ReplyProtocol, SandboxMail } from '../fixtures/mail/index.js';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';
import { tempDir } from '../helpers/acquisition.js';
import { startSandboxRoute } from '../helpers/sandbox-network.js';
import type { SandboxRoute } from '../helpers/sandbox-network.js';
import { sandboxService } from '../helpers/sandbox-service.js';
import { pickFile } from '../helpers/pick-file.js';

// The app's network client is electron-network.ts's, with a `net.fetch` of the test's (the Electron binary is not here).
const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

let idp: SandboxIdp;
let route: SandboxRoute;
let mail: SandboxMail;
let dir: string;
let cleanup: () => Promise<void>;
let h: ReturnType<typeof sandboxService>;
let file: string;

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

beforeAll(async () => {
  idp = await createSandboxIdp();
  route = await startSandboxRoute(idp);
  mail = await startSandboxMail({ idp });
  ({ dir, cleanup } = await tempDir());
  h = sandboxService(idp, route, {
    userData: path.join(dir, 'userdata'),
    mailCheck: {
      endpoints: { smtp: mail.smtp, imap: mail.imap, pop: mail.pop },
      extraCaPem: idp.caPem,
      timeouts: { connect: 10_000, greeting: 10_000, command: 10_000 },
    },
  });
  file = path.join(dir, 'smail_refresh_token.ini');
  const from = h.events.length;
  await h.service.dispatch('startAcquisition', {
    clientId: idp.apps.confidential.clientId,
    clientSecret: idp.defaults.secrets.valid.value,
    userId: idp.users.admin.upn,
    protocols: ['smtp', 'imap', 'pop'],
    redirectPort: 0,
    outFile: file,
  });
  await vi.waitFor(
    () =>
      expect(h.events.slice(from).some((e) => e.channel === 'session' && e.event.type === 'written')).toBe(
        true,
      ),
    { timeout: 20_000, interval: 20 },
  );
});
afterAll(async () => {
  await h.service.dispose();
  await mail.close();
  await route.close();
  await idp.close();
  await cleanup();
});
beforeEach(() => mail.reset());

async function check(input: {
  file: string;
  protocols: ReplyProtocol[];
  sendTo?: string;
}): Promise<CheckReport> {
  const result = await h.service.dispatch('checkTokenFile', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const REPLY_ENTRIES = CATALOGUE.filter(
  (entry): entry is CatalogueEntry & { reply: ReplyPattern } => entry.reply !== undefined,
);

describe.each(REPLY_ENTRIES.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
  it('the app’s check explains the reply in both languages, code kept', async () => {
    const { protocol, example } = entry.reply;
    const step = protocol === 'smtp' ? smtpStepOf(example) : 'auth';
    mail.replies.set(protocol, { reply: example, step });
    const report = await check({
      file,
      protocols: [protocol],
      ...(step === 'mail-from' || step === 'data' ? { sendTo: 'someone@example.com' } : {}),
    });
    const [result] = report.results;
    expect(report.ok).toBe(false);
    expect(result?.explanation?.id).toBe(id);
    const code = entry.reply.responseCode ?? entry.reply.status?.replace(/-\d+$/, '');
    for (const lang of ['ja', 'en'] as const) {
      if (code !== undefined) expect(result?.explanation?.title[lang]).toContain(code);
      expect(result?.senderView?.[lang]).toContain(result?.explanation?.title[lang]);
    }
    expect(result?.explanation?.why.ja).toMatch(JAPANESE);
    expect(result?.explanation?.why.en).not.toMatch(JAPANESE);
  });
});

describe('TokenURI and the recorded Authority', () => {
  it('the app redeems at TokenURI and reports the disagreement as a warning', async () => {
    const edited = path.join(dir, 'edited.ini');
    const text = (await readFile(file, 'latin1')).replace(
      /^Authority=.*$/m,
      'Authority=https://login.microsoftonline.com/fabrikam.onmicrosoft.com',
    );
    await writeFile(edited, text, 'latin1');
    idp.clearRequests();
    await pickFile(h, edited);
    const report = await check({ file: edited, protocols: ['smtp'] });
    expect(report.ok).toBe(true);
    expect(
      idp
        .requests()
        .filter((r) => r.grantType === 'refresh_token')
        .map((r) => r.tenant),
    ).toEqual(['common']);
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual([
      ['token-uri-authority-mismatch', 'warning'],
    ]);
    const [finding] = report.findings;
    expect(finding?.explanation.why.en).toContain(
      'https://login.microsoftonline.com/fabrikam.onmicrosoft.com',
    );
    expect(finding?.explanation.why.ja).toContain(
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    );
    expect(report.senderView?.en).toBe(
      `SMAIL will redeem the refresh token at https://login.microsoftonline.com/common/oauth2/v2.0/token (TokenURI) as app ${idp.apps.confidential.clientId} — this worked.`,
    );
    expect(report.results[0]?.senderView?.ja).toBe(
      `SMAIL は ${mail.smtp.host}:${mail.smtp.port} (SMTP) に ${idp.users.admin.upn} として XOAUTH2 でログインします — この確認では成功しました。`,
    );
  });
});

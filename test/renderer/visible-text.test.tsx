// @vitest-environment jsdom
/**
 * Every visible text is catalogue text in the current language, or data: a value the admin typed, a path, a
 * URL, a scope, a host, a validation message or an explanation from core. A hard-coded English string (or
 * an English text left on a Japanese screen) fails here.
 *
 * How: collect the text nodes (and aria-labels, option texts and the document title) of each step, in several
 * states, in both languages. A text passes when it equals a data value, or matches a catalogue template of
 * the current language, with each `{placeholder}` standing for any text. Templates made only of placeholders
 * would match anything, so they are not used.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOUDS, OFFLINE_ACCESS, mailScopes } from '../../electron/core/providers/microsoft/clouds.js';
import { explainError } from '../../electron/core/diagnose/index.js';
import type { Explanation } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import type { Lang } from '../../electron/core/i18n.js';
import { VALIDATION_MESSAGES } from '../../electron/core/sign-in/validation-messages.js';
import { PROVIDERS } from '../../electron/core/providers/registry.js';
import { DEFAULT_APP_NAME, cloudShellCommand } from '../../renderer/cloud-shell.js';
import { initialState, mailHostsOf, pathParts, perMailboxPath } from '../../renderer/state.js';
import { formatDate, formatDateTime } from '../../renderer/views/format.js';
import {
  DEFAULT_PATH,
  SAMPLE_HEALTH,
  SAMPLE_REPORT,
  VALID,
  WRITTEN,
  clickNext,
  renderApp,
  tx,
  walkTo,
} from './helpers.js';
import { escapeRegExp, strayTexts } from './screen-checks.js';

afterEach(cleanup);

function explanationTexts(explanation: Explanation, lang: Lang): string[] {
  return [
    explanation.title[lang],
    explanation.why[lang],
    ...explanation.steps.map((s) => s[lang]),
    explanation.command ?? '',
    explanation.docsUrl ?? '',
    explanation.raw?.message ?? '',
    explanation.raw?.traceId ?? '',
    explanation.raw?.correlationId ?? '',
    explanation.raw?.timestamp ?? '',
    explanation.raw?.aadsts === undefined ? '' : `AADSTS${explanation.raw.aadsts}`,
  ].filter((s) => s !== '');
}

/** A path as PathText shows it: the name, the folder's head and its last name, each its own text. */
function pathTexts(path: string): string[] {
  const { folder, name } = pathParts(path);
  const cut = Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\'));
  return [path, name, folder.slice(0, cut), folder.slice(cut)];
}

/** The Cloud Shell command as the registration step builds it for the form's choices (data, not text). */
const COMMANDS = [false, true].map((publicClient) =>
  cloudShellCommand({
    appName: DEFAULT_APP_NAME,
    audience: 'AzureADandPersonalMicrosoftAccount',
    redirectUri: 'http://localhost:8001/myapp/',
    protocols: ['smtp'],
    publicClient,
    allowPublicClientFlows: publicClient,
    secretYears: 2,
  }),
);

/** Data on every screen: the providers' names (core's, in the language), the permissions' names, the paths. */
const PER_MAILBOX_PATH = perMailboxPath(DEFAULT_PATH, VALID.userId);
function alwaysData(lang: Lang): string[] {
  return [
    ...Object.values(PROVIDERS).map((p) => p.displayName[lang]),
    'SMTP.Send',
    'IMAP.AccessAsUser.All',
    'POP.AccessAsUser.All',
    ...pathTexts(DEFAULT_PATH),
    ...pathTexts(PER_MAILBOX_PATH),
    `${PER_MAILBOX_PATH}.bak`,
    ...COMMANDS,
  ];
}

function expectOnlyCatalogueText(lang: Lang, data: readonly string[], where: string): void {
  expect(
    strayTexts(lang, [...data, ...alwaysData(lang)]),
    `${lang} / ${where}: texts that are neither catalogue text nor data`,
  ).toEqual([]);
}

const PORT_BUSY = explainError(new RtwError('port-busy', { port: 8001, suggestedPort: 8002 }));
const AADSTS = explainError(
  new RtwError('aadsts', {
    aadsts: 7000215,
    error: 'invalid_client',
    description: 'AADSTS7000215: Invalid client secret provided.',
    traceId: '0f1e2d3c-0000-4000-8000-000000000001',
    correlationId: '0f1e2d3c-0000-4000-8000-000000000002',
  }),
);
const AUTHORIZE_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x';

describe.each(['ja', 'en'] as const)('every visible text is catalogue text or data (%s)', (lang) => {
  const hosts = Object.values(mailHostsOf(initialState().form));
  const data = [
    'common',
    VALID.clientId,
    VALID.userId,
    DEFAULT_PATH,
    `${DEFAULT_PATH}.bak`,
    'http://localhost:8001/myapp/',
    'http://localhost:8002/myapp/',
    ...mailScopes(CLOUDS.global, ['smtp', 'imap', 'pop']),
    OFFLINE_ACCESS,
    ...hosts,
    AUTHORIZE_URL,
    'M.C5…(1432)',
    'admin@contoso.com',
    ...explanationTexts(PORT_BUSY, lang),
    ...explanationTexts(AADSTS, lang),
  ];

  it('on the account step, and with problems shown', async () => {
    const { user } = await renderApp(lang);
    expect(document.documentElement.lang).toBe(lang);
    expectOnlyCatalogueText(lang, data, 'account');
    await user.click(screen.getByLabelText(tx(lang, 'tenant.other')));
    await user.type(screen.getByLabelText(tx(lang, 'tenant.otherField')), '!');
    expectOnlyCatalogueText(lang, [...data, '!'], 'account, invalid tenant');
    await user.click(screen.getByLabelText(new RegExp(escapeRegExp(tx(lang, 'account.type.personal')))));
    expectOnlyCatalogueText(lang, data, 'account, personal');
    await clickNext(user, lang);
    await clickNext(user, lang); // shows the registration step's problems
    expectOnlyCatalogueText(lang, data, 'registration with problems');
  });

  it('catches a text of the other language (the check itself works)', async () => {
    await renderApp(lang);
    const other = lang === 'ja' ? 'en' : 'ja';
    const stray = document.createElement('p');
    stray.textContent = tx(other, 'nav.next');
    document.body.append(stray);
    const known = [...data, ...alwaysData(lang)];
    expect(strayTexts(lang, known)).toEqual([tx(other, 'nav.next')]);
    stray.textContent = 'Hard-coded text';
    expect(strayTexts(lang, known)).toEqual(['Hard-coded text']);
    stray.remove();
  });

  it('through the whole flow', async () => {
    const { fake, user } = await renderApp(lang);
    fake.api.planOutputFile.mockResolvedValue({
      ok: true,
      value: {
        exists: true,
        changedKeys: ['RefreshToken'],
        addedKeys: ['Provider'],
        duplicatesRemoved: ['UserID'],
        warnings: [{ key: 'ClientSecret', readers: ['ini', 'python'] }],
      },
    });
    await clickNext(user, lang);
    expectOnlyCatalogueText(lang, data, 'registration');
    await user.click(screen.getByLabelText(tx(lang, 'reg.public.label')));
    expectOnlyCatalogueText(lang, data, 'registration, public client');
    await user.click(screen.getByLabelText(tx(lang, 'reg.public.label')));
    await user.click(screen.getByLabelText(tx(lang, 'reg.clientId.label')));
    await user.paste(VALID.clientId);
    await user.click(screen.getByLabelText(tx(lang, 'reg.secret.label')));
    await user.paste(VALID.secret);
    await clickNext(user, lang);

    await user.click(screen.getByLabelText(tx(lang, 'mailbox.userId.label')));
    await user.paste('x');
    expectOnlyCatalogueText(lang, [...data, 'x'], 'mailbox with a problem');
    await user.keyboard('{Backspace}');
    await user.paste(VALID.userId);
    await clickNext(user, lang);

    await screen.findByText(tx(lang, 'output.plan.exists'));
    expectOnlyCatalogueText(lang, data, 'output, existing file');
    await clickNext(user, lang);

    expectOnlyCatalogueText(lang, data, 'sign-in');
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
    fake.session({
      type: 'listening',
      port: 8001,
      addresses: ['127.0.0.1'],
      redirectUri: 'http://localhost:8001/myapp/',
    });
    fake.session({ type: 'waiting', authorizeUrl: AUTHORIZE_URL, secondsLeft: 299, browserOpened: false });
    expectOnlyCatalogueText(lang, data, 'sign-in, waiting, no browser');
    fake.session({ type: 'exchanging' });
    expectOnlyCatalogueText(lang, data, 'sign-in, exchanging');
    fake.session({ type: 'failed', code: 'port-busy', explanation: PORT_BUSY });
    await screen.findByRole('button', { name: tx(lang, 'signin.portBusy.retry', { port: 8002 }) });
    expectOnlyCatalogueText(lang, data, 'sign-in, port busy');

    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.portBusy.retry', { port: 8002 }) }));
    fake.session({ type: 'failed', code: 'aadsts', explanation: AADSTS });
    // The first characters of the secret Value sent, to compare with the portal's.
    expectOnlyCatalogueText(lang, [...data, VALID.secret.slice(0, 3)], 'result, failure');

    await user.click(screen.getByRole('button', { name: tx(lang, 'result.retry') }));
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
    fake.session({
      type: 'written',
      file: DEFAULT_PATH,
      backupFile: `${DEFAULT_PATH}.bak`,
      created: false,
      userId: VALID.userId,
      signedInAs: 'admin@contoso.com',
      refreshTokenMasked: 'M.C5…(1432)',
      warnings: [{ key: 'ClientSecret', readers: ['python'] }],
    });
    expectOnlyCatalogueText(lang, data, 'result, success');
  });
});

describe.each(['ja', 'en'] as const)(
  'the token upkeep views show only catalogue text or data (%s)',
  (lang) => {
    const report = SAMPLE_REPORT;
    const data = [
      DEFAULT_PATH,
      VALID.userId,
      'M.C5…(1432)',
      'M.C7…(1432)',
      'admin@contoso.com',
      'someone@contoso.com',
      'https://outlook.office.com',
      'SMTP.Send IMAP.AccessAsUser.All',
      ...report.results.map((r) => r.transcript.join('\n')),
      ...report.results.flatMap((r) =>
        r.explanation === undefined ? [] : explanationTexts(r.explanation, lang),
      ),
      ...report.findings.flatMap((f) => explanationTexts(f.explanation, lang)),
      // The file's health: values, dates in the window's language, the core's warnings.
      SAMPLE_HEALTH.mailbox,
      SAMPLE_HEALTH.tenant ?? '',
      SAMPLE_HEALTH.clientId,
      SAMPLE_HEALTH.signedInAs ?? '',
      SAMPLE_HEALTH.refreshTokenMasked,
      'SMTP, IMAP',
      'SMTP、IMAP',
      formatDateTime(SAMPLE_HEALTH.issuedAt ?? '', lang),
      formatDateTime(SAMPLE_HEALTH.lastRefreshedAt ?? '', lang),
      ...SAMPLE_HEALTH.warnings.map((w) => w[lang]),
      formatDate('2025-04-30', lang),
      '2025-04-30',
      // The Keep alive panel's time field, and the alert form's placeholder.
      '03:17',
      'https://…',
      'http://localhost:8001/myapp/',
      ...mailScopes(CLOUDS.global, ['smtp', 'imap']),
      OFFLINE_ACCESS,
    ];

    it('check step, file view, schedule, re-issue, mailboxes', async () => {
      const { fake, user } = await renderApp(lang);
      await walkTo(user, 'signin', lang);
      await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
      fake.session(WRITTEN);
      fake.emit({
        channel: 'mailboxes',
        event: { type: 'registered', path: DEFAULT_PATH, secret: 'remembered' },
      });
      expectOnlyCatalogueText(lang, data, 'result with registration note');
      await user.click(screen.getByRole('button', { name: tx(lang, 'result.checkNow') }));
      expectOnlyCatalogueText(lang, data, 'check, before');
      await user.click(screen.getByRole('button', { name: tx(lang, 'check.run') }));
      await screen.findByText(tx(lang, 'check.results.title'));
      for (const summary of screen.getAllByText(/SMTP|IMAP/, { selector: 'summary' }))
        await user.click(summary);
      expectOnlyCatalogueText(lang, data, 'check, report');

      await user.click(screen.getByRole('button', { name: tx(lang, 'nav.openFile') }));
      await screen.findByText(SAMPLE_HEALTH.refreshTokenMasked);
      expectOnlyCatalogueText(lang, data, 'file view');
      await user.click(screen.getByText(tx(lang, 'keepAlive.title'), { selector: 'summary' }));
      await screen.findByText(tx(lang, 'keepAlive.state.off'));
      expectOnlyCatalogueText(lang, data, 'file view, keep alive');
      await user.click(screen.getByRole('button', { name: tx(lang, 'file.action.refresh') }));
      await screen.findByText(tx(lang, 'file.refresh.done', { token: 'M.C7…(1432)' }));
      expectOnlyCatalogueText(lang, data, 'file view, refreshed');

      await user.click(screen.getByRole('button', { name: tx(lang, 'file.action.reissue') }));
      await screen.findByRole('heading', { level: 2, name: tx(lang, 'step.registration.title') });
      expectOnlyCatalogueText(lang, data, 're-issue, registration');

      await user.click(screen.getByRole('button', { name: tx(lang, 'nav.mailboxes') }));
      await screen.findByRole('table');
      expectOnlyCatalogueText(lang, data, 'mailboxes');
    });

    it('re-issue all: the dialog, the step banner and the summary', async () => {
      const { fake, user } = await renderApp(lang);
      await user.click(screen.getByRole('button', { name: tx(lang, 'nav.mailboxes') }));
      await screen.findByRole('table');
      const clientId = SAMPLE_HEALTH.clientId;
      await user.click(
        screen.getByRole('button', { name: tx(lang, 'reissueAll.actionLabel', { clientId }) }),
      );
      await user.click(screen.getByLabelText(tx(lang, 'reissueAll.useRemembered')));
      await user.click(screen.getByRole('button', { name: tx(lang, 'reissueAll.start') }));
      expectOnlyCatalogueText(
        lang,
        [...data, VALIDATION_MESSAGES.secretRequired[lang], 'YYYY-MM-DD'],
        're-issue all, dialog',
      );
      await user.click(screen.getByLabelText(tx(lang, 'reissueAll.useRemembered')));
      await user.click(screen.getByRole('button', { name: tx(lang, 'reissueAll.start') }));
      expectOnlyCatalogueText(lang, data, 're-issue all, starting');
      fake.emit({
        channel: 'reissue-all',
        event: { type: 'step', index: 1, total: 2, path: DEFAULT_PATH, userId: VALID.userId },
      });
      expectOnlyCatalogueText(lang, data, 're-issue all, step');
      fake.emit({
        channel: 'reissue-all',
        event: {
          type: 'done',
          summary: {
            clientId,
            total: 4,
            reissued: [{ path: DEFAULT_PATH, mailbox: SAMPLE_HEALTH.mailbox }],
            skipped: [{ path: 'D:\\smail\\b.ini', mailbox: 'admin@contoso.com' }],
            failed: [
              { path: 'D:\\smail\\c.ini', mailbox: VALID.userId, code: 'aadsts', explanation: AADSTS },
            ],
            notReached: [{ path: 'D:\\smail\\d.ini', mailbox: 'someone@contoso.com' }],
          },
        },
      });
      await screen.findByText(tx(lang, 'reissueAll.summary.title'));
      const paths = ['D:\\smail\\b.ini', 'D:\\smail\\c.ini', 'D:\\smail\\d.ini'];
      expectOnlyCatalogueText(
        lang,
        [...data, ...paths, ...explanationTexts(AADSTS, lang)],
        're-issue all, summary',
      );
    });
  },
);

describe('language switch', () => {
  it('re-renders every string when the admin picks another language, and on a pushed language event', async () => {
    const { fake, user } = await renderApp('en');
    await clickNext(user, 'en');
    await user.click(screen.getByLabelText(tx('en', 'reg.clientId.label')));
    await user.paste('nope');
    expect(document.documentElement.lang).toBe('en');

    await user.selectOptions(screen.getByLabelText(tx('en', 'header.language')), 'ja');
    expect(fake.api.setLanguage).toHaveBeenCalledWith({ lang: 'ja' });
    await screen.findByRole('heading', { level: 2, name: tx('ja', 'step.registration.title') });
    expect(document.documentElement.lang).toBe('ja');
    expect(document.title).toBe(tx('ja', 'app.title'));
    expect(screen.getByText(VALIDATION_MESSAGES.clientIdInvalid.ja)).toBeTruthy();
    expectOnlyCatalogueText(
      'ja',
      [
        'common',
        'nope',
        'http://localhost:8001/myapp/',
        'https://outlook.office.com/SMTP.Send',
        OFFLINE_ACCESS,
      ],
      'after switching',
    );

    fake.emit({ channel: 'language', state: { lang: 'en', source: 'os' } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(tx('en', 'step.registration.title'));
    expect(screen.getByLabelText<HTMLSelectElement>(tx('en', 'header.language')).value).toBe('os');
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows the OS language from the start', async () => {
    await renderApp('ja');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(tx('ja', 'step.account.title'));
    expect(document.documentElement.lang).toBe('ja');
  });
});

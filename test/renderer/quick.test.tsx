// @vitest-environment jsdom
/**
 * Quick mode, the default start: three fields and one button reach a sign-in, as SmailRefreshToken.exe's
 * window did; problems are shown at once and the first one focused; a failure opens the wizard's step that fixes
 * it. A second mailbox never overwrites the first (a file per mailbox, an amber confirmation for a file holding
 * another mailbox's token); known apps and remembered secrets; the Cloud Shell paste-back. Every screen without
 * axe violations and with catalogue text only.
 */
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import { VALIDATION_MESSAGES } from '../../electron/core/sign-in/validation-messages.js';
import type { KnownApp } from '../../electron/shared/contract.js';
import { CONFIRM_REPLACE_ID } from '../../renderer/components/OutputFileField.js';
import { perMailboxPath } from '../../renderer/state.js';
import {
  DEFAULT_PATH,
  VALID,
  WRITTEN,
  createFakeWizard,
  currentHeading,
  mailboxPath,
  renderApp,
  tx,
} from './helpers.js';
import type { FakeWizard } from './helpers.js';
import { violations } from './screen-checks.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

const APP: KnownApp = {
  clientId: VALID.clientId,
  provider: 'microsoft',
  tenant: 'contoso.onmicrosoft.com',
  cloud: 'global',
  publicClient: false,
  protocols: ['smtp', 'imap'],
  mailboxes: 2,
  secretRemembered: true,
  secretExpiresAt: '2026-03-31',
};

/** The three fields of the common path, as an admin fills them. */
async function fillThree(user: Awaited<ReturnType<typeof renderApp>>['user'], lang: 'en' | 'ja' = 'en') {
  await user.click(screen.getByLabelText(tx(lang, 'mailbox.userId.label')));
  await user.paste(VALID.userId);
  await user.click(screen.getByLabelText(tx(lang, 'reg.clientId.label')));
  await user.paste(VALID.clientId);
  await user.click(screen.getByLabelText(tx(lang, 'reg.secret.label')));
  await user.paste(VALID.secret);
}

const signInButton = (lang: 'en' | 'ja' = 'en') =>
  screen.getByRole('button', { name: tx(lang, 'quick.signIn') });

describe('quick mode', () => {
  it.each(['en', 'ja'] as const)(
    'is the default start, and three fields and one button start the sign-in (%s)',
    async (lang) => {
      const { fake, user } = await renderApp(lang, { mode: 'quick' });
      expect(currentHeading()).toBe(tx(lang, 'quick.title'));
      // No step rail: one screen.
      expect(screen.queryByRole('navigation', { name: tx(lang, 'rail.label') })).toBeNull();
      expect(await violations()).toEqual([]);
      await fillThree(user, lang);
      await user.click(signInButton(lang));
      await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
      expect(fake.api.startAcquisition).toHaveBeenCalledWith({
        tenant: 'common',
        cloud: 'global',
        clientId: VALID.clientId,
        clientSecret: VALID.secret,
        publicClient: false,
        userId: VALID.userId,
        protocols: ['smtp'],
        // The mailbox's own file, in a folder named after it beside the default.
        outFile: mailboxPath(VALID.userId),
        redirectPort: 8001,
      });
      // The progress replaces the form; Esc cancels the waiting sign-in.
      fake.session({
        type: 'waiting',
        authorizeUrl: 'https://login.microsoftonline.com/x',
        secondsLeft: 300,
        browserOpened: true,
      });
      expect(screen.getByText(tx(lang, 'signin.now.waiting', { mailbox: VALID.userId }))).toBeTruthy();
      await user.keyboard('{Escape}');
      expect(fake.api.cancelAcquisition).toHaveBeenCalledTimes(1);
    },
  );

  it('Enter in a field signs in, as the button does', async () => {
    const { fake, user } = await renderApp('en', { mode: 'quick' });
    await fillThree(user);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
  });

  it('shows every problem at once and focuses the first; the options open for one of theirs', async () => {
    const { fake, user } = await renderApp('en', { mode: 'quick' });
    await user.click(signInButton());
    expect(screen.getByText(VALIDATION_MESSAGES.mailboxRequired.en)).toBeTruthy();
    expect(screen.getByText(VALIDATION_MESSAGES.clientIdRequired.en)).toBeTruthy();
    expect(screen.getByText(VALIDATION_MESSAGES.secretRequired.en)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'mailbox.userId.label'))),
    );
    expect(await violations()).toEqual([]);
    // A problem under Options: they open, and focus goes there.
    await fillThree(user);
    const options = screen.getByText(tx('en', 'quick.options')).closest('details');
    expect(options?.open).toBe(false);
    await user.click(screen.getByText(tx('en', 'quick.options')));
    await user.click(screen.getByRole('radio', { name: tx('en', 'tenant.organization') }));
    await user.click(screen.getByText(tx('en', 'quick.options')));
    expect(options?.open).toBe(false);
    await user.click(signInButton());
    await waitFor(() => expect(options?.open).toBe(true));
    expect(screen.getByText(VALIDATION_MESSAGES.tenantRequired.en)).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'tenant.organizationField'))),
    );
    expect(fake.api.startAcquisition).not.toHaveBeenCalled();
  });

  it('a wrong secret opens the registration step, explained, with the Value’s first characters; the rail marks the sign-in failed', async () => {
    const { fake, user } = await renderApp('en', { mode: 'quick' });
    await fillThree(user);
    await user.click(signInButton());
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalled());
    const explanation = explainError(
      new RtwError('aadsts', {
        aadsts: 7000215,
        error: 'invalid_client',
        description: 'AADSTS7000215: Invalid client secret provided.',
      }),
    );
    fake.session({ type: 'failed', code: 'aadsts', explanation });
    expect(currentHeading()).toBe(tx('en', 'step.registration.title'));
    const failure = screen.getByRole('region', { name: tx('en', 'lastFailure.label') });
    expect(within(failure).getByText(explanation.title.en)).toBeTruthy();
    expect(within(failure).getByText('se4').closest('p')?.textContent).toBe(
      `${tx('en', 'result.secretPrefix.before')}se4${tx('en', 'result.secretPrefix.after')}`,
    );
    // Never the whole secret in the page.
    expect(document.documentElement.outerHTML).not.toContain(VALID.secret);
    const rail = screen.getByRole('navigation', { name: tx('en', 'rail.label') });
    const signin = within(rail).getByText(tx('en', 'step.signin.title')).closest('li');
    expect(signin?.className).toContain('is-failed');
    expect(signin?.textContent).toContain(tx('en', 'rail.failed').trim());
    expect(signin?.textContent).not.toContain(tx('en', 'rail.done').trim());
    expect(await violations()).toEqual([]);
  });

  it('the guided wizard is one click away, with what was typed; and back', async () => {
    const { user } = await renderApp('en', { mode: 'quick' });
    await fillThree(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'mode.toGuided') }));
    expect(currentHeading()).toBe(tx('en', 'step.account.title'));
    await user.click(screen.getByRole('button', { name: tx('en', 'mode.toQuick') }));
    expect(currentHeading()).toBe(tx('en', 'quick.title'));
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'mailbox.userId.label')).value).toBe(
      VALID.userId,
    );
  });
});

describe('a second mailbox never overwrites the first', () => {
  it('"Another mailbox (same app)" keeps the app and gives the new mailbox its own file', async () => {
    const { fake, user } = await renderApp('en', { mode: 'quick' });
    await fillThree(user);
    await user.click(signInButton());
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
    fake.session({ ...WRITTEN, file: mailboxPath(VALID.userId) });
    expect(currentHeading()).toBe(tx('en', 'step.result.title'));
    await user.click(screen.getByRole('button', { name: tx('en', 'result.anotherMailbox') }));
    // Back in quick mode: the app's values kept, the mailbox and its file cleared.
    expect(currentHeading()).toBe(tx('en', 'quick.title'));
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'mailbox.userId.label')).value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.clientId.label')).value).toBe(
      VALID.clientId,
    );
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.secret.label')).value).toBe(VALID.secret);
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'output.file.label')).value).toBe(DEFAULT_PATH);
    await user.click(screen.getByLabelText(tx('en', 'mailbox.userId.label')));
    await user.paste('scanner@contoso.com');
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'output.file.label')).value).toBe(
      mailboxPath('scanner@contoso.com'),
    );
    await user.click(signInButton());
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(2));
    expect(fake.api.startAcquisition.mock.calls[1]?.[0]).toMatchObject({
      userId: 'scanner@contoso.com',
      outFile: mailboxPath('scanner@contoso.com'),
      clientId: VALID.clientId,
    });
  });

  it('a file holding another mailbox’s token needs a confirmation, amber, naming that mailbox', async () => {
    const { fake, user } = await renderApp('en', { mode: 'quick' });
    const shared = 'C:\\shared\\smail_refresh_token.ini';
    fake.api.planOutputFile.mockImplementation(({ path }) =>
      Promise.resolve({
        ok: true as const,
        value:
          path === shared
            ? {
                exists: true,
                changedKeys: ['UserID', 'RefreshToken'],
                addedKeys: [],
                duplicatesRemoved: [],
                warnings: [],
              }
            : { exists: false, changedKeys: [], addedKeys: [], duplicatesRemoved: [], warnings: [] },
      }),
    );
    await fillThree(user);
    const file = screen.getByLabelText(tx('en', 'output.file.label'));
    await user.clear(file);
    await user.click(file);
    await user.paste(shared);
    // Sign in before the plan is on screen: it is asked first, and the sign-in waits for the confirmation.
    await user.click(signInButton());
    const warning = await screen.findByRole('alert');
    expect(warning.className).toContain('note-warning');
    expect(
      await within(warning).findByText(
        tx('en', 'output.replace.title', { other: 'printer@contoso.com', mailbox: VALID.userId }),
      ),
    ).toBeTruthy();
    expect(fake.api.startAcquisition).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement?.id).toBe(CONFIRM_REPLACE_ID));
    expect(await violations()).toEqual([]);
    await user.click(
      screen.getByLabelText(tx('en', 'output.replace.confirm', { other: 'printer@contoso.com' })),
    );
    await user.click(signInButton());
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
    expect(fake.api.startAcquisition.mock.calls[0]?.[0]).toMatchObject({ outFile: shared });
  });

  it('derives a folder name no file system refuses', () => {
    expect(perMailboxPath('C:\\Docs\\smail_refresh_token.ini', 'a|b?c*@x.com')).toBe(
      'C:\\Docs\\a_b_c_@x.com\\smail_refresh_token.ini',
    );
    expect(perMailboxPath('/home/a/smail_refresh_token.ini', 'p@x.com')).toBe(
      '/home/a/p@x.com/smail_refresh_token.ini',
    );
    expect(perMailboxPath('/home/a/smail_refresh_token.ini', '  ')).toBe('/home/a/smail_refresh_token.ini');
  });
});

describe('remembered apps', () => {
  async function withApps(): Promise<{
    fake: FakeWizard;
    user: Awaited<ReturnType<typeof renderApp>>['user'];
  }> {
    const fake = createFakeWizard('en');
    fake.api.listKnownApps.mockResolvedValue({ ok: true, value: [APP] });
    fake.api.hasSecret.mockImplementation(({ clientId }) =>
      Promise.resolve({ remembered: clientId === APP.clientId, encryptionAvailable: true }),
    );
    const rendered = await renderApp('en', { mode: 'quick', fake });
    await act(async () => {
      await Promise.resolve();
    });
    return rendered;
  }

  it('picking a known app fills its client ID, tenant and cloud; the remembered secret stays in the main process', async () => {
    const { fake, user } = await withApps();
    const picker = await screen.findByLabelText(tx('en', 'quick.app.label'));
    await user.selectOptions(picker, APP.clientId);
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.clientId.label')).value).toBe(APP.clientId);
    const remembered = await screen.findByLabelText<HTMLInputElement>(tx('en', 'reg.useRemembered.label'));
    expect(remembered.checked).toBe(true);
    expect(screen.queryByLabelText(tx('en', 'reg.secret.label'))).toBeNull();
    await user.click(screen.getByLabelText(tx('en', 'mailbox.userId.label')));
    await user.paste('scanner@contoso.com');
    await user.click(signInButton());
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
    expect(fake.api.startAcquisition).toHaveBeenCalledWith(
      expect.objectContaining({
        clientId: APP.clientId,
        clientSecret: '',
        tenant: APP.tenant,
        protocols: ['smtp', 'imap'],
        clientSecretExpiresAt: '2026-03-31',
        useRememberedSecret: true,
        outFile: mailboxPath('scanner@contoso.com'),
      }),
    );
    expect(await violations()).toEqual([]);
  });

  it('"+ Mailbox" in the mailboxes view opens quick mode with the app', async () => {
    const { user } = await withApps();
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.mailboxes') }));
    await screen.findByRole('table');
    const app = tx('en', 'mailboxes.appName.microsoft', { tenant: 'contoso.onmicrosoft.com' });
    await user.click(screen.getByRole('button', { name: tx('en', 'mailboxes.newMailboxLabel', { app }) }));
    await waitFor(() => expect(currentHeading()).toBe(tx('en', 'quick.title')));
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.clientId.label')).value).toBe(APP.clientId);
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'mailbox.userId.label')).value).toBe('');
  });
});

describe('register the app in one paste', () => {
  const LINE = JSON.stringify({
    rtw: 1,
    clientId: '11111111-2222-4333-8444-555555555555',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    secret: 'Pst8Q~0123456789abcdefghijklmnopqrstuvwx',
    secretExpires: '2027-05-01T10:00:00+00:00',
    signInAudience: 'AzureADMyOrg',
  });

  it('the command copies; the printed line fills the client ID, tenant, secret Value and expiry; a bad paste is refused', async () => {
    const { fake, user } = await renderApp('en');
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.next') }));
    await user.click(screen.getByText(tx('en', 'cloudShell.title')));
    await user.click(screen.getByRole('button', { name: tx('en', 'cloudShell.open') }));
    expect(fake.api.openExternal).toHaveBeenCalledWith({ page: 'azure-cloud-shell' });
    await user.click(
      screen.getByRole('button', {
        name: tx('en', 'copy.label', { what: tx('en', 'cloudShell.commandWhat') }),
      }),
    );
    const command = fake.api.copyText.mock.calls.at(-1)?.[0].text ?? '';
    expect(command).toContain('--append');
    expect(command).toContain(`REDIRECT_URI='http://localhost:8001/myapp/'`);

    const box = screen.getByLabelText<HTMLTextAreaElement>(tx('en', 'cloudShell.step.back'));
    await user.click(box);
    await user.paste('{"appId": "x"}');
    await user.click(screen.getByRole('button', { name: tx('en', 'cloudShell.fill') }));
    expect(screen.getByText(tx('en', 'cloudShell.paste.notOurs'))).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');

    await user.clear(box);
    await user.paste(`user@Azure:~$ rtw_register\n${LINE}\n`);
    await user.click(screen.getByRole('button', { name: tx('en', 'cloudShell.fill') }));
    expect(screen.getAllByText(tx('en', 'cloudShell.filled')).length).toBeGreaterThan(0);
    // Emptied once read: the secret is only in the secret field (a property, never markup).
    expect(box.value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.clientId.label')).value).toBe(
      '11111111-2222-4333-8444-555555555555',
    );
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.secret.label')).value).toBe(
      'Pst8Q~0123456789abcdefghijklmnopqrstuvwx',
    );
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.secretExpires.label')).value).toBe(
      '2027-05-01',
    );
    expect(document.documentElement.outerHTML).not.toContain('Pst8Q~0123456789');
    expect(await violations()).toEqual([]);
    // A single-tenant app: the tenant is its directory ID.
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.back') }));
    expect(
      screen.getByRole<HTMLInputElement>('radio', { name: tx('en', 'tenant.organization') }).checked,
    ).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'tenant.organizationField')).value).toBe(
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
    );
  });
});

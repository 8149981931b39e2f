// @vitest-environment jsdom
/**
 * Google in the window: the provider chosen first, its client ID and secret checked in Google's shapes with the
 * core's messages, the consent screen question (Testing tokens die after 7 days) recorded as appAudience, the
 * Google checklist, no device code (and why), and Google files in the file view and the mailboxes with their
 * provider, the unconfirmed Provider= value and Google's health.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../electron/core/providers/registry.js';
import { VALIDATION_MESSAGES } from '../../electron/core/sign-in/validation-messages.js';
import type { TokenHealth } from '../../electron/core/upkeep/token-health.js';
import {
  SAMPLE_HEALTH,
  VALID,
  createFakeWizard,
  currentHeading,
  mailboxPath,
  renderApp,
  tx,
} from './helpers.js';
import { strayTexts, violations } from './screen-checks.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

const GOOGLE = {
  clientId: '123456789012-abcdefghijklmnop0123456789abcdef.apps.googleusercontent.com',
  secret: 'GOCSPX-abcdefghijklmnopqrstuvwxyz01',
  userId: 'printer@example.com',
};

const GOOGLE_HEALTH: TokenHealth = {
  ...SAMPLE_HEALTH,
  provider: 'google',
  providerValue: '0',
  mailbox: GOOGLE.userId,
  tenant: undefined,
  authority: 'https://accounts.google.com',
  clientId: GOOGLE.clientId,
  clientSecretMasked: 'GOCS…(35)',
  protocols: ['smtp'],
  deadlineReason: 'testing',
  daysLeft: 5,
  token: 'warning',
  secretExpiresAt: undefined,
  secretDaysLeft: undefined,
  secret: 'unknown',
  warnings: [],
};

describe.each(['en', 'ja'] as const)('Google (%s)', (lang) => {
  it('in quick mode: the provider first, Google’s fields and questions, then a sign-in with no tenant or port', async () => {
    const { fake, user } = await renderApp(lang, { mode: 'quick' });
    await user.selectOptions(screen.getByLabelText(tx(lang, 'provider.label')), 'google');
    // Google's own labels, and the consent screen question shown at once (it has no default).
    const audience = screen.getByRole('group', { name: tx(lang, 'google.audience.legend') });
    await waitFor(() => expect(audience.closest('details')?.open).toBe(true));
    expect(screen.queryByRole('group', { name: tx(lang, 'account.tenant.label') })).toBeNull();
    await user.click(screen.getByLabelText(tx(lang, 'mailbox.userId.label')));
    await user.paste(GOOGLE.userId);
    // An Entra client ID is refused with what it is.
    await user.click(screen.getByLabelText(tx(lang, 'reg.clientId.labelGoogle')));
    await user.paste(VALID.clientId);
    expect(screen.getByText(VALIDATION_MESSAGES.googleClientIdIsGuid[lang])).toBeTruthy();
    await user.clear(screen.getByLabelText(tx(lang, 'reg.clientId.labelGoogle')));
    await user.paste(GOOGLE.clientId);
    await user.click(screen.getByLabelText(tx(lang, 'reg.secret.labelGoogle')));
    await user.paste(GOOGLE.secret);
    await user.click(screen.getByRole('button', { name: tx(lang, 'quick.signIn') }));
    expect(screen.getByText(VALIDATION_MESSAGES.appAudienceRequired[lang])).toBeTruthy();
    expect(fake.api.startAcquisition).not.toHaveBeenCalled();
    await user.click(within(audience).getByLabelText(tx(lang, 'google.audience.testing')));
    expect(screen.getAllByText(tx(lang, 'google.audience.testingWarning')).length).toBeGreaterThan(0);
    await user.click(within(audience).getByLabelText(tx(lang, 'google.audience.internal')));
    expect(screen.getByLabelText(tx(lang, 'google.providerValue.label'))).toBeTruthy();
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: tx(lang, 'quick.signIn') }));
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
    expect(fake.api.startAcquisition).toHaveBeenCalledWith({
      provider: 'google',
      clientId: GOOGLE.clientId,
      clientSecret: GOOGLE.secret,
      publicClient: false,
      userId: GOOGLE.userId,
      protocols: ['smtp'],
      outFile: mailboxPath(GOOGLE.userId),
      appAudience: 'internal',
    });
  });

  it('in the guided wizard: the checklist, no device code and why, the Provider= value overridable', async () => {
    const { fake, user } = await renderApp(lang);
    await user.selectOptions(screen.getByLabelText(tx(lang, 'provider.label')), 'google');
    await user.click(screen.getByLabelText(tx(lang, 'google.audience.production')));
    await user.click(screen.getByText(tx(lang, 'account.advanced')));
    await user.type(screen.getByLabelText(tx(lang, 'google.providerValue.label')), '2');
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.next') }));
    expect(currentHeading()).toBe(tx(lang, 'step.registration.title'));
    expect(screen.getByText(tx(lang, 'step.registration.descriptionGoogle'))).toBeTruthy();
    expect(screen.queryByLabelText(tx(lang, 'reg.public.label'))).toBeNull();
    await user.click(screen.getByText(tx(lang, 'google.check.title')));
    for (const key of [
      'google.check.clientHow',
      'google.check.audienceHow',
      'google.check.apiHow',
      'google.check.gmailHow',
    ] as const)
      expect(screen.getByText(tx(lang, key))).toBeTruthy();
    expect(screen.getByText('https://mail.google.com/')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: tx(lang, 'google.check.openCredentials') }));
    expect(fake.api.openExternal).toHaveBeenCalledWith({ page: 'google-credentials' });
    expect(screen.queryByText(tx(lang, 'cloudShell.title'))).toBeNull();
    await user.click(screen.getByLabelText(tx(lang, 'reg.clientId.labelGoogle')));
    await user.paste(GOOGLE.clientId);
    await user.click(screen.getByLabelText(tx(lang, 'reg.secret.labelGoogle')));
    await user.paste(GOOGLE.secret);
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.next') }));
    await user.click(screen.getByLabelText(tx(lang, 'mailbox.userId.label')));
    await user.paste(GOOGLE.userId);
    expect(screen.getByText(tx(lang, 'mailbox.google.body'))).toBeTruthy();
    expect(
      screen.getByText(tx(lang, 'mailbox.protocol.server', { server: 'smtp.gmail.com:587' })),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.next') }));
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.next') }));
    expect(currentHeading()).toBe(tx(lang, 'step.signin.title'));
    expect(screen.getByText(tx(lang, 'signin.deviceCode.notGoogle'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: tx(lang, 'signin.deviceCode.offer') })).toBeNull();
    expect(screen.getByText(tx(lang, 'signin.summary.googleRedirect'))).toBeTruthy();
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
    expect(fake.api.startAcquisition.mock.calls[0]?.[0]).toMatchObject({
      provider: 'google',
      providerValue: '2',
      appAudience: 'production',
    });
  });

  it('a Google file: the provider, the unconfirmed Provider= value, Testing’s seven days', async () => {
    const fake = createFakeWizard(lang);
    fake.api.tokenHealth.mockResolvedValue({ ok: true, value: GOOGLE_HEALTH });
    fake.api.listMailboxes.mockResolvedValue({
      ok: true,
      value: {
        encryptionAvailable: true,
        mailboxes: [
          {
            entry: {
              path: GOOGLE_HEALTH.file,
              mailbox: GOOGLE.userId,
              tenant: '',
              clientId: GOOGLE.clientId,
              addedAt: '',
            },
            health: GOOGLE_HEALTH,
            secretRemembered: false,
          },
        ],
      },
    });
    const { user } = await renderApp(lang, { fake });
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.openFile') }));
    await screen.findByText(GOOGLE_HEALTH.refreshTokenMasked);
    expect(screen.getByText(PROVIDERS.google.displayName[lang])).toBeTruthy();
    expect(screen.getByText(tx(lang, 'file.providerValue.googleUnconfirmed'))).toBeTruthy();
    expect(screen.getByText(tx(lang, 'file.tokenDays.testing'))).toBeTruthy();
    expect(screen.queryByText(tx(lang, 'account.tenant.label'))).toBeNull();
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.mailboxes') }));
    await screen.findByRole('table');
    expect(
      screen.getByRole('heading', { level: 3, name: tx(lang, 'mailboxes.appName.google') }),
    ).toBeTruthy();
    expect(screen.getByText(tx(lang, 'mailboxes.providerValue', { value: '0' }))).toBeTruthy();
    expect(screen.getByText(new RegExp(tx(lang, 'mailboxes.testing').replace(/[()]/g, '\\$&')))).toBeTruthy();
    expect(
      strayTexts(lang, [
        GOOGLE.userId,
        GOOGLE.clientId,
        GOOGLE_HEALTH.file,
        // The path as its name and folder (head and last folder name).
        'smail_refresh_token.ini',
        'C:\\Users\\admin',
        '\\Documents',
        ...Object.values(PROVIDERS).map((p) => p.displayName[lang]),
      ]),
    ).toEqual([]);
    expect(await violations()).toEqual([]);
  });
});

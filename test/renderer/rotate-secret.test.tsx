// @vitest-environment jsdom
/**
 * "Rotate secret" in the mailboxes view, against the fake `window.wizard`: the dialog (masked secret sent once and
 * emptied, expiry, replacing the remembered secret), a refused Value that changes nothing, the main process's
 * field problems, and the summary — rotated, needs a sign-in with its one-click re-issue, failed explained,
 * skipped — in both languages. Axe on each.
 */
import { cleanup, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import type { Lang } from '../../electron/core/i18n.js';
import { PROVIDER_VALIDATION_MESSAGES } from '../../electron/core/providers/index.js';
import { DEFAULT_PATH, SAMPLE_HEALTH, VALID, currentHeading, renderApp, tx } from './helpers.js';
import { violations } from './screen-checks.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

const CLIENT_ID = SAMPLE_HEALTH.clientId;
const DEAD = 'D:\\smail\\scanner.ini';
const BROKEN = 'D:\\smail\\broken.ini';
const OTHER = 'D:\\smail\\other.ini';

async function openDialog(user: UserEvent, lang: Lang = 'en'): Promise<void> {
  await user.click(screen.getByRole('button', { name: tx(lang, 'nav.mailboxes') }));
  await screen.findByRole('table');
  await user.click(
    screen.getByRole('button', { name: tx(lang, 'rotateSecret.actionLabel', { clientId: CLIENT_ID }) }),
  );
  await screen.findByRole('heading', { name: tx(lang, 'rotateSecret.title', { clientId: CLIENT_ID }) });
}

async function enterSecret(user: UserEvent, lang: Lang = 'en'): Promise<HTMLInputElement> {
  const secret = screen.getByLabelText<HTMLInputElement>(tx(lang, 'rotateSecret.secret.label'));
  expect(secret.type).toBe('password');
  await user.click(secret);
  await user.paste(VALID.secret);
  return secret;
}

const deadExplanation = explainError(
  new RtwError('aadsts', { aadsts: 700082, error: 'invalid_grant', description: 'expired' }),
);

describe('rotate secret', () => {
  it('the dialog: focus on its heading, the secret masked, sent once with the expiry and replacing the remembered one', async () => {
    const { fake, user } = await renderApp('en');
    await openDialog(user);
    const title = tx('en', 'rotateSecret.title', { clientId: CLIENT_ID });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: title }));
    expect(await violations()).toEqual([]);

    // Nothing typed: said at the field, nothing sent.
    await user.click(screen.getByRole('button', { name: tx('en', 'rotateSecret.start') }));
    const secret = screen.getByLabelText<HTMLInputElement>(tx('en', 'rotateSecret.secret.label'));
    expect(secret.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(tx('en', 'rotateSecret.secretRequired'))).toBeTruthy();
    expect(fake.api.rotateSecret).not.toHaveBeenCalled();
    expect(await violations()).toEqual([]);

    await enterSecret(user);
    await user.type(screen.getByLabelText(tx('en', 'reg.secretExpires.label')), '2027-01-31');
    // A secret is remembered for this app: replacing it is offered, ticked.
    const replace = screen.getByLabelText<HTMLInputElement>(tx('en', 'rotateSecret.rememberReplace'));
    expect(replace.checked).toBe(true);
    expect(document.body.innerHTML).not.toContain(VALID.secret);
    await user.click(screen.getByRole('button', { name: tx('en', 'rotateSecret.start') }));
    expect(fake.api.rotateSecret).toHaveBeenCalledTimes(1);
    expect(fake.api.rotateSecret).toHaveBeenCalledWith({
      clientId: CLIENT_ID,
      newSecret: VALID.secret,
      secretExpiresAt: '2027-01-31',
      rememberSecret: true,
    });
    const summary = await screen.findByRole('region', { name: tx('en', 'rotateSecret.summary.title') });
    expect(within(summary).getByRole('status').textContent).toBe(
      tx('en', 'rotateSecret.summary.counts', { rotated: 1, needsSignIn: 0, failed: 0, skipped: 0 }),
    );
    expect(within(summary).getByText(DEFAULT_PATH)).toBeTruthy();
    expect(await violations()).toEqual([]);
    // Closed: back to the list, the focus on the button that opened it.
    await user.click(screen.getByRole('button', { name: tx('en', 'rotateSecret.summary.close') }));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: tx('en', 'rotateSecret.actionLabel', { clientId: CLIENT_ID }) }),
    );
  });

  it('a Value the identity provider refuses: explained, nothing changed, the field empty for another try', async () => {
    const { fake, user } = await renderApp('en');
    fake.api.rotateSecret.mockResolvedValueOnce({
      ok: true,
      value: {
        status: 'refused',
        file: DEFAULT_PATH,
        explanation: explainError(
          new RtwError('aadsts', {
            aadsts: 7000215,
            error: 'invalid_client',
            description: 'Invalid client secret',
          }),
        ),
      },
    });
    await openDialog(user);
    const secret = await enterSecret(user);
    await user.click(screen.getByLabelText(tx('en', 'rotateSecret.rememberReplace')));
    await user.click(screen.getByRole('button', { name: tx('en', 'rotateSecret.start') }));
    expect(fake.api.rotateSecret).toHaveBeenCalledWith({
      clientId: CLIENT_ID,
      newSecret: VALID.secret,
      rememberSecret: false,
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(tx('en', 'rotateSecret.refused', { file: DEFAULT_PATH }));
    expect(alert.textContent).toContain('7000215');
    expect(secret.value).toBe('');
    expect(screen.getByRole('button', { name: tx('en', 'rotateSecret.start') })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('the main process’s field problems are shown at the fields (the provider’s own rules)', async () => {
    const { fake, user } = await renderApp('en');
    const message = PROVIDER_VALIDATION_MESSAGES.secretLooksLikeId;
    fake.api.rotateSecret.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid-input',
        explanation: explainError(new RtwError('invalid-input', { fields: 'clientSecret' })),
        issues: [{ field: 'clientSecret', key: 'secretLooksLikeId', message }],
      },
    });
    await openDialog(user);
    await enterSecret(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'rotateSecret.start') }));
    expect(await screen.findByText(message.en)).toBeTruthy();
    const secret = screen.getByLabelText<HTMLInputElement>(tx('en', 'rotateSecret.secret.label'));
    expect(secret.getAttribute('aria-invalid')).toBe('true');
    expect(await violations()).toEqual([]);
  });

  it.each(['en', 'ja'] as const)(
    'the summary (%s): a sign-in one click away, a failure explained, another app’s file skipped',
    async (lang) => {
      const { fake, user } = await renderApp(lang);
      fake.api.rotateSecret.mockResolvedValueOnce({
        ok: true,
        value: {
          status: 'done',
          verified: true,
          outcomes: [
            {
              status: 'rotated',
              file: DEFAULT_PATH,
              mailbox: SAMPLE_HEALTH.mailbox,
              refreshedAt: '2025-03-08T03:17:00.000Z',
              refreshTokenMasked: 'M.C7…(1432)',
              previousFingerprint: 'aaaaaaaaaaaa',
              fingerprint: 'bbbbbbbbbbbb',
              waitedMs: 0,
            },
            {
              status: 'needs-sign-in',
              file: DEAD,
              mailbox: 'scanner@contoso.com',
              code: 'aadsts',
              explanation: deadExplanation,
              reissueCommand: `rtw acquire --from "${DEAD}"`,
              secretRecorded: true,
            },
            {
              status: 'failed',
              file: BROKEN,
              code: 'file-format',
              explanation: explainError(new RtwError('file-format', { path: BROKEN, reason: 'UTF-16' })),
            },
            { status: 'skipped', file: OTHER, reason: 'other-app', clientId: 'another-app' },
          ],
          summary: { total: 4, rotated: 1, needsSignIn: 1, failed: 1, skipped: 1 },
          rememberedSecret: 'replaced',
        },
      });
      await openDialog(user, lang);
      await enterSecret(user, lang);
      await user.click(screen.getByRole('button', { name: tx(lang, 'rotateSecret.start') }));
      const summary = await screen.findByRole('region', { name: tx(lang, 'rotateSecret.summary.title') });
      expect(within(summary).getByRole('status').textContent).toBe(
        tx(lang, 'rotateSecret.summary.counts', { rotated: 1, needsSignIn: 1, failed: 1, skipped: 1 }),
      );
      expect(within(summary).getByText(tx(lang, 'rotateSecret.remembered.replaced'))).toBeTruthy();
      expect(within(summary).getByText(tx(lang, 'rotateSecret.row.signInRecorded'))).toBeTruthy();
      expect(
        within(summary).getByText(tx(lang, 'rotateSecret.row.otherApp', { clientId: 'another-app' })),
      ).toBeTruthy();
      expect(within(summary).getByText(tx(lang, 'rotateSecret.row.failed'))).toBeTruthy();
      expect(await violations()).toEqual([]);
      // One click: the wizard, filled in from the file (which now holds the new secret).
      await user.click(
        within(summary).getByRole('button', {
          name: tx(lang, 'rotateSecret.reissueLabel', { mailbox: 'scanner@contoso.com' }),
        }),
      );
      expect(fake.api.readReissueFile).toHaveBeenCalledWith({ path: DEAD });
      await expect.poll(currentHeading).toBe(tx(lang, 'step.registration.title'));
      expect(await screen.findByText(tx(lang, 'reissue.note', { file: DEAD }))).toBeTruthy();
    },
  );

  it('holds the list while the rotation runs: no refresh, removal or re-issue all racing it', async () => {
    const { fake, user } = await renderApp('en');
    let finish: (() => void) | undefined;
    const rotated = fake.api.rotateSecret.getMockImplementation();
    fake.api.rotateSecret.mockImplementationOnce(
      (input) =>
        new Promise((resolve) => {
          finish = () => void rotated?.(input).then(resolve);
        }),
    );
    await openDialog(user);
    await enterSecret(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'rotateSecret.start') }));
    expect(await screen.findByText(tx('en', 'rotateSecret.running', { count: 1 }))).toBeTruthy();
    const mailbox = SAMPLE_HEALTH.mailbox;
    for (const name of [
      tx('en', 'mailboxes.refreshAll'),
      tx('en', 'mailboxes.refreshLabel', { mailbox }),
      tx('en', 'mailboxes.removeLabel', { mailbox }),
      tx('en', 'reissueAll.actionLabel', { clientId: CLIENT_ID }),
      tx('en', 'rotateSecret.start'),
    ])
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled, name).toBe(true);
    expect(await violations()).toEqual([]);
    finish?.();
    await screen.findByRole('region', { name: tx('en', 'rotateSecret.summary.title') });
  });
});

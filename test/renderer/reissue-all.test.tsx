// @vitest-environment jsdom
/**
 * "Re-issue all with a new secret" in the mailboxes view, against the fake `window.wizard`: the dialog (masked
 * secret, the secret-ID warning, expiry, remember / use the remembered one), the step banner with Skip and
 * Cancel all, and the summary with each failure explained and its file one click away. Axe on each.
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserEvent } from '@testing-library/user-event';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import { VALIDATION_MESSAGES } from '../../electron/core/sign-in/validation-messages.js';
import { DEFAULT_PATH, SAMPLE_HEALTH, VALID, currentHeading, renderApp, tx } from './helpers.js';
import { violations } from './screen-checks.js';
import type { FakeWizard } from './helpers.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

const CLIENT_ID = SAMPLE_HEALTH.clientId;
const PRINTER = 'printer@contoso.com';

async function openDialog(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: tx('en', 'nav.mailboxes') }));
  await screen.findByRole('table');
  await user.click(
    screen.getByRole('button', { name: tx('en', 'reissueAll.actionLabel', { clientId: CLIENT_ID }) }),
  );
  await screen.findByRole('heading', { name: tx('en', 'reissueAll.title', { clientId: CLIENT_ID }) });
}

function step(fake: FakeWizard, index: number, total: number, userId: string): void {
  fake.emit({
    channel: 'reissue-all',
    event: { type: 'step', index, total, path: `D:\\smail\\${userId}.ini`, userId },
  });
}

describe('re-issue all with a new secret', () => {
  it('cannot start while a refresh runs (they would race for the same files)', async () => {
    const { fake, user } = await renderApp('en');
    let finish: (() => void) | undefined;
    const refreshed = fake.api.refreshFiles.getMockImplementation();
    fake.api.refreshFiles.mockImplementationOnce(
      (input) =>
        new Promise((resolve) => {
          finish = () => void refreshed?.(input).then(resolve);
        }),
    );
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.mailboxes') }));
    await screen.findByRole('table');
    const reissueAll = screen.getByRole<HTMLButtonElement>('button', {
      name: tx('en', 'reissueAll.actionLabel', { clientId: CLIENT_ID }),
    });
    await user.click(screen.getByRole('button', { name: tx('en', 'mailboxes.refreshAll') }));
    expect(reissueAll.disabled).toBe(true);
    finish?.();
    await expect.poll(() => reissueAll.disabled).toBe(false);
  });

  it('the dialog: masked secret, the secret ID refused, expiry and remember sent once', async () => {
    const { fake, user } = await renderApp('en');
    await openDialog(user);
    // A secret is remembered for this app: offered, and ticked.
    const useRemembered = screen.getByLabelText<HTMLInputElement>(tx('en', 'reissueAll.useRemembered'));
    expect(useRemembered.checked).toBe(true);
    expect(await violations()).toEqual([]);
    await user.click(useRemembered);

    const secret = screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.secret.label'));
    expect(secret.type).toBe('password');
    await user.click(secret);
    await user.paste(VALID.clientId);
    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.start') }));
    expect(screen.getByText(VALIDATION_MESSAGES.secretLooksLikeId.en)).toBeTruthy();
    expect(secret.getAttribute('aria-invalid')).toBe('true');
    expect(fake.api.startReissueAll).not.toHaveBeenCalled();
    expect(await violations()).toEqual([]);

    await user.clear(secret);
    await user.paste(VALID.secret);
    await user.type(screen.getByLabelText(tx('en', 'reg.secretExpires.label')), '2027-01-31');
    await user.click(screen.getByLabelText(tx('en', 'reg.remember.label')));
    // Never in the markup.
    expect(document.body.innerHTML).not.toContain(VALID.secret);
    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.start') }));
    expect(fake.api.startReissueAll).toHaveBeenCalledWith({
      clientId: CLIENT_ID,
      newSecret: VALID.secret,
      secretExpiresAt: '2027-01-31',
      rememberSecret: true,
    });
    expect(await screen.findByText(tx('en', 'reissueAll.starting'))).toBeTruthy();
  });

  it('the remembered secret: nothing to type; Cancel closes the dialog', async () => {
    const { fake, user } = await renderApp('en');
    await openDialog(user);
    // The button that opened it is now disabled: focus is on the dialog's heading, and returns to the button.
    const title = tx('en', 'reissueAll.title', { clientId: CLIENT_ID });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: title }));
    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.dismiss') }));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: tx('en', 'reissueAll.actionLabel', { clientId: CLIENT_ID }) }),
    );
    expect(
      screen.queryByRole('heading', { name: tx('en', 'reissueAll.title', { clientId: CLIENT_ID }) }),
    ).toBeNull();
    await user.click(
      screen.getByRole('button', { name: tx('en', 'reissueAll.actionLabel', { clientId: CLIENT_ID }) }),
    );
    expect(screen.queryByLabelText(tx('en', 'reg.secret.label'))).toBeNull();
    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.start') }));
    expect(fake.api.startReissueAll).toHaveBeenCalledWith({ clientId: CLIENT_ID, useRememberedSecret: true });
  });

  it('the step banner: which mailbox of how many, Skip and Cancel all; the list and the views held until it ends', async () => {
    const { fake, user } = await renderApp('en');
    await openDialog(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.start') }));
    step(fake, 1, 5, PRINTER);
    const banner = await screen.findByText(tx('en', 'reissueAll.step', { n: 2, total: 5, mailbox: PRINTER }));
    // The list being walked holds still, and the admin stays with the walk: nothing that refreshes, removes or
    // leaves (its progress, Skip and Cancel all live here).
    const mailbox = SAMPLE_HEALTH.mailbox;
    const lockedDuringWalk = [
      tx('en', 'mailboxes.add'),
      tx('en', 'mailboxes.refreshAll'),
      tx('en', 'mailboxes.refreshLabel', { mailbox }),
      tx('en', 'mailboxes.removeLabel', { mailbox }),
      tx('en', 'mailboxes.openLabel', { mailbox }),
      tx('en', 'nav.wizard'),
      tx('en', 'nav.openFile'),
    ];
    for (const name of lockedDuringWalk)
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled, name).toBe(true);
    expect(banner.getAttribute('role')).toBe('status');
    expect(screen.getByText(tx('en', 'reissueAll.waiting'))).toBeTruthy();
    // The walk's sign-in events are not the wizard's.
    fake.session({
      type: 'waiting',
      authorizeUrl: 'https://login.microsoftonline.com/x',
      secondsLeft: 300,
      browserOpened: true,
    });
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.skip') }));
    expect(fake.api.skipReissueAllStep).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.cancelAll') }));
    expect(fake.api.cancelReissueAll).toHaveBeenCalled();

    fake.emit({
      channel: 'reissue-all',
      event: {
        type: 'done',
        summary: { clientId: CLIENT_ID, total: 5, reissued: [], skipped: [], failed: [], notReached: [] },
      },
    });
    await user.click(await screen.findByRole('button', { name: tx('en', 'reissueAll.summary.close') }));
    for (const name of lockedDuringWalk)
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled, name).toBe(false);
    // The walk's sign-in events were never the wizard's: it is where it was.
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.wizard') }));
    expect(currentHeading()).toBe(tx('en', 'step.account.title'));
  });

  it('the summary: counts, each failure explained with its file one click away', async () => {
    const { fake, user } = await renderApp('en');
    await openDialog(user);
    await user.click(screen.getByRole('button', { name: tx('en', 'reissueAll.start') }));
    step(fake, 0, 3, SAMPLE_HEALTH.mailbox);
    const explanation = explainError(
      new RtwError('aadsts', {
        aadsts: 7000215,
        error: 'invalid_client',
        description: 'Invalid client secret',
      }),
    );
    fake.emit({
      channel: 'reissue-all',
      event: {
        type: 'done',
        summary: {
          clientId: CLIENT_ID,
          total: 3,
          reissued: [
            { path: DEFAULT_PATH, mailbox: SAMPLE_HEALTH.mailbox, signedInAs: SAMPLE_HEALTH.mailbox },
          ],
          skipped: [{ path: 'D:\\smail\\skipped.ini', mailbox: 'skipped@contoso.com' }],
          failed: [{ path: 'D:\\smail\\printer.ini', mailbox: PRINTER, code: 'aadsts', explanation }],
          notReached: [{ path: 'D:\\smail\\later.ini', mailbox: 'later@contoso.com' }],
        },
      },
    });
    const summary = await screen.findByRole('region', { name: tx('en', 'reissueAll.summary.title') });
    // Each row names its file; what still has the old secret can be opened to re-issue on its own.
    for (const path of [
      DEFAULT_PATH,
      'D:\\smail\\skipped.ini',
      'D:\\smail\\printer.ini',
      'D:\\smail\\later.ini',
    ])
      expect(within(summary).getByText(path)).toBeTruthy();
    expect(within(summary).getByText(tx('en', 'reissueAll.summary.notReachedRow'))).toBeTruthy();
    for (const mailbox of ['skipped@contoso.com', PRINTER, 'later@contoso.com'])
      expect(
        within(summary).getByRole('button', { name: tx('en', 'mailboxes.openLabel', { mailbox }) }),
      ).toBeTruthy();
    // The re-issued file needs nothing more: three Open buttons, for the skipped, failed and not reached ones.
    const openLabels = new Set(
      ['skipped@contoso.com', PRINTER, 'later@contoso.com'].map((mailbox) =>
        tx('en', 'mailboxes.openLabel', { mailbox }),
      ),
    );
    expect(
      within(summary)
        .getAllByRole('button')
        .filter((b) => openLabels.has(b.getAttribute('aria-label') ?? '')),
    ).toHaveLength(3);
    const reissuedRow = within(summary).getByText(DEFAULT_PATH).closest('li');
    expect(reissuedRow).not.toBeNull();
    expect(within(reissuedRow as HTMLElement).queryByRole('button')).toBeNull();
    expect(document.activeElement).toBe(
      within(summary).getByRole('heading', { name: tx('en', 'reissueAll.summary.title') }),
    );
    expect(
      within(summary).getByText(
        tx('en', 'reissueAll.summary.counts', { reissued: 1, skipped: 1, failed: 1 }),
      ),
    ).toBeTruthy();
    expect(within(summary).getByText(explanation.title.en)).toBeTruthy();
    expect(await violations()).toEqual([]);
    await user.click(
      within(summary).getByRole('button', { name: tx('en', 'mailboxes.openLabel', { mailbox: PRINTER }) }),
    );
    expect(currentHeading()).toBe(tx('en', 'file.title'));
    expect(fake.api.addMailbox).toHaveBeenCalledWith({ path: 'D:\\smail\\printer.ini' });
    // Leaving through the summary ends the re-issue: the views are free again.
    for (const name of [tx('en', 'nav.wizard'), tx('en', 'nav.openFile'), tx('en', 'nav.mailboxes')])
      expect(screen.getByRole<HTMLButtonElement>('button', { name }).disabled, name).toBe(false);
  });
});

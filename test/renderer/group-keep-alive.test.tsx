// @vitest-environment jsdom
/**
 * Keep alive per app group in the mailboxes view, against the fake `window.wizard`: the group's disclosure
 * creates, shows and removes the schedule of exactly that group's files, in both languages; it waits while the
 * group's refresh, re-issue or rotation runs; the global alert settings appear once on the page, not per group.
 * Axe on each.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../electron/core/i18n.js';
import type { FakeWizard } from './helpers.js';
import { SAMPLE_HEALTH, createFakeWizard, renderApp, tx } from './helpers.js';
import { violations } from './screen-checks.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

const APP_A = SAMPLE_HEALTH.clientId;
const APP_B = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const A1 = 'D:\\smail\\printer.ini';
const A2 = 'D:\\smail\\scanner.ini';
const B1 = 'D:\\other\\erp.ini';

/** Two files of app A (the sample's app) and one of app B. */
function twoApps(lang: Lang): FakeWizard {
  const fake = createFakeWizard(lang);
  const row = (path: string, mailbox: string, clientId: string) => ({
    entry: {
      path,
      mailbox,
      tenant: 'contoso.onmicrosoft.com',
      clientId,
      addedAt: '2025-01-10T09:30:00.000Z',
    },
    health: { ...SAMPLE_HEALTH, file: path, mailbox, clientId },
    secretRemembered: false,
  });
  fake.api.listMailboxes.mockImplementation(() =>
    Promise.resolve({
      ok: true as const,
      value: {
        encryptionAvailable: true,
        mailboxes: [
          row(A1, 'printer@contoso.com', APP_A),
          row(B1, 'erp@contoso.com', APP_B),
          row(A2, 'scanner@contoso.com', APP_A),
        ],
      },
    }),
  );
  return fake;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const opener = (lang: Lang, clientId: string): HTMLButtonElement =>
  screen.getByRole<HTMLButtonElement>('button', {
    name: tx(lang, 'groupKeepAlive.actionLabel', { clientId }),
  });

describe.each<Lang>(['en', 'ja'])('keep alive per app group (%s)', (lang) => {
  it('creates, shows and removes the schedule of exactly that group’s files; alerts once on the page', async () => {
    const fake = twoApps(lang);
    const { user } = await renderApp(lang, { fake });
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.mailboxes') }));
    await screen.findAllByRole('table');

    const button = opener(lang, APP_A);
    expect(button.textContent).toBe(tx(lang, 'groupKeepAlive.action'));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    const region = panel as HTMLElement;
    const title = tx(lang, 'groupKeepAlive.title', { count: 2 });
    // As the view's dialogs do, the opened panel takes the focus on its heading.
    expect(document.activeElement).toBe(within(region).getByRole('heading', { name: title }));
    // Each group is named by its app and client ID: both apps here are in one tenant, with one heading text.
    expect(screen.getByRole('region', { name: new RegExp(APP_B) })).toBeTruthy();
    const backend = tx(lang, 'keepAlive.backend.windows-task');
    await within(region).findByText(tx(lang, 'keepAlive.intro', { backend }));
    expect(fake.api.keepAliveStatus).toHaveBeenCalledWith({ paths: [A1, A2] });
    expect(within(region).getByText(tx(lang, 'keepAlive.state.off'))).toBeTruthy();
    // The other group stays closed.
    expect(opener(lang, APP_B).getAttribute('aria-expanded')).toBe('false');
    // The alert settings are global: one form on the page, not one inside each group.
    expect(within(region).queryByLabelText(tx(lang, 'alerts.webhookUrl'))).toBeNull();
    expect(screen.getAllByLabelText(tx(lang, 'alerts.webhookUrl'))).toHaveLength(1);
    expect(within(region).getByText(tx(lang, 'groupKeepAlive.alertsNote'))).toBeTruthy();
    expect(await violations()).toEqual([]);

    await user.click(within(region).getByRole('button', { name: tx(lang, 'keepAlive.add') }));
    expect(fake.api.keepAliveAdd).toHaveBeenCalledTimes(1);
    expect(fake.api.keepAliveAdd).toHaveBeenCalledWith({
      paths: [A1, A2],
      everyDays: 7,
      at: '03:17',
      loggedOut: false,
    });
    await within(region).findByText(tx(lang, 'keepAlive.state.on', { every: 7, at: '03:17', backend }));
    expect(within(region).getByText(tx(lang, 'keepAlive.lastRun'))).toBeTruthy();
    expect(await violations()).toEqual([]);

    // Both groups open at once: each control still has its own label (no duplicate ids).
    await user.click(opener(lang, APP_B));
    await screen.findAllByText(tx(lang, 'keepAlive.intro', { backend }));
    expect(fake.api.keepAliveStatus).toHaveBeenCalledWith({ paths: [B1] });
    expect(screen.getAllByLabelText(tx(lang, 'keepAlive.every'))).toHaveLength(2);
    expect(await violations()).toEqual([]);
    await user.click(opener(lang, APP_B));

    await user.click(within(region).getByRole('button', { name: tx(lang, 'keepAlive.remove') }));
    expect(fake.api.keepAliveRemove).toHaveBeenCalledWith({ paths: [A1, A2] });
    await within(region).findByText(tx(lang, 'keepAlive.state.off'));

    // The alerts are one step away, and the panel closes back to its button.
    await user.click(within(region).getByRole('button', { name: tx(lang, 'groupKeepAlive.toAlerts') }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: tx(lang, 'alerts.title') }));
    await user.click(within(region).getByRole('button', { name: tx(lang, 'groupKeepAlive.close') }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(button.getAttribute('aria-controls') ?? '')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(await violations()).toEqual([]);
  });

  it('is disabled while the group is busy: a refresh running, a rotation open', async () => {
    const fake = twoApps(lang);
    const { user } = await renderApp(lang, { fake });
    await user.click(screen.getByRole('button', { name: tx(lang, 'nav.mailboxes') }));
    await screen.findAllByRole('table');
    const button = opener(lang, APP_A);
    await user.click(button);
    const region = document.getElementById(button.getAttribute('aria-controls') ?? '') as HTMLElement;
    const turnOn = await within(region).findByRole<HTMLButtonElement>('button', {
      name: tx(lang, 'keepAlive.add'),
    });
    expect(turnOn.disabled).toBe(false);

    const answer = deferred<Awaited<ReturnType<FakeWizard['api']['refreshFiles']>>>();
    fake.api.refreshFiles.mockReturnValueOnce(answer.promise);
    await user.click(
      screen.getByRole('button', {
        name: tx(lang, 'mailboxes.refreshLabel', { mailbox: 'scanner@contoso.com' }),
      }),
    );
    expect(button.disabled).toBe(true);
    expect(turnOn.disabled).toBe(true);
    expect(within(region).getByLabelText<HTMLSelectElement>(tx(lang, 'keepAlive.every')).disabled).toBe(true);
    expect(within(region).getByText(tx(lang, 'groupKeepAlive.waiting'))).toBeTruthy();
    await user.click(turnOn);
    expect(fake.api.keepAliveAdd).not.toHaveBeenCalled();
    expect(await violations()).toEqual([]);
    await act(async () => {
      answer.resolve({ ok: true, value: [] });
      await answer.promise;
    });
    expect(button.disabled).toBe(false);
    expect(turnOn.disabled).toBe(false);

    // A secret rotation open for any app locks the list, this panel with it.
    await user.click(
      screen.getByRole('button', { name: tx(lang, 'rotateSecret.actionLabel', { clientId: APP_B }) }),
    );
    expect(button.disabled).toBe(true);
    expect(turnOn.disabled).toBe(true);
  });
});

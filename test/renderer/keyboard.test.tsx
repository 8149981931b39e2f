// @vitest-environment jsdom
/**
 * The wizard by keyboard: each step is a form (Enter = Next), focus lands on the new step's first field, Esc
 * cancels a waiting sign-in. (How many Tabs reach Next is counted in Chromium, test/e2e: jsdom does not hide the
 * content of a closed <details> from Tab.) Also the rail after
 * a result (the result ticked while on the check), and the busy port's one primary action.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import { VALID, WRITTEN, currentHeading, renderApp, tx, walkTo } from './helpers.js';

afterEach(cleanup);

describe('keyboard', () => {
  it('walks the guided wizard with Enter; focus starts on each step’s first field', async () => {
    const { fake, user } = await renderApp('en');
    // Account: the first field is the provider.
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.next') }));
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.back') }));
    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'provider.label')));
    screen.getByLabelText(tx('en', 'provider.label')).focus();
    await user.keyboard('{Enter}');
    expect(currentHeading()).toBe(tx('en', 'step.registration.title'));

    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'reg.clientId.label')));
    await user.paste(VALID.clientId);
    screen.getByLabelText(tx('en', 'reg.secret.label')).focus();
    await user.paste(VALID.secret);
    await user.keyboard('{Enter}');
    expect(currentHeading()).toBe(tx('en', 'step.mailbox.title'));

    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'mailbox.userId.label')));
    await user.paste(VALID.userId);
    screen.getByLabelText(tx('en', 'mailbox.userId.label')).focus();
    await user.keyboard('{Enter}');
    expect(currentHeading()).toBe(tx('en', 'step.output.title'));

    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'output.file.label')));
    screen.getByLabelText(tx('en', 'output.file.label')).focus();
    await user.keyboard('{Enter}');
    expect(currentHeading()).toBe(tx('en', 'step.signin.title'));

    // The sign-in step's first thing to do is its button; Enter signs in; Esc cancels the waiting sign-in.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.api.startAcquisition).toHaveBeenCalledTimes(1));
    fake.session({
      type: 'waiting',
      authorizeUrl: 'https://login.microsoftonline.com/x',
      secondsLeft: 300,
      browserOpened: true,
    });
    await user.keyboard('{Escape}');
    expect(fake.api.cancelAcquisition).toHaveBeenCalledTimes(1);
  });

  it('Enter in a field with a problem stays on the step and focuses the problem', async () => {
    const { user } = await renderApp('en');
    await walkTo(user, 'registration');
    screen.getByLabelText(tx('en', 'reg.clientId.label')).focus();
    await user.keyboard('{Enter}');
    expect(currentHeading()).toBe(tx('en', 'step.registration.title'));
    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'reg.clientId.label')));
    expect(screen.getByLabelText(tx('en', 'reg.clientId.label')).getAttribute('aria-invalid')).toBe('true');
  });

  it('Back and Next stay in a footer outside the scrolling step', async () => {
    await renderApp('en');
    const next = screen.getByRole('button', { name: tx('en', 'nav.next') });
    expect(next.closest('footer')?.className).toBe('step-nav');
    expect(next.closest('.card-scroll')).toBeNull();
    expect(next.getAttribute('type')).toBe('submit');
  });
});

describe('the rail', () => {
  it('ticks the result once the check is open', async () => {
    const { fake, user } = await renderApp('en');
    await walkTo(user, 'signin');
    await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    fake.session(WRITTEN);
    const rail = screen.getByRole('navigation', { name: tx('en', 'rail.label') });
    const result = () => within(rail).getByText(tx('en', 'step.result.title')).closest('li');
    expect(result()?.className).not.toContain('is-done');
    await user.click(screen.getByRole('button', { name: tx('en', 'result.checkNow') }));
    expect(currentHeading()).toBe(tx('en', 'step.check.title'));
    expect(result()?.className).toContain('is-done');
  });
});

describe('a busy port', () => {
  it('has one primary action, the retry on the free port; the normal start is hidden; the device code once', async () => {
    const { fake, user } = await renderApp('en');
    await walkTo(user, 'signin');
    fake.api.suggestPort.mockResolvedValue(8002);
    await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    fake.session({
      type: 'failed',
      code: 'port-busy',
      explanation: explainError(new RtwError('port-busy', { port: 8001 })),
    });
    await screen.findByRole('button', { name: tx('en', 'signin.portBusy.retry', { port: 8002 }) });
    const card = document.querySelector('main.card') as HTMLElement;
    const primaries = card.querySelectorAll('.button-primary');
    expect([...primaries].map((b) => b.textContent)).toEqual([
      tx('en', 'signin.portBusy.retry', { port: 8002 }),
    ]);
    expect(screen.queryByRole('button', { name: tx('en', 'signin.start') })).toBeNull();
    expect(screen.getAllByRole('button', { name: tx('en', 'signin.deviceCode.offer') })).toHaveLength(1);
  });
});

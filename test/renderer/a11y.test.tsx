// @vitest-environment jsdom
/**
 * axe-core on each step (jsdom cannot compute colours, so contrast is left to the e2e run in Chromium).
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import { VALID, WRITTEN, clickNext, renderApp, tx } from './helpers.js';
import { violations } from './screen-checks.js';

afterEach(cleanup);

// jsdom has no canvas; axe only uses it for checks that need rendering (icon ligatures). Say so quietly.
HTMLCanvasElement.prototype.getContext = () => null;

describe('accessibility', () => {
  it('the check finds a problem when there is one', async () => {
    await renderApp('en');
    const input = document.createElement('input');
    document.body.append(input);
    expect((await violations()).some((v) => v.startsWith('label:'))).toBe(true);
    input.remove();
  });

  it('has no axe violations on any step, with problems shown, in progress and on the result', async () => {
    const { fake, user } = await renderApp('ja');
    expect(await violations()).toEqual([]);
    await clickNext(user, 'ja');
    await clickNext(user, 'ja');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByLabelText(tx('ja', 'reg.clientId.label')));
    await user.paste(VALID.clientId);
    await user.click(screen.getByLabelText(tx('ja', 'reg.secret.label')));
    await user.paste(VALID.secret);
    await clickNext(user, 'ja');
    await clickNext(user, 'ja'); // mailbox problems
    expect(await violations()).toEqual([]);
    await user.click(screen.getByLabelText(tx('ja', 'mailbox.protocol.smtp')));
    expect(await violations()).toEqual([]);
    await user.click(screen.getByLabelText(tx('ja', 'mailbox.protocol.smtp')));
    await user.click(screen.getByLabelText(tx('ja', 'mailbox.userId.label')));
    await user.paste(VALID.userId);
    await clickNext(user, 'ja');
    await screen.findByText(tx('ja', 'output.plan.new'));
    expect(await violations()).toEqual([]);
    await clickNext(user, 'ja');
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: tx('ja', 'signin.start') }));
    fake.session({
      type: 'listening',
      port: 8001,
      addresses: ['127.0.0.1'],
      redirectUri: 'http://localhost:8001/myapp/',
    });
    fake.session({
      type: 'waiting',
      authorizeUrl: 'https://login.microsoftonline.com/x',
      secondsLeft: 120,
      browserOpened: false,
    });
    expect(await violations()).toEqual([]);
    fake.session({
      type: 'failed',
      code: 'port-busy',
      explanation: explainError(new RtwError('port-busy', { port: 8001 })),
    });
    await screen.findByRole('button', { name: tx('ja', 'signin.portBusy.retry', { port: 8002 }) });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: tx('ja', 'signin.portBusy.retry', { port: 8002 }) }));
    fake.session({
      type: 'failed',
      code: 'aadsts',
      explanation: explainError(
        new RtwError('aadsts', {
          aadsts: 7000215,
          error: 'invalid_client',
          description: 'AADSTS7000215: x',
          traceId: 't',
        }),
      ),
    });
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('button', { name: tx('ja', 'result.retry') }));
    await user.click(screen.getByRole('button', { name: tx('ja', 'signin.start') }));
    fake.session(WRITTEN);
    expect(await violations()).toEqual([]);
  });
});

// @vitest-environment jsdom
/**
 * The renderer's part of issue #16: the check report's sender view (sentences for a ticket, copyable) and, after
 * a sign-in that timed out, the box that explains what Entra showed in the browser (its own page never reaches
 * the app).
 */
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainError, explainText } from '../../electron/core/diagnose/index.js';
import { RtwError } from '../../electron/core/errors.js';
import type { CheckReport } from '../../electron/core/mail-check/index.js';
import { loginSentence, redeemSentence } from '../../electron/core/mail-check/sender-view.js';
import { DEFAULT_PATH, SAMPLE_REPORT, WRITTEN, renderApp, tx, walkTo } from './helpers.js';

afterEach(cleanup);

const TOKEN_URI = 'https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token';

/** The sample report with the sentences the check writes. */
const REPORT: CheckReport = {
  ...SAMPLE_REPORT,
  tokenEndpoint: TOKEN_URI,
  senderView: redeemSentence(TOKEN_URI, '3b1c2d3e-1111-4222-8333-444455556666'),
  results: SAMPLE_REPORT.results.map((r) => ({
    ...r,
    senderView: loginSentence(
      { protocol: r.protocol, user: SAMPLE_REPORT.userId, host: r.host, port: r.port },
      r.ok ? undefined : r.explanation,
    ),
  })),
};

describe('the check report', () => {
  it.each(['en', 'ja'] as const)(
    'shows the sender’s view, one sentence a step, copyable (%s)',
    async (lang) => {
      const { fake, user } = await renderApp(lang);
      await walkTo(user, 'signin', lang);
      await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
      fake.session(WRITTEN);
      await user.click(screen.getByRole('button', { name: tx(lang, 'result.checkNow') }));
      fake.api.checkTokenFile.mockResolvedValueOnce({ ok: true, value: REPORT });
      await user.click(screen.getByRole('button', { name: tx(lang, 'check.run') }));
      const section = await screen.findByRole('region', { name: tx(lang, 'check.senderView.title') });
      const sentences = [REPORT.senderView, ...REPORT.results.map((r) => r.senderView)].map(
        (s) => s?.[lang] ?? '',
      );
      expect(
        within(section)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(sentences);
      expect(sentences[2]).toContain(REPORT.results[1]?.explanation?.title[lang]);
      await user.click(
        within(section).getByRole('button', {
          name: tx(lang, 'copy.label', { what: tx(lang, 'check.senderView.what') }),
        }),
      );
      expect(fake.api.copyText).toHaveBeenCalledWith({ text: sentences.join('\n') });
      expect(fake.api.checkTokenFile).toHaveBeenCalledWith(expect.objectContaining({ file: DEFAULT_PATH }));
    },
  );
});

describe('after a sign-in that timed out', () => {
  it.each(['en', 'ja'] as const)('explains what the browser showed (%s)', async (lang) => {
    const { fake, user } = await renderApp(lang);
    await walkTo(user, 'signin', lang);
    await user.click(screen.getByRole('button', { name: tx(lang, 'signin.start') }));
    fake.session({
      type: 'failed',
      code: 'timeout',
      explanation: explainError(new RtwError('timeout', { seconds: 300 })),
    });
    const page = [
      'Sorry, but we’re having trouble signing you in.',
      'Request Id: 25408c00-756b-4260-b880-6eaaaf9f4100',
      'Correlation Id: dd9cbc38-68e5-4f6f-9e4c-e95bcdb7b6fa',
      'Timestamp: 2024-10-31T23:14:19Z',
      'Message: AADSTS500113: No reply address is registered for the application.',
    ].join('\n');
    const box = screen.getByLabelText(tx(lang, 'pasted.label'));
    await user.click(box);
    await user.paste(page);
    await user.click(screen.getByRole('button', { name: tx(lang, 'pasted.explain') }));
    expect(fake.api.explainText).toHaveBeenCalledWith({ text: page });
    const expected = explainText(page);
    expect(expected.id).toBe('AADSTS500113');
    expect(await screen.findByText(expected.title[lang])).toBeTruthy();
    expect(screen.getByText('dd9cbc38-68e5-4f6f-9e4c-e95bcdb7b6fa')).toBeTruthy();
  });

  it('is not offered for other failures', async () => {
    const { fake, user } = await renderApp('en');
    await walkTo(user, 'signin');
    await user.click(screen.getByRole('button', { name: tx('en', 'signin.start') }));
    fake.session({
      type: 'failed',
      code: 'aadsts',
      explanation: explainError(
        new RtwError('aadsts', { aadsts: 7000215, error: 'invalid_client', description: 'x' }),
      ),
    });
    expect(screen.queryByLabelText(tx('en', 'pasted.label'))).toBeNull();
  });
});

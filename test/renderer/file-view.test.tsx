// @vitest-environment jsdom
/**
 * The file view's secret expiry, edited in place: a date recorded in the file (no sign-in), a non-date refused
 * with a message, the health read again; the health's fix texts about the secret point at this field.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET_EXPIRY_ID } from '../../renderer/views/FileView.js';
import { DEFAULT_PATH, SAMPLE_HEALTH, renderApp, tx } from './helpers.js';
import { violations } from './screen-checks.js';

afterEach(cleanup);
HTMLCanvasElement.prototype.getContext = () => null;

describe('the secret expiry in the file view', () => {
  it('is saved in place; a non-date is refused and nothing is sent', async () => {
    const { fake, user } = await renderApp('en');
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.openFile') }));
    await screen.findByText(SAMPLE_HEALTH.refreshTokenMasked);
    const field = screen.getByLabelText<HTMLInputElement>(tx('en', 'file.secretExpires.edit'));
    expect(field.id).toBe(SECRET_EXPIRY_ID);
    expect(field.value).toBe('2025-04-30');
    const save = screen.getByRole('button', { name: tx('en', 'file.secretExpires.save') });
    // Unchanged: nothing to save.
    expect(save.hasAttribute('disabled')).toBe(true);
    await user.clear(field);
    await user.type(field, '2026-02-30');
    await user.click(save);
    expect(screen.getByText(tx('en', 'file.secretExpires.invalid', { value: '2026-02-30' }))).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(fake.api.setSecretExpiry).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, '2026-03-31');
    const reads = fake.api.tokenHealth.mock.calls.length;
    await user.click(save);
    expect(fake.api.setSecretExpiry).toHaveBeenCalledWith({ path: DEFAULT_PATH, expiresAt: '2026-03-31' });
    await waitFor(() => expect(fake.api.tokenHealth.mock.calls.length).toBe(reads + 1));
    expect(screen.getAllByText(tx('en', 'file.secretExpires.saved')).length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });

  it('a public client has no secret to expire: no field', async () => {
    const { fake, user } = await renderApp('en');
    fake.api.tokenHealth.mockResolvedValue({
      ok: true,
      value: { ...SAMPLE_HEALTH, clientSecretMasked: '', secretExpiresAt: undefined, secret: 'unknown' },
    });
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.openFile') }));
    await screen.findByText(SAMPLE_HEALTH.refreshTokenMasked);
    expect(screen.getByText(tx('en', 'file.noSecret'))).toBeTruthy();
    expect(screen.queryByLabelText(tx('en', 'file.secretExpires.edit'))).toBeNull();
  });
});

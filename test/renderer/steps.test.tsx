// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES } from '../../electron/core/sign-in/validation-messages.js';
import { format } from '../../electron/core/i18n.js';
import type { UserEvent } from '@testing-library/user-event';
import { VALID, clickNext, currentHeading, renderApp, tx, walkTo } from './helpers.js';

afterEach(cleanup);

/** Opens the registration step's Entra checklist (collapsed, so Next stays a few Tabs away) and returns it. */
async function openChecklist(user: UserEvent): Promise<HTMLElement> {
  const summary = screen.getByText(tx('en', 'reg.check.title'));
  const details = summary.closest('details');
  if (details === null) throw new Error('the checklist is not a disclosure');
  expect(details.open).toBe(false);
  await user.click(summary);
  expect(details.open).toBe(true);
  return details;
}

const en = (key: keyof typeof VALIDATION_MESSAGES, params: Record<string, string> = {}) =>
  format(VALIDATION_MESSAGES[key].en, params);

describe('step rail and focus', () => {
  it('marks the current step and moves focus to the first field of a new step', async () => {
    const { user } = await renderApp();
    const rail = screen.getByRole('navigation', { name: tx('en', 'rail.label') });
    expect(within(rail).getByText(tx('en', 'step.account.title')).closest('li')).toHaveProperty(
      'ariaCurrent',
      'step',
    );
    await clickNext(user);
    expect(currentHeading()).toBe(tx('en', 'step.registration.title'));
    // The first field, not the heading: typing starts at once; its form is named by the step's heading.
    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'reg.clientId.label')));
    expect(document.activeElement?.closest('form')?.getAttribute('aria-labelledby')).toBe('step-heading');
    expect(
      within(rail).getByText(tx('en', 'step.registration.title')).closest('li')?.getAttribute('aria-current'),
    ).toBe('step');
    // The finished step is a button back to it.
    await user.click(within(rail).getByRole('button', { name: /Account/ }));
    expect(currentHeading()).toBe(tx('en', 'step.account.title'));
  });
});

describe('account step', () => {
  it("offers the tenant as three choices, the SMAIL manual's common first", async () => {
    const { user } = await renderApp();
    const choices = [tx('en', 'tenant.common'), tx('en', 'tenant.organization'), tx('en', 'tenant.other')];
    for (const choice of choices) expect(screen.getByRole('radio', { name: choice })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: choices[0] }).checked).toBe(true);
    // "My organization only" needs its domain or tenant ID: continuing without shows why.
    await user.click(screen.getByRole('radio', { name: choices[1] }));
    await clickNext(user);
    expect(currentHeading()).toBe(tx('en', 'step.account.title'));
    expect(screen.getByText(en('tenantRequired'))).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'tenant.organizationField')));
  });

  it('validates the tenant as typed', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('radio', { name: tx('en', 'tenant.organization') }));
    const tenant = screen.getByLabelText(tx('en', 'tenant.organizationField'));
    await user.type(tenant, 'contoso');
    expect(screen.getByText(en('tenantInvalid', { value: 'contoso' }))).toBeTruthy();
    expect(tenant.getAttribute('aria-invalid')).toBe('true');
    await user.type(tenant, '.onmicrosoft.com');
    expect(screen.queryByText(en('tenantInvalid', { value: 'contoso' }))).toBeNull();
    expect(tenant.getAttribute('aria-invalid')).toBe('false');
  });

  it('a personal account needs no tenant, and the cloud is global only', async () => {
    const { user } = await renderApp();
    await user.click(
      screen.getByLabelText(new RegExp(tx('en', 'account.type.personal').replace(/[()]/g, '.'))),
    );
    expect(screen.queryByLabelText(tx('en', 'account.tenant.label'))).toBeNull();
    expect(screen.getByText(tx('en', 'account.personalTenant'))).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>(tx('en', 'account.cloud.label')).disabled).toBe(true);
  });
});

describe('app registration step', () => {
  it('shows the client ID problem as typed, bound to the input', async () => {
    const { user } = await renderApp();
    await clickNext(user);
    const clientId = screen.getByLabelText(tx('en', 'reg.clientId.label'));
    await user.type(clientId, 'not-a-guid');
    const message = screen.getByText(en('clientIdInvalid'));
    const errorList = message.closest('ul');
    expect(clientId.getAttribute('aria-invalid')).toBe('true');
    expect(clientId.getAttribute('aria-describedby')?.split(' ')).toContain(errorList?.id);
    await user.clear(clientId);
    await user.paste(VALID.clientId);
    expect(screen.queryByText(en('clientIdInvalid'))).toBeNull();
  });

  it('warns that a GUID in the secret field is the secret ID, not its Value', async () => {
    const { user } = await renderApp();
    await clickNext(user);
    const secret = screen.getByLabelText(tx('en', 'reg.secret.label'));
    expect(secret.getAttribute('type')).toBe('password');
    expect(secret.getAttribute('autocomplete')).toBe('off');
    expect(secret.getAttribute('spellcheck')).toBe('false');
    await user.click(secret);
    await user.paste('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
    expect(screen.getByText(en('secretLooksLikeId'))).toBeTruthy();
  });

  it('shows and hides the secret, which never appears in the markup', async () => {
    const { user } = await renderApp();
    await clickNext(user);
    const secret = screen.getByLabelText(tx('en', 'reg.secret.label'));
    await user.click(secret);
    await user.paste(VALID.secret);
    const toggle = screen.getByRole('button', { name: tx('en', 'secret.show') });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(secret.getAttribute('type')).toBe('text');
    expect(screen.getByRole('button', { name: tx('en', 'secret.hide') }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect((secret as HTMLInputElement).value).toBe(VALID.secret);
    expect(document.documentElement.outerHTML).not.toContain(VALID.secret);
    // Going away and back keeps the value, still only as a property.
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.back') }));
    await clickNext(user);
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'reg.secret.label')).value).toBe(VALID.secret);
    expect(document.documentElement.outerHTML).not.toContain(VALID.secret);
  });

  it('lists what Entra needs for a secret, collapsible, each value copyable', async () => {
    const { fake, user } = await renderApp();
    await clickNext(user);
    const checklist = await openChecklist(user);
    expect(within(checklist).getByText(tx('en', 'reg.check.platformWeb'))).toBeTruthy();
    expect(within(checklist).getByText('http://localhost:8001/myapp/')).toBeTruthy();
    // The permission as the portal's picker finds it, the full scope the wizard requests beside it.
    expect(within(checklist).getByText('SMTP.Send')).toBeTruthy();
    expect(
      within(checklist).getByText(
        tx('en', 'reg.check.requestedAs', { scope: 'https://outlook.office.com/SMTP.Send' }),
      ),
    ).toBeTruthy();
    expect(within(checklist).getByText('offline_access')).toBeTruthy();
    expect(within(checklist).getByText(tx('en', 'reg.check.publicFlowsNo'))).toBeTruthy();
    expect(within(checklist).getByText(tx('en', 'reg.check.accountTypes.common'))).toBeTruthy();
    await user.click(
      within(checklist).getByRole('button', {
        name: tx('en', 'copy.label', { what: tx('en', 'reg.check.redirectUriWhat') }),
      }),
    );
    expect(fake.api.copyText).toHaveBeenCalledWith({ text: 'http://localhost:8001/myapp/' });
    expect(
      await screen.findByText(tx('en', 'copy.announce', { what: tx('en', 'reg.check.redirectUriWhat') })),
    ).toBeTruthy();
    await user.click(
      within(checklist).getByRole('button', { name: tx('en', 'copy.label', { what: 'SMTP.Send' }) }),
    );
    expect(fake.api.copyText).toHaveBeenLastCalledWith({ text: 'SMTP.Send' });
    await user.click(within(checklist).getByRole('button', { name: tx('en', 'reg.openPortal') }));
    expect(fake.api.openExternal).toHaveBeenCalledWith({ page: 'entra-app-registrations' });
  });

  it('a public client hides the secret and changes the checklist', async () => {
    const { user } = await renderApp();
    await clickNext(user);
    await user.click(screen.getByLabelText(tx('en', 'reg.public.label')));
    expect(screen.queryByLabelText(tx('en', 'reg.secret.label'))).toBeNull();
    const checklist = await openChecklist(user);
    expect(within(checklist).getByText(tx('en', 'reg.check.platformPublic'))).toBeTruthy();
    expect(within(checklist).getByText(tx('en', 'reg.check.publicFlowsYes'))).toBeTruthy();
    expect(within(checklist).queryByText(tx('en', 'reg.check.secret'))).toBeNull();
    await user.click(screen.getByLabelText(tx('en', 'reg.clientId.label')));
    await user.paste(VALID.clientId);
    await clickNext(user);
    expect(currentHeading()).toBe(tx('en', 'step.mailbox.title'));
  });

  it('a single-tenant registration and IMAP change the checklist', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('radio', { name: tx('en', 'tenant.organization') }));
    await user.type(screen.getByLabelText(tx('en', 'tenant.organizationField')), 'contoso.onmicrosoft.com');
    await walkTo(user, 'output');
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.back') }));
    await user.click(screen.getByLabelText(tx('en', 'mailbox.protocol.imap')));
    await user.click(screen.getByRole('button', { name: tx('en', 'nav.back') }));
    await openChecklist(user);
    expect(screen.getByText('IMAP.AccessAsUser.All')).toBeTruthy();
    expect(
      screen.getByText(
        tx('en', 'reg.check.requestedAs', { scope: 'https://outlook.office.com/IMAP.AccessAsUser.All' }),
      ),
    ).toBeTruthy();
    expect(screen.getByText(tx('en', 'reg.check.accountTypes.single'))).toBeTruthy();
  });

  it('does not continue with problems: shows them and focuses the first', async () => {
    const { user } = await renderApp();
    await clickNext(user);
    await clickNext(user);
    expect(currentHeading()).toBe(tx('en', 'step.registration.title'));
    expect(screen.getByText(en('clientIdRequired'))).toBeTruthy();
    expect(screen.getByText(en('secretRequired'))).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(tx('en', 'reg.clientId.label')));
  });
});

describe('mailbox step', () => {
  it('validates the address as typed and explains shared mailboxes', async () => {
    const { user } = await renderApp();
    await walkTo(user, 'mailbox');
    const mailbox = screen.getByLabelText(tx('en', 'mailbox.userId.label'));
    await user.type(mailbox, 'printer');
    expect(screen.getByText(en('mailboxInvalid', { value: 'printer' }))).toBeTruthy();
    expect(screen.getByText(tx('en', 'mailbox.shared.body'))).toBeTruthy();
  });

  it('needs at least one protocol; SMTP is the default', async () => {
    const { user } = await renderApp();
    await walkTo(user, 'mailbox');
    const smtp = screen.getByLabelText(tx('en', 'mailbox.protocol.smtp'));
    expect((smtp as HTMLInputElement).checked).toBe(true);
    expect(
      screen.getByText(tx('en', 'mailbox.protocol.server', { server: 'smtp.office365.com:587' })),
    ).toBeTruthy();
    await user.click(smtp);
    expect(screen.getByText(en('protocolsRequired'))).toBeTruthy();
  });
});

describe('output step', () => {
  it('proposes a file per mailbox, says where, and that it is new', async () => {
    const { fake, user } = await renderApp();
    await walkTo(user, 'output');
    const perMailbox = 'C:\\Users\\admin\\Documents\\printer@contoso.com\\smail_refresh_token.ini';
    expect(screen.getByLabelText<HTMLInputElement>(tx('en', 'output.file.label')).value).toBe(perMailbox);
    expect(
      screen.getByText(
        tx('en', 'output.file.hintPerMailbox', {
          folder: 'C:\\Users\\admin\\Documents\\printer@contoso.com',
        }),
      ),
    ).toBeTruthy();
    expect(await screen.findByText(tx('en', 'output.plan.new'))).toBeTruthy();
    expect(fake.api.planOutputFile).toHaveBeenCalledWith(expect.objectContaining({ path: perMailbox }));
  });

  it('says an existing file is backed up as .bak, which keys change, and what others misread', async () => {
    const { fake, user } = await renderApp();
    fake.api.planOutputFile.mockResolvedValue({
      ok: true,
      value: {
        exists: true,
        changedKeys: ['RefreshToken', 'ClientSecret'],
        addedKeys: ['Provider'],
        duplicatesRemoved: [],
        warnings: [{ key: 'ClientSecret', readers: ['ini', 'python'] }],
      },
    });
    await walkTo(user, 'output');
    await user.click(screen.getByRole('button', { name: tx('en', 'output.choose') }));
    expect(fake.api.chooseOutputFile).toHaveBeenCalledWith({
      suggestedPath: 'C:\\Users\\admin\\Documents\\printer@contoso.com\\smail_refresh_token.ini',
    });
    const path = 'D:\\smail\\smail_refresh_token.ini';
    expect(await screen.findByText(tx('en', 'output.plan.exists'))).toBeTruthy();
    expect(screen.getByText(tx('en', 'output.plan.backup', { backup: `${path}.bak` }))).toBeTruthy();
    expect(
      screen.getByText(tx('en', 'output.plan.changed', { keys: 'RefreshToken, ClientSecret' })),
    ).toBeTruthy();
    expect(screen.getByText(tx('en', 'output.plan.added', { keys: 'Provider' }))).toBeTruthy();
    expect(
      screen.getByText(
        tx('en', 'output.warnings.item', {
          key: 'ClientSecret',
          readers: `${tx('en', 'output.reader.ini')}, ${tx('en', 'output.reader.python')}`,
        }),
      ),
    ).toBeTruthy();
  });

  it('an empty path is a problem', async () => {
    const { user } = await renderApp();
    await walkTo(user, 'output');
    await user.clear(screen.getByLabelText(tx('en', 'output.file.label')));
    await waitFor(() => expect(screen.getByText(en('outFileRequired'))).toBeTruthy());
  });
});

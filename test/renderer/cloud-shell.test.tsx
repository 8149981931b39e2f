import { describe, expect, it } from 'vitest';
import {
  DEFAULT_APP_NAME,
  GRAPH_PERMISSIONS,
  cloudShellCommand,
  parseCloudShellPaste,
  permissionsOf,
  shellQuote,
  signInAudienceOf,
  tenantOfRegistration,
} from '../../renderer/cloud-shell.js';
import type { CloudShellChoices } from '../../renderer/cloud-shell.js';

const CHOICES: CloudShellChoices = {
  appName: DEFAULT_APP_NAME,
  audience: 'AzureADandPersonalMicrosoftAccount',
  redirectUri: 'http://localhost:8001/myapp/',
  protocols: ['smtp'],
  publicClient: false,
  allowPublicClientFlows: false,
  secretYears: 2,
};

const CLIENT = '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const line = (o: Record<string, unknown>): string => JSON.stringify(o);
const GOOD = {
  rtw: 1,
  clientId: CLIENT,
  tenantId: TENANT,
  secret: 'Abc8Q~0123456789abcdefghijklmnopqrstuvwx',
  secretExpires: '2027-05-01T10:00:00.123456+00:00',
  signInAudience: 'AzureADMyOrg',
};

describe('the Cloud Shell command', () => {
  it('creates the app with the exact redirect URI on the Web platform, and a secret with --append', () => {
    const command = cloudShellCommand(CHOICES);
    expect(command).toContain(`REDIRECT_URI='http://localhost:8001/myapp/'`);
    expect(command).toContain('--web-redirect-uris "$REDIRECT_URI" --only-show-errors');
    expect(command).not.toContain('--public-client-redirect-uris');
    expect(command).not.toContain('--is-fallback-public-client');
    expect(command).toMatch(/az ad app credential reset --id "\$APP_ID" --append /);
    // Every credential reset appends: none may run without it.
    for (const reset of command.match(/credential reset[^\n]*/g) ?? []) expect(reset).toContain('--append');
    expect(command).toContain('--years 2');
    expect(command).toContain(`AUDIENCE='AzureADandPersonalMicrosoftAccount'`);
    expect(command).toContain(`APP_NAME='Refresh Token Wizard'`);
  });

  it('runs in a subshell function, so set -e never closes Cloud Shell', () => {
    const command = cloudShellCommand(CHOICES);
    expect(command.split('\n')[0]).toBe('rtw_register() (');
    expect(command.split('\n')[1]).toBe('  set -euo pipefail');
    expect(command.trimEnd().split('\n').slice(-2)).toEqual([')', 'rtw_register']);
  });

  it('asks for the permissions of the chosen protocols plus offline_access, with the well-known IDs as fallback', () => {
    const command = cloudShellCommand({ ...CHOICES, protocols: ['pop', 'smtp'] });
    expect(command).toContain(`PERMISSIONS='SMTP.Send POP.AccessAsUser.All offline_access'`);
    expect(command).toContain(`SMTP.Send) id=${GRAPH_PERMISSIONS['SMTP.Send']} ;;`);
    expect(command).toContain(`POP.AccessAsUser.All) id=${GRAPH_PERMISSIONS['POP.AccessAsUser.All']} ;;`);
    expect(command).toContain(`offline_access) id=${GRAPH_PERMISSIONS.offline_access} ;;`);
    expect(command).not.toContain('IMAP.AccessAsUser.All');
    expect(command).toContain('GRAPH=00000003-0000-0000-c000-000000000000');
    expect(permissionsOf(['imap', 'smtp', 'pop'])).toEqual([
      'SMTP.Send',
      'IMAP.AccessAsUser.All',
      'POP.AccessAsUser.All',
      'offline_access',
    ]);
  });

  it('allows public client flows when chosen: with a secret for a device code, without one for a public client', () => {
    const device = cloudShellCommand({ ...CHOICES, allowPublicClientFlows: true });
    expect(device).toContain('--web-redirect-uris "$REDIRECT_URI" --is-fallback-public-client true');
    expect(device).toContain('credential reset');
    const publicClient = cloudShellCommand({ ...CHOICES, publicClient: true });
    expect(publicClient).toContain(
      '--public-client-redirect-uris "$REDIRECT_URI" --is-fallback-public-client true',
    );
    expect(publicClient).not.toContain('--web-redirect-uris');
    expect(publicClient).not.toContain('credential reset');
    expect(publicClient).toContain('SECRET=""');
  });

  it('prints one JSON line, by jq or python3', () => {
    const command = cloudShellCommand(CHOICES);
    expect(command).toContain('jq -cn ');
    expect(command).toContain(
      "'{rtw:1, clientId:$clientId, tenantId:$tenantId, secret:$secret, secretExpires:$secretExpires, signInAudience:$signInAudience}'",
    );
    expect(command).toContain('separators=(",",":")');
  });

  it('quotes what it embeds: nothing in a value is expanded by Bash', () => {
    expect(shellQuote(`Tom's $HOME "app" \`id\``)).toBe(`'Tom'\\''s $HOME "app" \`id\`'`);
    const command = cloudShellCommand({ ...CHOICES, appName: `O'Brien $(rm -rf ~)` });
    expect(command).toContain(`APP_NAME='O'\\''Brien $(rm -rf ~)'`);
  });

  it('refuses choices it cannot express', () => {
    expect(() => cloudShellCommand({ ...CHOICES, secretYears: 3 })).toThrow();
    expect(() => cloudShellCommand({ ...CHOICES, audience: 'Nope' as never })).toThrow();
  });

  it('picks the audience that lets the tenant sign in', () => {
    expect(signInAudienceOf('common')).toBe('AzureADandPersonalMicrosoftAccount');
    expect(signInAudienceOf('')).toBe('AzureADandPersonalMicrosoftAccount');
    expect(signInAudienceOf('consumers')).toBe('AzureADandPersonalMicrosoftAccount');
    expect(signInAudienceOf('organizations')).toBe('AzureADMultipleOrgs');
    expect(signInAudienceOf('contoso.onmicrosoft.com')).toBe('AzureADMyOrg');
    expect(signInAudienceOf(TENANT)).toBe('AzureADMyOrg');
  });
});

describe('the pasted line', () => {
  it('fills in the client ID, the tenant, the secret Value and its expiry', () => {
    expect(parseCloudShellPaste(line(GOOD))).toEqual({
      ok: true,
      value: {
        clientId: CLIENT,
        tenantId: TENANT,
        secret: GOOD.secret,
        secretExpiresAt: '2027-05-01',
        signInAudience: 'AzureADMyOrg',
      },
    });
  });

  it('finds the line among Cloud Shell output and whitespace; the last one wins', () => {
    const older = line({ ...GOOD, secret: 'Old8Q~0123456789abcdefghijklmnopqrstuvwx' });
    const pasted = `user@Azure:~$ rtw_register\r\nWARNING: something\r\n${older}\n  ${line(GOOD)}  \n\n`;
    const result = parseCloudShellPaste(pasted);
    expect(result.ok && result.value.secret).toBe(GOOD.secret);
  });

  it('keeps a secret with quotes and backslashes exactly', () => {
    const secret = 'a"b\\c~d$e\'f0123456789abcdefghijklmnop';
    const result = parseCloudShellPaste(line({ ...GOOD, secret }));
    expect(result.ok && result.value.secret).toBe(secret);
  });

  it('reads a public client: no secret, no expiry', () => {
    const result = parseCloudShellPaste(line({ ...GOOD, secret: '', secretExpires: '' }));
    expect(result).toMatchObject({ ok: true, value: { secret: '', secretExpiresAt: '' } });
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['az: command not found', 'not-json'],
    ['{"rtw":1,', 'not-json'],
    ['{"rtw":1, clientId}', 'not-json'],
    ['[1,2]', 'not-json'],
    [line({ ...GOOD, rtw: undefined }), 'not-ours'],
    [line({ appId: CLIENT, password: 'x', tenant: TENANT }), 'not-ours'],
    [line({ ...GOOD, clientId: 'not-a-guid' }), 'client-id'],
    [line({ ...GOOD, clientId: 42 }), 'client-id'],
    [line({ ...GOOD, tenantId: 'contoso.onmicrosoft.com' }), 'tenant-id'],
    [line({ ...GOOD, signInAudience: 'PersonalMicrosoftAccount' }), 'audience'],
    [line({ ...GOOD, secret: 'e4a2c1d0-0000-4000-8000-000000000001' }), 'secret'],
    [line({ ...GOOD, secret: 'two words' }), 'secret'],
    [line({ ...GOOD, secret: undefined }), 'secret'],
    [line({ ...GOOD, secretExpires: 'soon' }), 'expiry'],
    [line({ ...GOOD, secretExpires: '' }), 'expiry'],
    [line({ ...GOOD, secret: '', secretExpires: '2027-01-01' }), 'expiry'],
  ])('refuses %j (%s)', (pasted, problem) => {
    expect(parseCloudShellPaste(pasted)).toEqual({ ok: false, problem });
  });

  it('gives the form the tenant of the audience', () => {
    expect(tenantOfRegistration({ tenantId: TENANT, signInAudience: 'AzureADMyOrg' })).toBe(TENANT);
    expect(tenantOfRegistration({ tenantId: TENANT, signInAudience: 'AzureADMultipleOrgs' })).toBe(
      'organizations',
    );
    expect(
      tenantOfRegistration({ tenantId: TENANT, signInAudience: 'AzureADandPersonalMicrosoftAccount' }),
    ).toBe('common');
  });
});

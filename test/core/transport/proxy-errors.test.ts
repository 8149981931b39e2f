import { describe, expect, it } from 'vitest';
import { explainError } from '../../../electron/core/diagnose/index.js';
import { RtwError } from '../../../electron/core/errors.js';
import { classifyNodeError } from '../../../electron/core/transport/network-client.js';
import { ProxyTunnelError } from '../../../electron/core/transport/node-https-transport.js';

/** What the CLI's transport rejects with when the proxy answers a CONNECT with anything but 200. */
function tunnelError(status: number): Error {
  return new ProxyTunnelError(
    status,
    { hostPort: 'proxy:8080', credentialsGiven: false },
    'login.microsoftonline.com:443',
  );
}

describe('proxy failures', () => {
  it('407 is proxy-auth-required, 403 proxy-refused, with the proxy and the host', () => {
    const proxy = { hostPort: 'proxy:8080', credentialsGiven: false };
    const auth = classifyNodeError(tunnelError(407), 'login.microsoftonline.com', proxy);
    expect(auth).toMatchObject({
      code: 'proxy-auth-required',
      params: { proxy: 'proxy:8080', host: 'login.microsoftonline.com', credentialsGiven: false },
    });
    const refused = classifyNodeError(tunnelError(403), 'login.microsoftonline.us', proxy);
    expect(refused).toMatchObject({
      code: 'proxy-refused',
      params: { status: 403, host: 'login.microsoftonline.us' },
    });
    // A tunnel refusal without a named proxy still says "proxy" (only a proxy answers CONNECT).
    expect(classifyNodeError(tunnelError(403), 'h')).toMatchObject({ params: { proxy: 'HTTPS_PROXY' } });
  });

  it('explains missing and refused credentials differently, in both languages', () => {
    const base = { proxy: 'proxy:8080', host: 'login.microsoftonline.com' };
    const missing = explainError(new RtwError('proxy-auth-required', { ...base, credentialsGiven: false }));
    const refused = explainError(new RtwError('proxy-auth-required', { ...base, credentialsGiven: true }));
    expect(missing.id).toBe('proxy-auth-required');
    expect(refused.id).toBe('proxy-auth-rejected');
    expect(missing.command).toBe("$env:HTTPS_PROXY = 'http://USER:PASSWORD@proxy:8080'");
    expect(missing.steps.map((s) => s.ja).join(' ')).toContain('HTTPS_PROXY');
    const forbidden = explainError(new RtwError('proxy-refused', { ...base, status: 403 }));
    expect(forbidden.steps.map((s) => s.en).join(' ')).toContain('login.microsoftonline.com');
    expect(forbidden.steps.map((s) => s.en).join(' ')).toContain('NO_PROXY');
  });
});

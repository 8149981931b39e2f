import { describe, expect, it } from 'vitest';
import { BadProxyVariableError, proxyForUrl } from '../../../electron/core/transport/env-proxy.js';

const LOGIN = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';
const PROXY = 'http://proxy.contoso.com:8080';

function via(env: NodeJS.ProcessEnv, url = LOGIN): string | undefined {
  return proxyForUrl(url, env)?.href;
}

describe('proxyForUrl (the rules undici read the environment with)', () => {
  it('takes https_proxy, HTTPS_PROXY, http_proxy, HTTP_PROXY in that order; none means direct', () => {
    expect(via({})).toBeUndefined();
    expect(via({ HTTP_PROXY: 'http://h:1' })).toBe('http://h:1/');
    expect(via({ http_proxy: 'http://l:1', HTTP_PROXY: 'http://h:1' })).toBe('http://l:1/');
    expect(via({ HTTPS_PROXY: 'http://s:1', http_proxy: 'http://l:1' })).toBe('http://s:1/');
    expect(via({ https_proxy: 'http://ls:1', HTTPS_PROXY: 'http://s:1' })).toBe('http://ls:1/');
    // Blank values are as good as unset.
    expect(via({ https_proxy: '  ', HTTPS_PROXY: 'http://s:1' })).toBe('http://s:1/');
    expect(via({ ALL_PROXY: 'http://all:1' })).toBeUndefined();
  });

  it('reads a proxy without a scheme as http://, and keeps its credentials for the tunnel', () => {
    expect(via({ HTTPS_PROXY: 'proxy.contoso.com:8080' })).toBe('http://proxy.contoso.com:8080/');
    expect(proxyForUrl(LOGIN, { HTTPS_PROXY: 'http://svc:p%40ss@p:3128' })?.password).toBe('p%40ss');
  });

  it('refuses a proxy it cannot use, naming the variable but not repeating the value', () => {
    for (const value of ['socks5://svc:Secret1@127.0.0.1:1080', 'http://[bad']) {
      let error: unknown;
      try {
        proxyForUrl(LOGIN, { https_proxy: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(BadProxyVariableError);
      expect((error as Error).message).toContain('https_proxy');
      expect((error as Error).message).not.toContain('Secret1');
      expect((error as Error).message).not.toContain('bad');
    }
  });

  it.each([
    ['login.microsoftonline.com', true],
    ['microsoftonline.com', true],
    ['.microsoftonline.com', true],
    ['*.microsoftonline.com', true],
    ['LOGIN.MicrosoftOnline.com', true],
    ['localhost, 127.0.0.1 microsoftonline.com', true],
    ['login.microsoftonline.com:443', true],
    ['login.microsoftonline.com:8443', false],
    ['online.com', false],
    ['line.com', false],
    ['soft', false],
    ['contoso.com', false],
    ['*', true],
    ['', false],
  ])('NO_PROXY=%j bypasses the proxy for login.microsoftonline.com: %s', (noProxy, direct) => {
    expect(via({ HTTPS_PROXY: PROXY, NO_PROXY: noProxy }) === undefined).toBe(direct);
  });

  it('no_proxy wins over NO_PROXY, and a port-less URL matches its scheme default port', () => {
    expect(via({ HTTPS_PROXY: PROXY, no_proxy: 'contoso.com', NO_PROXY: 'microsoftonline.com' })).toBe(
      `${PROXY}/`,
    );
    expect(via({ HTTPS_PROXY: PROXY, NO_PROXY: 'idp.test:8443' }, 'https://idp.test:8443/x')).toBeUndefined();
    expect(via({ HTTPS_PROXY: PROXY, NO_PROXY: '127.0.0.1' }, 'https://127.0.0.1:9/x')).toBeUndefined();
    expect(via({ HTTPS_PROXY: PROXY, NO_PROXY: '[::1]' }, 'https://[::1]:9/x')).toBeUndefined();
  });
});

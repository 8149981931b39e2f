/**
 * The POP check: TLS to port 995, `AUTH XOAUTH2` in Microsoft's two-line form, then STAT — a command that
 * needs the mailbox, so a login Exchange accepted but cannot serve is not reported as working.
 */
import { rootCertificates } from 'node:tls';
import { Pop3Client, Pop3Error } from './pop3-client.js';
import type { Transcript } from './transcript.js';
import type { LoginOutcome, LoginParams } from './types.js';
import { xoauth2String } from './xoauth2.js';

/** Logs in to a POP server with XOAUTH2 and runs STAT; failures come back as data. */
export async function popLogin(params: LoginParams, transcript: Transcript): Promise<LoginOutcome> {
  const xoauth2 = xoauth2String(params.user, params.accessToken);
  transcript.addSecret(params.accessToken);
  transcript.addSecret(xoauth2);
  transcript.add('#', `connect ${params.endpoint.host}:${params.endpoint.port} (TLS)`);
  let client: Pop3Client | undefined;
  try {
    const connected = await Pop3Client.connect({
      host: params.endpoint.host,
      port: params.endpoint.port,
      ...(params.extraCaPem === undefined ? {} : { ca: [...rootCertificates, params.extraCaPem] }),
      timeouts: params.timeouts,
      onLine: (source, text) => transcript.add(source, text),
      ...(params.signal === undefined ? {} : { signal: params.signal }),
    });
    client = connected.client;
    if (connected.greeting.status !== '+OK')
      return { ok: false, failure: { kind: 'reply', step: 'greeting', reply: connected.greeting.line } };
    const auth = await client.authXoauth2(xoauth2);
    if (auth.status !== '+OK')
      return { ok: false, failure: { kind: 'reply', step: 'auth', reply: auth.line } };
    const stat = await client.command('STAT', 'command');
    if (stat.status !== '+OK')
      return { ok: false, failure: { kind: 'reply', step: 'command', reply: stat.line } };
    await client.quit();
    return { ok: true };
  } catch (error) {
    if (error instanceof Pop3Error) return { ok: false, failure: error.failure };
    throw error;
  } finally {
    client?.close();
  }
}

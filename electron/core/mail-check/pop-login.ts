/**
 * The POP check: TLS to port 995, `AUTH XOAUTH2` in Microsoft's two-line form, then STAT — a command that
 * needs the mailbox, so a login the server accepted but cannot serve is not reported as working (Gmail says at
 * STAT that POP is off for the account). XOAUTH2 whatever else CAPA lists (Gmail's lists OAUTHBEARER): the
 * senders use XOAUTH2. A refused token's error challenge is answered with an empty line and kept.
 */
import { rootCertificates } from 'node:tls';
import { Pop3Client, Pop3Error } from './pop3-client.js';
import type { Transcript } from './transcript.js';
import type { LoginOutcome, LoginParams } from './types.js';
import { MECHANISM_NOTE, challengeNote, parseXoauth2Challenge, xoauth2String } from './xoauth2.js';

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
    transcript.add('#', MECHANISM_NOTE);
    const { reply: auth, challenge } = await client.authXoauth2(xoauth2);
    const decoded = challenge === undefined ? undefined : parseXoauth2Challenge(challenge);
    if (challenge !== undefined) transcript.add('#', challengeNote(decoded));
    if (auth.status !== '+OK')
      return {
        ok: false,
        failure: {
          kind: 'reply',
          step: 'auth',
          reply: auth.line,
          ...(decoded === undefined ? {} : { xoauth2Challenge: decoded }),
        },
      };
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

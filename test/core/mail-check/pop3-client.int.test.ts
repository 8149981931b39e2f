/** The small POP3 client against scripted TLS servers: the two-line AUTH form, multi-line replies, failures. */
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pop3Client, Pop3Error, xoauth2String } from '../../../electron/core/mail-check/index.js';
import { startLineServer } from '../../fixtures/mail/line-server.js';
import type { LineIo } from '../../fixtures/mail/line-server.js';
import { createTlsMaterial } from '../../fixtures/sandbox/tls.js';
import type { SandboxTlsMaterial } from '../../fixtures/sandbox/tls.js';

let tls: SandboxTlsMaterial;
beforeAll(async () => {
  tls = await createTlsMaterial();
});

const TIMEOUTS = { connect: 2000, greeting: 2000, command: 2000 };

/** A server answering each line from a script, recording what it received. */
async function scripted(greeting: string | undefined, answer: (line: string, io: LineIo) => void) {
  const received: string[] = [];
  const server = await startLineServer({
    tls,
    start: (io) => {
      if (greeting !== undefined) io.send(greeting);
      return {
        onLine: (line) => {
          received.push(line);
          answer(line, io);
        },
      };
    },
  });
  return { server, received };
}

function connect(port: number, lines: string[] = []) {
  return Pop3Client.connect({
    host: '127.0.0.1',
    port,
    ca: [...rootCertificates, tls.caPem],
    timeouts: TIMEOUTS,
    onLine: (source, text) => lines.push(`${source}: ${text}`),
  });
}

describe('Pop3Client', () => {
  let closeAll: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(closeAll.map((close) => close()));
    closeAll = [];
  });

  it('sends AUTH XOAUTH2 and the string on the next line (Microsoft’s two-line form), then STAT and QUIT', async () => {
    const blob = xoauth2String('user@contoso.com', 'token-value-123');
    const { server, received } = await scripted('+OK ready', (line, io) => {
      if (line === 'AUTH XOAUTH2') io.send('+ ');
      else if (line === blob) io.send('+OK User successfully authenticated.');
      else if (line === 'STAT') io.send('+OK 3 1200');
      else if (line === 'QUIT') {
        io.send('+OK bye');
        io.end();
      } else io.send('-ERR ?');
    });
    closeAll.push(() => server.close());
    const lines: string[] = [];
    const { client, greeting } = await connect(server.port, lines);
    expect(greeting).toMatchObject({ status: '+OK', text: 'ready' });
    const auth = await client.authXoauth2(blob);
    expect(auth.reply).toMatchObject({ status: '+OK', text: 'User successfully authenticated.' });
    expect(auth.challenge).toBeUndefined();
    expect(await client.command('STAT', 'command')).toMatchObject({ status: '+OK', text: '3 1200' });
    await client.quit();
    expect(received).toEqual(['AUTH XOAUTH2', blob, 'STAT', 'QUIT']);
    expect(lines.slice(0, 3)).toEqual(['S: +OK ready', 'C: AUTH XOAUTH2', 'S: + ']);
  });

  it('returns -ERR at AUTH as the reply; ends a SASL error challenge with an empty line', async () => {
    const { server, received } = await scripted('+OK ready', (line, io) => {
      if (line === 'AUTH XOAUTH2') io.send('+ ');
      else if (line === '') io.send('-ERR Authentication failure: unknown user name or bad password.');
      else io.send('+ eyJzdGF0dXMiOiI0MDEifQ==');
    });
    closeAll.push(() => server.close());
    const { client } = await connect(server.port);
    const { reply, challenge } = await client.authXoauth2('dXNlcj1h');
    expect(reply).toMatchObject({
      status: '-ERR',
      line: '-ERR Authentication failure: unknown user name or bad password.',
    });
    expect(challenge).toBe('eyJzdGF0dXMiOiI0MDEifQ==');
    expect(received).toEqual(['AUTH XOAUTH2', 'dXNlcj1h', '']);
    client.close();
  });

  it('reads multi-line replies, unstuffing dots', async () => {
    const { server } = await scripted('+OK ready', (line, io) => {
      if (line === 'CAPA') for (const l of ['+OK', 'SASL XOAUTH2', '..dotted', '.']) io.send(l);
    });
    closeAll.push(() => server.close());
    const { client } = await connect(server.port);
    expect(await client.command('CAPA', 'command', { multiline: true })).toMatchObject({
      status: '+OK',
      lines: ['SASL XOAUTH2', '.dotted'],
    });
    client.close();
  });

  it('times out a silent greeting, and a silent command', async () => {
    const silent = await scripted(undefined, () => undefined);
    closeAll.push(() => silent.server.close());
    const error = await connect(silent.server.port).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Pop3Error);
    expect((error as Pop3Error).failure).toEqual({ kind: 'timeout', step: 'greeting', seconds: 2 });

    const mute = await scripted('+OK ready', () => undefined);
    closeAll.push(() => mute.server.close());
    const { client } = await connect(mute.server.port);
    const late = await client.command('STAT', 'command').catch((e: unknown) => e);
    expect((late as Pop3Error).failure).toEqual({ kind: 'timeout', step: 'command', seconds: 2 });
  });

  it('an untrusted certificate is a TLS failure; a reply that is not POP3 is a protocol reply', async () => {
    const other = await createTlsMaterial();
    const server = await startLineServer({
      tls: other,
      start: (io) => (io.send('+OK'), { onLine: () => undefined }),
    });
    closeAll.push(() => server.close());
    const error = await connect(server.port).catch((e: unknown) => e);
    expect((error as Pop3Error).failure).toMatchObject({ kind: 'tls', step: 'connect' });

    const smtp = await scripted('220 not pop', () => undefined);
    closeAll.push(() => smtp.server.close());
    const wrong = await connect(smtp.server.port).catch((e: unknown) => e);
    expect((wrong as Pop3Error).failure).toEqual({ kind: 'reply', step: 'greeting', reply: '220 not pop' });
  });

  it('the server closing mid-command is a closed connection', async () => {
    const { server } = await scripted('+OK ready', (_line, io) => io.end());
    closeAll.push(() => server.close());
    const { client } = await connect(server.port);
    const error = await client.command('STAT', 'command').catch((e: unknown) => e);
    expect((error as Pop3Error).failure).toEqual({ kind: 'closed', step: 'command' });
  });
});

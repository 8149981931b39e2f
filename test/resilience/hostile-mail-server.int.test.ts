/**
 * The token check against hostile mail servers (issue #15, item 15), with the product's own login code over real
 * TLS sockets: a server that floods bytes without ever ending a line, and one that sends its replies before the
 * commands they would answer. Every line and reply is bounded (64 KiB), the connection is dropped as soon as the
 * bound is passed (no waiting for the timeout), and a reply that came before its command is not taken as its answer.
 */
import type { Socket } from 'node:net';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { TLSSocket, createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transcript } from '../../electron/core/mail-check/transcript.js';
import { popLogin } from '../../electron/core/mail-check/pop-login.js';
import { Pop3Client, Pop3Error } from '../../electron/core/mail-check/pop3-client.js';
import { smtpLogin } from '../../electron/core/mail-check/smtp-login.js';
import { imapLogin } from '../../electron/core/mail-check/imap-login.js';
import type { LoginOutcome, LoginParams } from '../../electron/core/mail-check/types.js';
import { createTlsMaterial } from '../fixtures/sandbox/tls.js';
import type { SandboxTlsMaterial } from '../fixtures/sandbox/tls.js';

let tls: SandboxTlsMaterial;
beforeAll(async () => {
  tls = await createTlsMaterial();
});

/** Long enough that only a flood that is never cut off could reach it: the test must not end by a timeout. */
const TIMEOUTS = { connect: 5000, greeting: 8000, command: 8000 };
const MAX_LINE = 64 * 1024;

function params(port: number): LoginParams {
  return {
    endpoint: { host: '127.0.0.1', port },
    user: 'printer@contoso.com',
    accessToken: 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.sig-hostile-test',
    timeouts: TIMEOUTS,
    extraCaPem: tls.caPem,
  };
}

interface Hostile {
  port: number;
  /** Bytes the server managed to hand to the socket before the client went away. */
  written(): number;
  closed(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A server that, once the client is connected (after TLS when `tls`), calls `talk` with a writer; `flood` writes
 * `chunk` for as long as the client reads, tracking how much it wrote.
 */
async function hostile(options: {
  tls: boolean;
  talk: (socket: Socket, flood: (chunk: string) => void) => void;
}): Promise<Hostile> {
  let written = 0;
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const sockets = new Set<Socket>();
  const handle = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      onClosed();
    });
    const flood = (chunk: string): void => {
      const pump = (): void => {
        while (!socket.destroyed && socket.writable) {
          written += chunk.length;
          if (!socket.write(chunk)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      pump();
    };
    options.talk(socket, flood);
  };
  const server: Server = options.tls
    ? createTlsServer({ cert: tls.certPem, key: tls.keyPem }, handle)
    : createTcpServer(handle);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    written: () => written,
    closed: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Runs a login, noting how long it took relative to the timeouts (it must end long before any of them). */
async function login(run: () => Promise<LoginOutcome>): Promise<{ outcome: LoginOutcome; ms: number }> {
  const started = performance.now();
  const outcome = await run();
  return { outcome, ms: performance.now() - started };
}

const servers: Hostile[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function start(options: Parameters<typeof hostile>[0]): Promise<Hostile> {
  const server = await hostile(options);
  servers.push(server);
  return server;
}

describe('a server flooding bytes without a line end', () => {
  it('POP: the greeting is cut off at the line bound, not read until the timeout', async () => {
    const server = await start({ tls: true, talk: (_s, flood) => flood('+OK '.padEnd(16 * 1024, 'A')) });
    const { outcome } = await login(() => popLogin(params(server.port), new Transcript()));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'too-long' } });
    await server.closed();
  });

  it('SMTP: the greeting is cut off at the line bound', async () => {
    const server = await start({ tls: false, talk: (_s, flood) => flood('220 '.padEnd(16 * 1024, 'A')) });
    const { outcome } = await login(() => smtpLogin(params(server.port), new Transcript()));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'too-long' } });
    await server.closed();
  });

  it('IMAP: the greeting is cut off at the line bound', async () => {
    const server = await start({ tls: true, talk: (_s, flood) => flood('* OK '.padEnd(16 * 1024, 'A')) });
    const { outcome } = await login(() => imapLogin(params(server.port), new Transcript()));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'too-long' } });
    await server.closed();
  });

  it('POP: a multi-line reply of endless short lines is cut off at the reply bound', async () => {
    // The check's own login reads no multi-line reply; the client it uses is bounded for one all the same.
    const server = await start({
      tls: true,
      talk: (socket, flood) => {
        socket.write('+OK ready\r\n');
        socket.once('data', () => {
          socket.write('+OK listing follows\r\n');
          flood('1 '.padEnd(1022, '9') + '\r\n');
        });
      },
    });
    const { client } = await Pop3Client.connect({
      host: '127.0.0.1',
      port: server.port,
      ca: [tls.caPem],
      timeouts: TIMEOUTS,
    });
    const error = await client.command('LIST', 'command', { multiline: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    client.close();
    expect(error).toBeInstanceOf(Pop3Error);
    expect((error as Pop3Error).failure).toEqual({ kind: 'protocol', step: 'command', reason: 'too-long' });
    await server.closed();
    // Cut off at the bound, not after the flood filled memory (the socket and TLS buffers hold a few MiB at most).
    expect(server.written()).toBeLessThan(32 * 1024 * 1024);
  });

  it('POP: endless continuation lines after AUTH are refused once one answered the command', async () => {
    const server = await start({
      tls: true,
      talk: (socket, flood) => {
        socket.write('+OK ready\r\n');
        socket.once('data', () => flood('+ '.padEnd(1022, 'B') + '\r\n'));
      },
    });
    const { outcome } = await login(() => popLogin(params(server.port), new Transcript()));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'unsolicited' } });
    await server.closed();
  });
});

describe('replies sent before their commands', () => {
  it('POP: a greeting followed at once by every later reply is refused, not a working login', async () => {
    const server = await start({
      tls: true,
      talk: (socket) => {
        socket.write('+OK ready\r\n+ \r\n+OK User successfully authenticated.\r\n+OK 0 0\r\n+OK bye\r\n');
        socket.on('data', () => undefined);
      },
    });
    const { outcome } = await login(() => popLogin(params(server.port), new Transcript()));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'unsolicited' } });
  });

  it('SMTP: an AUTH success sent with the EHLO answer (after STARTTLS) is refused', async () => {
    const server = await start({
      tls: false,
      talk: (plain) => {
        plain.write('220 smtp.hostile.example ready\r\n');
        let secured: TLSSocket | undefined;
        plain.on('data', (chunk: Buffer) => {
          if (secured !== undefined) return;
          const line = chunk.toString('latin1');
          if (/^EHLO/i.test(line)) plain.write('250-smtp.hostile.example\r\n250 STARTTLS\r\n');
          else if (/^STARTTLS/i.test(line)) {
            plain.write('220 2.0.0 go ahead\r\n');
            plain.removeAllListeners('data');
            secured = new TLSSocket(plain, { isServer: true, cert: tls.certPem, key: tls.keyPem });
            secured.on('error', () => undefined);
            secured.on('data', (c: Buffer) => {
              if (/^EHLO/i.test(c.toString('latin1')))
                secured?.write(
                  '250-smtp.hostile.example\r\n250 AUTH XOAUTH2\r\n235 2.7.0 Authentication successful\r\n',
                );
            });
          }
        });
      },
    });
    const { outcome } = await login(() => smtpLogin(params(server.port), new Transcript()));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'unsolicited' } });
  });

  it('IMAP: tagged answers sent with the greeting are refused, not a working login', async () => {
    const server = await start({
      tls: true,
      talk: (socket) => {
        // Completions for the tags imapflow would use for its first commands, in both of the usual styles.
        const tagged = Array.from({ length: 12 }, (_, i) => [`${i + 1} OK done`, `A${i + 1} OK done`])
          .flat()
          .join('\r\n');
        socket.write(`* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR] ready\r\n${tagged}\r\n`);
        socket.on('data', () => undefined);
      },
    });
    const { outcome } = await login(() => imapLogin(params(server.port), new Transcript()));
    expect(outcome.ok).toBe(false);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'protocol', reason: 'unsolicited' } });
  });
});

describe('bounds', () => {
  it('a line of exactly the bound is still read (a real reply is never cut)', async () => {
    const long = `+OK ${'x'.repeat(MAX_LINE - 6)}`;
    const server = await start({
      tls: true,
      talk: (socket) => {
        socket.write(`${long}\r\n`);
        socket.on('data', (c: Buffer) => {
          const line = c.toString('latin1');
          if (line.startsWith('AUTH')) socket.write('+ \r\n');
          else if (line.startsWith('QUIT')) socket.end('+OK bye\r\n');
          else if (line.startsWith('STAT')) socket.write('+OK 0 0\r\n');
          else socket.write('+OK authenticated\r\n');
        });
      },
    });
    const transcript = new Transcript();
    const { outcome } = await login(() => popLogin(params(server.port), transcript));
    expect(outcome).toEqual({ ok: true });
  });
});

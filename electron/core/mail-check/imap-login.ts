/**
 * The IMAP check with imapflow: TLS to port 993, `AUTHENTICATE XOAUTH2` with the initial response (as
 * Microsoft's page shows it), then LIST. Exchange Online has been seen to answer OK to AUTHENTICATE for a token
 * that does not match the user and fail only the next command (FACTS.md; neomutt's mutt_oauth2.py sends LIST
 * for the same reason), so the login counts only once a command that needs the mailbox has worked.
 *
 * XOAUTH2 even when the server also offers OAUTHBEARER (Gmail does): the senders use XOAUTH2, and a check that
 * logged in otherwise would vouch for a login they do not make. imapflow 2.1.2 picks OAUTHBEARER whenever it is
 * offered (commands/authenticate.js `authOauth`) and has no option to choose, so the check hides it from the
 * capabilities imapflow reads (`xoauth2Only`). A refused token's error challenge is answered by imapflow with the
 * empty line XOAUTH2 requires; the decoded challenge comes back on its error (`oauthError`) and is kept.
 */
import { rootCertificates } from 'node:tls';
import { ImapFlow } from 'imapflow';
import type { Logger } from 'imapflow';
import { classifySocketError } from './failure.js';
import type { MailFailure, MailStep } from './failure.js';
import { ImapReplyGuard, MAX_LINE_BYTES } from './reply-guard.js';
import type { Transcript } from './transcript.js';
import type { LoginOutcome, LoginParams } from './types.js';
import { MECHANISM_NOTE, challengeNote, challengeOf } from './xoauth2.js';

/** imapflow's error fields. */
interface ImapError extends Error {
  code?: string;
  response?: unknown;
  responseStatus?: string;
  responseText?: string;
  /** The response code imapflow took out of the text (`AUTHENTICATIONFAILED` of `NO [AUTHENTICATIONFAILED] …`). */
  serverResponseCode?: string;
  authenticationFailed?: boolean;
  /** The decoded error challenge of a refused OAuth login. */
  oauthError?: unknown;
  tlsFailed?: boolean;
}

/** The capability that makes imapflow prefer OAUTHBEARER over XOAUTH2. */
const OAUTHBEARER = 'AUTH=OAUTHBEARER';

/**
 * Keeps OAUTHBEARER out of the capabilities imapflow chooses its mechanism from. imapflow replaces its
 * `capabilities` map whenever the server lists them (imap-flow.js `updateCapabilities`), so every map it stores
 * goes through this setter; the protocol lines in the transcript still show what the server offered.
 */
function xoauth2Only(client: ImapFlow): void {
  let current = client.capabilities;
  current.delete(OAUTHBEARER);
  Object.defineProperty(client, 'capabilities', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (next: Map<string, boolean | number>) => {
      next.delete(OAUTHBEARER);
      current = next;
    },
  });
}

/** How far the session got: imapflow's inactivity timeout does not say which step stalled. */
interface Progress {
  step: MailStep;
}

/** imapflow's logger: `src` 'c'/'s' entries are the protocol lines (credentials already hidden by imapflow). */
function transcriptLogger(transcript: Transcript, progress: Progress): Logger {
  const note = (entry: unknown): void => {
    const { src, msg } = (typeof entry === 'object' && entry !== null ? entry : {}) as {
      src?: unknown;
      msg?: unknown;
    };
    if (typeof msg !== 'string') return;
    // The one empty line worth showing: the client's answer to an error challenge.
    if (msg === '') {
      if (src === 'c') transcript.add('C', '');
      return;
    }
    if (src === 's' && progress.step === 'greeting') progress.step = 'auth';
    else if (
      src === undefined &&
      progress.step === 'connect' &&
      /^Established secure TCP connection/i.test(msg)
    )
      progress.step = 'greeting';
    transcript.add(src === 'c' ? 'C' : src === 's' ? 'S' : '#', msg);
  };
  return { debug: note, info: note, warn: note, error: note };
}

/**
 * The reply of a failed IMAP command as the server sent it, status first (`NO AUTHENTICATE failed.`), with the
 * RFC 5530 response code imapflow parses out of the text put back (`NO [AUTHENTICATIONFAILED] …`): the code says
 * more than the text, and the explanation keeps it.
 */
function replyOf(e: ImapError): string | undefined {
  const text = e.responseText ?? (typeof e.response === 'string' ? e.response : undefined);
  if (text === undefined || text === '') return undefined;
  const code = e.serverResponseCode;
  const withCode =
    typeof code === 'string' && code !== '' && !text.toUpperCase().includes(`[${code.toUpperCase()}`)
      ? `[${code}] ${text}`
      : text;
  return e.responseStatus === undefined ? withCode : `${e.responseStatus} ${withCode}`;
}

/** Reduces an imapflow error to a MailFailure; `step` is how far the session got. */
export function imapFailure(
  error: unknown,
  step: MailStep,
  timeouts: LoginParams['timeouts'],
): MailFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as ImapError;
  const actualStep: MailStep = e.authenticationFailed === true ? 'auth' : step;
  const reply = replyOf(e);
  const challenge = challengeOf(e.oauthError);
  if (reply !== undefined)
    return {
      kind: 'reply',
      step: actualStep,
      reply,
      ...(challenge === undefined ? {} : { xoauth2Challenge: challenge }),
    };
  const seconds = (ms: number): number => Math.round(ms / 1000);
  switch (e.code ?? '') {
    case 'CONNECT_TIMEOUT':
      return { kind: 'timeout', step: 'connect', seconds: seconds(timeouts.connect) };
    case 'GREETING_TIMEOUT':
      return { kind: 'timeout', step: 'greeting', seconds: seconds(timeouts.greeting) };
    case 'ETIMEOUT':
    case 'UPGRADE_TIMEOUT':
      return {
        kind: 'timeout',
        step: actualStep,
        seconds: seconds(actualStep === 'greeting' ? timeouts.greeting : timeouts.command),
      };
    default:
      break;
  }
  // imapflow's own bounds (set to reply-guard's): a line, literal or response past them.
  if (['LineTooLarge', 'LiteralTooLarge', 'ResponseTooLarge'].includes(e.code ?? ''))
    return { kind: 'protocol', step: actualStep, reason: 'too-long' };
  if (e.code === 'UnexpectedTag') return { kind: 'protocol', step: actualStep, reason: 'unsolicited' };
  const socket = classifySocketError(error, actualStep);
  if (socket !== undefined) return socket;
  if (e.tlsFailed === true) return { kind: 'tls', step: 'connect', reason: e.message };
  if (e.code === 'NoConnection' || e.code === 'EConnectionClosed')
    return { kind: 'closed', step: actualStep };
  return undefined;
}

/** Logs in to an IMAP server with XOAUTH2 and runs LIST; failures come back as data. */
export async function imapLogin(params: LoginParams, transcript: Transcript): Promise<LoginOutcome> {
  transcript.addSecret(params.accessToken);
  const host = params.endpoint.host;
  transcript.add('#', `connect ${host}:${params.endpoint.port} (TLS)`);
  const progress: Progress = { step: 'connect' };
  const client = new ImapFlow({
    host,
    port: params.endpoint.port,
    secure: true,
    auth: { user: params.user, accessToken: params.accessToken },
    tls: {
      minVersion: 'TLSv1.2',
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      ...(params.extraCaPem === undefined ? {} : { ca: [...rootCertificates, params.extraCaPem] }),
    },
    connectionTimeout: params.timeouts.connect,
    greetingTimeout: params.timeouts.greeting,
    // Inactivity: longer than the greeting wait, so a silent server is reported as the greeting timeout it is.
    socketTimeout: Math.max(params.timeouts.command, params.timeouts.greeting + 1000),
    logger: transcriptLogger(transcript, progress),
    disableAutoIdle: true,
    disableCompression: true,
    // What the ID command (if the server offers it) reports: the product, not the library.
    clientInfo: { name: 'Refresh Token Wizard' },
    // imapflow's own bounds (1 GiB by default): a check reads greetings, capabilities and a LIST.
    maxLineLength: MAX_LINE_BYTES,
    maxLiteralSize: MAX_LINE_BYTES,
    maxResponseSize: MAX_LINE_BYTES,
  });
  // Lines and the session bounded, and a tagged answer ahead of its command refused (reply-guard.ts).
  const guard = new ImapReplyGuard();
  guard.attach(client);
  // imapflow also reports failures as 'error' events; the awaited calls below carry them, so keep it quiet.
  client.on('error', () => undefined);
  xoauth2Only(client);
  transcript.add('#', MECHANISM_NOTE);
  const onAbort = (): void => client.close();
  params.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    progress.step = 'command';
    await client.list();
    await client.logout();
    return { ok: true };
  } catch (error) {
    if (params.signal?.aborted === true) throw params.signal.reason;
    if (guard.violation !== undefined)
      return { ok: false, failure: { kind: 'protocol', step: progress.step, reason: guard.violation } };
    const failure = imapFailure(error, progress.step, params.timeouts);
    if (failure?.kind === 'reply' && failure.xoauth2Challenge !== undefined)
      transcript.add('#', challengeNote(failure.xoauth2Challenge));
    if (failure === undefined) throw error;
    return { ok: false, failure };
  } finally {
    params.signal?.removeEventListener('abort', onAbort);
    client.close();
  }
}

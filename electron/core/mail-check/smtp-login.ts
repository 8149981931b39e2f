/**
 * The SMTP check with nodemailer: port 587, STARTTLS required, `AUTH XOAUTH2`, and optionally a test message
 * from the mailbox (which is where Exchange refuses a missing Send As: 550 5.7.60 at MAIL FROM, 554 5.2.252
 * after DATA). Without a test message the login itself is the answer: a 235 means the server accepted the token
 * for this mailbox, and nothing short of sending would test more.
 *
 * The XOAUTH2 exchange is ours (nodemailer's `customAuth`), not nodemailer's own: nodemailer 10.6 answers a 334
 * error challenge with an empty line and then, instead of reading the server's final reply, asks its token
 * generator for a new access token (smtp-connection `_actionAUTHComplete`); with a fixed token that fails with
 * "Can't create new access token" and Gmail's `535-5.7.8` is lost. Here the challenge is decoded and kept, the
 * empty line sent, and the final reply is the failure.
 */
import { Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { format } from 'node:util';
import nodemailer from 'nodemailer';
import { classifyErrorCodes, errorCodes } from './failure.js';
import type { MailFailure, MailStep, Xoauth2Challenge } from './failure.js';
import { MAX_LINE_BYTES, SmtpReplyGuard, guardSmtpSocket } from './reply-guard.js';
import type { Transcript } from './transcript.js';
import type { LoginOutcome, LoginParams } from './types.js';
import {
  CHECK_MECHANISM,
  MECHANISM_NOTE,
  challengeNote,
  parseXoauth2Challenge,
  xoauth2String,
} from './xoauth2.js';

/** A test message to send after logging in. */
export interface TestMessage {
  to: string;
  subject: string;
  text: string;
}

/** nodemailer's error fields (it adds them to plain Errors). */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  timeoutType?: string;
}

/**
 * nodemailer's stand-in for what a custom AUTH sends (smtp-connection `maskAuthCommand`): the transcript shows the
 * initial response masked as POP's is, and the empty line as the empty line it is.
 */
const HIDDEN = '/* secret */';

/** The bunyan-style logger nodemailer calls; `debug` carries the protocol lines when `debug: true`. */
function transcriptLogger(
  transcript: Transcript,
  exchange: { sendingEmptyLine: boolean; initialResponse: string },
): Record<string, (...args: unknown[]) => void> {
  const log = (entry: unknown, message: unknown, ...args: unknown[]): void => {
    const tnx = typeof entry === 'object' && entry !== null ? (entry as { tnx?: unknown }).tnx : undefined;
    const text = typeof message === 'string' ? format(message, ...args) : '';
    // 'client' and 'server' are the protocol; the rest are nodemailer's notes (connected, STARTTLS done…).
    if (tnx === 'client' && text === `AUTH ${CHECK_MECHANISM} ${HIDDEN}`)
      transcript.add('C', `AUTH ${CHECK_MECHANISM} ${exchange.initialResponse}`);
    else if (tnx === 'client' && exchange.sendingEmptyLine && text === HIDDEN) {
      exchange.sendingEmptyLine = false;
      transcript.add('C', '');
    } else if (tnx === 'client') transcript.add('C', text);
    else if (tnx === 'server') transcript.add('S', text);
    else if (tnx !== 'message') transcript.add('#', text);
  };
  return { trace: () => undefined, debug: log, info: log, warn: log, error: log, fatal: log };
}

function stepOf(error: SmtpError): MailStep {
  const command = (error.command ?? '').toUpperCase();
  if (command.startsWith('AUTH')) return 'auth';
  if (command === 'STARTTLS') return 'starttls';
  if (
    command.startsWith('MAIL') ||
    command.startsWith('RCPT') ||
    command === 'DATA' ||
    command === 'DATA END'
  )
    return 'send';
  if (error.timeoutType === 'GREETING_TIMEOUT') return 'greeting';
  if (error.timeoutType === 'SOCKET_TIMEOUT') return 'command';
  return 'connect';
}

/** Reduces a nodemailer error to a MailFailure; `challenge` is the error challenge the server sent, if any. */
export function smtpFailure(
  error: unknown,
  timeoutsMs: LoginParams['timeouts'],
  challenge?: Xoauth2Challenge,
): MailFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as SmtpError;
  const step = stepOf(e);
  // A server reply is the most precise explanation there is (535 5.7.3, 550 5.7.60…).
  if (typeof e.response === 'string' && /^[45]\d\d/.test(e.response.trim()))
    return {
      kind: 'reply',
      step,
      reply: e.response.trim(),
      ...(challenge === undefined ? {} : { xoauth2Challenge: challenge }),
    };
  if (e.code === 'ETIMEDOUT') {
    const ms =
      e.timeoutType === 'CONNECTION_TIMEOUT'
        ? timeoutsMs.connect
        : e.timeoutType === 'GREETING_TIMEOUT'
          ? timeoutsMs.greeting
          : timeoutsMs.command;
    return { kind: 'timeout', step, seconds: Math.round(ms / 1000) };
  }
  // nodemailer replaces a system error's code with its own (ESOCKET) and keeps the system's as originalCode.
  const codes = [...(e.originalCode === undefined ? [] : [e.originalCode]), ...errorCodes(error)];
  const socket = classifyErrorCodes(codes, step);
  if (socket !== undefined) return socket;
  if (e.code === 'ETLS') {
    // nodemailer wraps the TLS error's message ("Error initiating TLS - self-signed certificate…") without its code.
    const reason = e.message.replace(/^Error initiating TLS - /, '').split(':')[0] ?? 'TLS';
    return { kind: 'tls', step, reason: errorCodes(e.cause).at(0) ?? reason };
  }
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') return { kind: 'closed', step };
  // nodemailer's own protocol checks: a reply past maxResponseSize, a reply no command was waiting for.
  if (e.code === 'EPROTOCOL')
    return {
      kind: 'protocol',
      step,
      reason: /exceeds maximum allowed size/i.test(e.message) ? 'too-long' : 'unsolicited',
    };
  return undefined;
}

/** Logs in to an SMTP server with XOAUTH2 (and sends a test message if asked); failures come back as data. */
export async function smtpLogin(
  params: LoginParams,
  transcript: Transcript,
  message?: TestMessage,
): Promise<LoginOutcome> {
  const initialResponse = xoauth2String(params.user, params.accessToken);
  transcript.addSecret(params.accessToken);
  transcript.addSecret(initialResponse);
  transcript.add('#', `connect ${params.endpoint.host}:${params.endpoint.port} (STARTTLS)`);
  const host = params.endpoint.host;
  const exchange: { sendingEmptyLine: boolean; initialResponse: string; challenge?: Xoauth2Challenge } = {
    sendingEmptyLine: false,
    initialResponse,
  };
  // Our own socket, so that a stop can close it: nodemailer's transport.close() does not end a verify() waiting
  // for the greeting (nodemailer 10.6), which then outlived the check by the greeting timeout.
  const socket = new Socket();
  // Lines, replies and the session bounded, and a reply ahead of its command refused (reply-guard.ts).
  const guard = new SmtpReplyGuard(() => socket.destroy());
  guardSmtpSocket(socket, guard);
  const transport = nodemailer.createTransport({
    host,
    socket,
    port: params.endpoint.port,
    // 587 starts in plain text; STARTTLS is required so the token never crosses the network unencrypted.
    secure: params.endpoint.port === 465,
    requireTLS: true,
    // XOAUTH2 whatever else the server offers (Gmail lists OAUTHBEARER too), as the senders log in. The OAuth2
    // type stays: nodemailer 10.6 drops a requested XOAUTH2 for the server's first listed method when auth has no
    // token generator, even with a custom XOAUTH2 handler (smtp-connection `login`: Gmail's list starts with LOGIN).
    auth: { type: 'OAuth2', user: params.user, accessToken: params.accessToken },
    customAuth: {
      [CHECK_MECHANISM]: async (ctx) => {
        transcript.add('#', MECHANISM_NOTE);
        const first = await ctx.sendCommand(`AUTH ${CHECK_MECHANISM} ${initialResponse}`);
        if (first.status === 235) return;
        if (first.status !== 334) throw new Error('Invalid login');
        // The error challenge: decode it, then the empty line the mechanism requires; the next reply is final.
        exchange.challenge = parseXoauth2Challenge(first.text ?? '');
        transcript.add('#', challengeNote(exchange.challenge));
        exchange.sendingEmptyLine = true;
        const final = await ctx.sendCommand('');
        if (final.status === 235) return;
        throw new Error('Invalid login');
      },
    },
    tls: {
      minVersion: 'TLSv1.2',
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      ...(params.extraCaPem === undefined ? {} : { ca: [...rootCertificates, params.extraCaPem] }),
    },
    connectionTimeout: params.timeouts.connect,
    greetingTimeout: params.timeouts.greeting,
    socketTimeout: params.timeouts.command,
    logger: transcriptLogger(transcript, exchange),
    debug: true,
    maxResponseSize: MAX_LINE_BYTES,
  });
  const onAbort = (): void => {
    socket.destroy();
    transport.close();
  };
  params.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (message === undefined) {
      await transport.verify();
      return { ok: true };
    }
    await transport.sendMail({
      from: params.user,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    return { ok: true, messageSent: true };
  } catch (error) {
    if (params.signal?.aborted === true) throw params.signal.reason;
    if (guard.violation !== undefined)
      return {
        ok: false,
        failure: { kind: 'protocol', step: stepOf(error as SmtpError), reason: guard.violation },
      };
    const failure = smtpFailure(error, params.timeouts, exchange.challenge);
    if (failure === undefined) throw error;
    return { ok: false, failure };
  } finally {
    params.signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}

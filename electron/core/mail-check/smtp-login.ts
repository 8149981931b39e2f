/**
 * The SMTP check with nodemailer: port 587, STARTTLS required, `AUTH XOAUTH2`, and optionally a test message
 * from the mailbox (which is where Exchange refuses a missing Send As: 550 5.7.60 at MAIL FROM, 554 5.2.252
 * after DATA). Without a test message the login itself is the answer: a 235 means Exchange accepted the token
 * for this mailbox, and nothing short of sending would test more.
 */
import { Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { format } from 'node:util';
import nodemailer from 'nodemailer';
import { classifyErrorCodes, errorCodes } from './failure.js';
import type { MailFailure, MailStep } from './failure.js';
import { MAX_LINE_BYTES, SmtpReplyGuard, guardSmtpSocket } from './reply-guard.js';
import type { Transcript } from './transcript.js';
import type { LoginOutcome, LoginParams } from './types.js';

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

/** The bunyan-style logger nodemailer calls; `debug` carries the protocol lines when `debug: true`. */
function transcriptLogger(transcript: Transcript): Record<string, (...args: unknown[]) => void> {
  const log = (entry: unknown, message: unknown, ...args: unknown[]): void => {
    const tnx = typeof entry === 'object' && entry !== null ? (entry as { tnx?: unknown }).tnx : undefined;
    const text = typeof message === 'string' ? format(message, ...args) : '';
    // 'client' and 'server' are the protocol; the rest are nodemailer's notes (connected, STARTTLS done…).
    if (tnx === 'client') transcript.add('C', text);
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

/** Reduces a nodemailer error to a MailFailure. */
export function smtpFailure(error: unknown, timeoutsMs: LoginParams['timeouts']): MailFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const e = error as SmtpError;
  const step = stepOf(e);
  // A server reply is the most precise explanation there is (535 5.7.3, 550 5.7.60…).
  if (typeof e.response === 'string' && /^[45]\d\d/.test(e.response.trim()))
    return { kind: 'reply', step, reply: e.response.trim() };
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
  transcript.addSecret(params.accessToken);
  transcript.add('#', `connect ${params.endpoint.host}:${params.endpoint.port} (STARTTLS)`);
  const host = params.endpoint.host;
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
    auth: { type: 'OAuth2', user: params.user, accessToken: params.accessToken },
    tls: {
      minVersion: 'TLSv1.2',
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      ...(params.extraCaPem === undefined ? {} : { ca: [...rootCertificates, params.extraCaPem] }),
    },
    connectionTimeout: params.timeouts.connect,
    greetingTimeout: params.timeouts.greeting,
    socketTimeout: params.timeouts.command,
    logger: transcriptLogger(transcript),
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
    const failure = smtpFailure(error, params.timeouts);
    if (failure === undefined) throw error;
    return { ok: false, failure };
  } finally {
    params.signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}

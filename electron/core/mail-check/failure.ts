/**
 * How a mail login failed, as data, and its explanation. Every protocol reduces its library's errors to one of
 * these kinds, so an untrusted certificate or a silent firewall reads the same for SMTP, IMAP and POP.
 */
import type { Protocol } from '../providers/index.js';
import { explainCheck, explainMailReply, explainXoauth2Challenge } from '../diagnose/index.js';
import type { DiagnoseContext, Explanation } from '../diagnose/index.js';
import type { Localized } from '../i18n.js';
import { isTlsFailureCode } from '../transport/index.js';
import type { MailEndpoint } from './types.js';

/** The step of a login a failure happened in; timeouts and closed connections name it. */
export type MailStep = 'connect' | 'greeting' | 'starttls' | 'auth' | 'command' | 'send';

/**
 * The SASL error challenge a server sent before refusing an XOAUTH2 login, decoded: Gmail sends
 * `{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}` (base64) and waits for an empty line.
 */
export interface Xoauth2Challenge {
  status?: string;
  schemes?: string;
  scope?: string;
}

/** A failed login, reduced to what explains it. */
export type MailFailure =
  /**
   * The server answered with a refusal: the reply explains it (535 5.7.3, NO AUTHENTICATE failed., -ERR…); with
   * the error challenge it sent first, when it sent one.
   */
  | { kind: 'reply'; step: MailStep; reply: string; xoauth2Challenge?: Xoauth2Challenge }
  | { kind: 'tls'; step: MailStep; reason: string }
  | { kind: 'timeout'; step: MailStep; seconds: number }
  | { kind: 'unreachable'; step: MailStep; reason: string }
  | { kind: 'closed'; step: MailStep }
  /**
   * The server broke the protocol in a way the check refuses to go along with (reply-guard.ts): a line or reply past
   * the bound, a reply before the command it would answer, or more data in all than a login ever needs.
   */
  | { kind: 'protocol'; step: MailStep; reason: 'too-long' | 'unsolicited' | 'too-much' };

const STEP_TEXT: Readonly<Record<MailStep, Localized>> = {
  connect: { ja: 'TCP 接続と TLS', en: 'connecting and TLS' },
  greeting: { ja: 'サーバーの応答 (グリーティング) 待ち', en: 'waiting for the greeting' },
  starttls: { ja: 'STARTTLS', en: 'STARTTLS' },
  auth: { ja: 'XOAUTH2 認証', en: 'XOAUTH2 authentication' },
  command: { ja: '認証後のコマンド', en: 'the command after login' },
  send: { ja: 'テスト メールの送信', en: 'sending the test message' },
};

const VIOLATION_TEXT: Readonly<Record<'too-long' | 'unsolicited' | 'too-much', Localized>> = {
  'too-long': {
    ja: '64 KiB を超える行または応答を送ってきました',
    en: 'sent a line or reply longer than 64 KiB',
  },
  unsolicited: {
    ja: 'コマンドを送る前にその応答を送ってきました',
    en: 'sent a reply before the command it would answer',
  },
  'too-much': {
    ja: 'ログインに必要な量をはるかに超えるデータ (2 MiB 超) を送ってきました',
    en: 'sent far more data than a login needs (over 2 MiB)',
  },
};

/** The localized name of a step. */
export function stepText(step: MailStep): Localized {
  return STEP_TEXT[step];
}

/** Error codes of a thrown value and its causes, outermost first. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const CLOSED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** Classifies a socket-level error (not a server reply); undefined when it is none of the known kinds. */
export function classifySocketError(error: unknown, step: MailStep): MailFailure | undefined {
  return classifyErrorCodes(errorCodes(error), step);
}

/** Classifies by Node error codes (`ECONNREFUSED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`…). */
export function classifyErrorCodes(codes: readonly string[], step: MailStep): MailFailure | undefined {
  const tls = codes.find(isTlsFailureCode);
  if (tls !== undefined) return { kind: 'tls', step, reason: tls };
  const unreachable = codes.find((c) => UNREACHABLE_CODES.has(c));
  if (unreachable !== undefined) return { kind: 'unreachable', step, reason: unreachable };
  if (codes.some((c) => CLOSED_CODES.has(c))) return { kind: 'closed', step };
  return undefined;
}

/** Explains a failed login. */
export function explainMailFailure(
  protocol: Protocol,
  endpoint: MailEndpoint,
  failure: MailFailure,
  context: DiagnoseContext,
): Explanation {
  const where = { protocol: protocol.toUpperCase(), host: endpoint.host, port: endpoint.port };
  switch (failure.kind) {
    case 'reply':
      return failure.xoauth2Challenge === undefined
        ? explainMailReply(protocol, failure.reply, context)
        : explainXoauth2Challenge(protocol, failure.xoauth2Challenge, failure.reply, context);
    case 'tls':
      return explainCheck('mail-tls', { ...where, reason: failure.reason }, context);
    case 'timeout':
      return explainCheck(
        'mail-timeout',
        { ...where, seconds: failure.seconds, step: stepText(failure.step) },
        context,
      );
    case 'unreachable':
      return explainCheck('mail-unreachable', { ...where, reason: failure.reason }, context);
    case 'closed':
      return explainCheck('mail-connection-closed', { ...where, step: stepText(failure.step) }, context);
    case 'protocol':
      return explainCheck(
        'mail-protocol-violation',
        { ...where, step: stepText(failure.step), violation: VIOLATION_TEXT[failure.reason] },
        context,
      );
  }
}

/**
 * Explains any thrown value: an RtwError by its code (the Entra ones by their AADSTS number), an Entra error
 * text, or anything else as 'unexpected' (its message only, never a stack).
 */
import { RtwError, type ErrorCode, type ErrorParams } from '../errors.js';
import { entryById, entryForAadsts, entryForOAuthError, type EntryId } from './catalogue.js';
import { parseEntraError } from './entra-error.js';
import { redact } from './redact.js';
import { contextParams, renderEntry, type Params } from './render.js';
import type { DiagnoseContext, Explanation, RawDetails } from './types.js';

/** Explains one RtwError code from its params. */
type Explainer<C extends ErrorCode> = (params: ErrorParams[C], context: DiagnoseContext) => Explanation;

/** The params the two OAuth-shaped codes share. */
type OAuthFailure = {
  error: string;
  description: string;
  aadsts?: number;
  traceId?: string;
  correlationId?: string;
};

/** Renders the entry with the context and the error's own params (which win). */
function fromEntry(id: EntryId, context: DiagnoseContext, params: Params = {}): Explanation {
  return renderEntry(entryById(id), contextParams(context), params);
}

/** A port next to the busy one; any free port works because Entra ignores the port of localhost. */
function neighbourPort(port: number): number {
  return port < 65535 ? port + 1 : port - 1;
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterText(retryAfter: string | undefined): Params['retryAfter'] {
  if (retryAfter === undefined || retryAfter.trim() === '') return undefined;
  const value = retryAfter.trim();
  return /^\d+$/.test(value)
    ? { ja: `${value} 秒`, en: `${value} seconds` }
    : { ja: `${value} まで`, en: `until ${value}` };
}

/** One explainer per RtwError code: `satisfies` makes a new code without an explanation a compile error. */
const RTW_EXPLAINERS = {
  'invalid-input': (p, c) => fromEntry('invalid-input', c, { fields: p.fields }),
  'port-busy': (p, c) =>
    fromEntry('port-busy', c, { port: p.port, suggestedPort: p.suggestedPort ?? neighbourPort(p.port) }),
  'listener-failed': (p, c) =>
    // Below 1024 the fix is an unprivileged port, so suggest the product's usual one rather than a neighbour.
    fromEntry('listener-failed', c, {
      port: p.port,
      reason: p.reason,
      suggestedPort: p.port < 1024 ? 8001 : neighbourPort(p.port),
    }),
  timeout: (p, c) => fromEntry('timeout', c, { seconds: p.seconds }),
  cancelled: (_p, c) => fromEntry('cancelled', c),
  'authorization-denied': (p, c) => explainOAuthFailure('authorization-denied', p, c),
  aadsts: (p, c) => {
    const parsed = parseEntraError(p.description);
    return explainAadsts(
      p.aadsts,
      {
        ...parsed,
        traceId: p.traceId ?? parsed.traceId,
        correlationId: p.correlationId ?? parsed.correlationId,
      },
      c,
    );
  },
  'oauth-error': (p, c) => explainOAuthFailure('oauth-error', p, c),
  'idp-unreachable': (p, c) => fromEntry('idp-unreachable', c, { host: p.host, reason: p.reason }),
  'proxy-refused': (p, c) =>
    fromEntry('proxy-refused', c, { proxy: p.proxy, host: p.host, status: p.status }),
  'proxy-auth-required': (p, c) =>
    // Missing credentials and refused ones have different fixes: add them, or correct them.
    fromEntry(p.credentialsGiven ? 'proxy-auth-rejected' : 'proxy-auth-required', c, {
      proxy: p.proxy,
      host: p.host,
    }),
  'idp-tls': (p, c) => fromEntry('idp-tls', c, { host: p.host, reason: p.reason }),
  'idp-timeout': (p, c) => fromEntry('idp-timeout', c, { host: p.host, seconds: p.seconds }),
  'idp-http': (p, c) => {
    const id: EntryId =
      p.status === 429 ? 'idp-http-429' : p.status >= 500 && p.status <= 599 ? 'idp-http-5xx' : 'idp-http';
    return fromEntry(id, c, { host: p.host, status: p.status, retryAfter: retryAfterText(p.retryAfter) });
  },
  'idp-bad-response': (p, c) => fromEntry('idp-bad-response', c, { host: p.host, status: p.status }),
  'no-refresh-token': (_p, c) => fromEntry('no-refresh-token', c),
  'device-code-expired': (p, c) => fromEntry('device-code-expired', c, { seconds: p.seconds }),
  'device-code-declined': (_p, c) => fromEntry('device-code-declined', c),
  'device-code-not-public': (p, c) => {
    const explanation = fromEntry('device-code-not-public', c, { aadsts: p.aadsts });
    explanation.raw = rawDetails({
      message: `AADSTS${p.aadsts}`,
      aadsts: p.aadsts,
      ...(p.traceId === undefined ? {} : { traceId: p.traceId }),
      ...(p.correlationId === undefined ? {} : { correlationId: p.correlationId }),
    });
    return explanation;
  },
  'file-unreadable': (p, c) => fromEntry('file-unreadable', c, { path: p.path, reason: p.reason }),
  'file-unwritable': (p, c) => fromEntry('file-unwritable', c, { path: p.path, reason: p.reason }),
  'file-format': (p, c) => fromEntry('file-format', c, { path: p.path, reason: p.reason }),
  'value-unwritable': (p, c) => fromEntry('value-unwritable', c, { key: p.key, reason: p.reason }),
  'file-busy': (p, c) => fromEntry('file-busy', c, { path: p.path, seconds: p.seconds }),
  'not-a-token-file': (p, c) => fromEntry('not-a-token-file', c, { path: p.path, key: p.key }),
  'start-link-reused': (_p, c) => fromEntry('start-link-reused', c),
  'secret-reentry-required': (p, c) => fromEntry('secret-reentry-required', c, { from: p.from, to: p.to }),
  'delegate-not-confirmed': (p, c) =>
    fromEntry('delegate-not-confirmed', c, { signedInAs: p.signedInAs, userId: p.userId }),
  'id-token-invalid': (p, c) => fromEntry('id-token-invalid', c, { host: p.host, claim: p.claim }),
} satisfies { [C in ErrorCode]: Explainer<C> };

/** Every RtwError code the catalogue explains (all of them; the tests compare this with errors.ts). */
export const EXPLAINED_ERROR_CODES = Object.keys(RTW_EXPLAINERS) as readonly ErrorCode[];

/** Context values Entra names in its own message, used when the caller did not know them. */
type StringContextKey = 'redirectUri' | 'clientId' | 'tenant';
const MESSAGE_CONTEXT: Readonly<Partial<Record<number, readonly (readonly [StringContextKey, RegExp])[]>>> = {
  50011: [['redirectUri', /redirect URI '([^']+)'/i]],
  700016: [['clientId', /identifier '([^']+)'/i]],
  50194: [['clientId', /Application '([0-9a-f-]{36})'/i]],
  90002: [['tenant', /Tenant '([^']+)'/i]],
};

function contextFromMessage(aadsts: number, message: string, context: DiagnoseContext): DiagnoseContext {
  const found: DiagnoseContext = {};
  for (const [name, pattern] of MESSAGE_CONTEXT[aadsts] ?? []) {
    const value = pattern.exec(message)?.[1];
    if (value !== undefined && context[name] === undefined) found[name] = value;
  }
  return { ...found, ...context };
}

/** Raw details with secrets removed and empty fields left out. */
function rawDetails(raw: RawDetails): RawDetails {
  const out: RawDetails = { message: redact(raw.message) };
  if (raw.aadsts !== undefined) out.aadsts = raw.aadsts;
  if (raw.traceId !== undefined && raw.traceId !== '') out.traceId = raw.traceId;
  if (raw.correlationId !== undefined && raw.correlationId !== '') out.correlationId = raw.correlationId;
  if (raw.timestamp !== undefined && raw.timestamp !== '') out.timestamp = raw.timestamp;
  return out;
}

/** Explains an Entra error by its AADSTS number; an unknown number gets the generic entry with the raw message. */
export function explainAadsts(
  aadsts: number,
  raw: { message: string; traceId?: string; correlationId?: string; timestamp?: string },
  context: DiagnoseContext = {},
): Explanation {
  const message = redact(raw.message);
  const entry = entryForAadsts(aadsts);
  const explanation =
    entry === undefined
      ? renderEntry(entryById('unknown-aadsts'), contextParams(context), { aadsts, message })
      : renderEntry(entry, contextParams(contextFromMessage(aadsts, message, context)));
  if (entry === undefined) explanation.docsUrl = `https://login.microsoftonline.com/error?code=${aadsts}`;
  explanation.raw = rawDetails({ ...raw, aadsts });
  return explanation;
}

/** Explains a redirect or token error: by its AADSTS number when Entra sent one, else by the OAuth `error`. */
function explainOAuthFailure(
  fallback: 'authorization-denied' | 'oauth-error',
  p: OAuthFailure,
  context: DiagnoseContext,
): Explanation {
  const parsed = parseEntraError(p.description);
  const aadsts = p.aadsts ?? parsed.aadsts;
  const raw = {
    message: parsed.message !== '' ? parsed.message : p.error,
    traceId: p.traceId ?? parsed.traceId,
    correlationId: p.correlationId ?? parsed.correlationId,
    timestamp: parsed.timestamp,
  };
  const byError = entryForOAuthError(p.error);
  // A known AADSTS code is the most precise; an unknown one still loses to a known OAuth error's advice.
  if (aadsts !== undefined && (entryForAadsts(aadsts) !== undefined || byError === undefined)) {
    return explainAadsts(aadsts, raw, context);
  }
  const explanation = renderEntry(byError ?? entryById(fallback), contextParams(context), {
    error: redact(p.error),
    description: redact(parsed.message),
  });
  explanation.raw = rawDetails({ ...raw, message: `${p.error}: ${raw.message}`, aadsts });
  return explanation;
}

/** An RtwError, or its structured clone (IPC to the renderer drops the class but keeps code and params). */
function asRtwError(value: unknown): { code: ErrorCode; params: ErrorParams[ErrorCode] } | undefined {
  if (RtwError.is(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(RTW_EXPLAINERS, code)) return undefined;
  if (typeof params !== 'object' || params === null) return undefined;
  return { code: code as ErrorCode, params: params as ErrorParams[ErrorCode] };
}

function explainRtw<C extends ErrorCode>(
  code: C,
  params: ErrorParams[C],
  context: DiagnoseContext,
): Explanation {
  // TypeScript cannot correlate the code with its explainer through an indexed access; the map's type guarantees it.
  const explainer = RTW_EXPLAINERS[code] as unknown as Explainer<C>;
  return explainer(params, context);
}

/** The 'unexpected' explanation: the message, redacted, and never a stack. */
function unexpected(message: string, context: DiagnoseContext): Explanation {
  const safe = redact(message.trim());
  const explanation = renderEntry(entryById('unexpected'), contextParams(context), { message: safe });
  explanation.raw = { message: safe };
  return explanation;
}

function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'object' && value !== null) {
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return '';
}

/** Explains any thrown value: RtwError by code, an Entra error text by its AADSTS number, anything else as 'unexpected'. */
export function explainError(error: unknown, context: DiagnoseContext = {}): Explanation {
  const rtw = asRtwError(error);
  if (rtw !== undefined) return explainRtw(rtw.code, rtw.params, context);
  const message = messageOf(error);
  // An MSAL ServerError that nobody wrapped still deserves the specific fix for its AADSTS code.
  const entra = parseEntraError(message);
  if (entra.aadsts !== undefined) return explainAadsts(entra.aadsts, entra, context);
  return unexpected(message, context);
}

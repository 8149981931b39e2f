/**
 * Explains any thrown value: an RtwError by its code (the Entra ones by their AADSTS number), an Entra error
 * text, or anything else as 'unexpected' (its message only, never a stack).
 */
import { RtwError, type ErrorCode, type ErrorParams } from '../errors.js';
import { formatLocalized, type Localized } from '../i18n.js';
import { entryById, entryForAadsts, entryForOAuthError, type EntryId } from './catalogue.js';
import { parseEntraError } from './entra-error.js';
import { explainGoogleError } from './google-explain.js';
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
  timestamp?: string;
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

/** What makes a link unsafe to write through, said inside the `file-unsafe-link` explanation. */
const UNSAFE_LINK_DETAIL = {
  'link-not-owned': {
    ja: 'このリンクは、実行中のユーザーでも管理者 (root) でもないユーザー (UID {uid}) が作成したものです。',
    en: 'The link belongs to a user other than the one running this and root (uid {uid}).',
  },
  'link-shared-folder': {
    ja: 'リンクのあるフォルダーはほかのユーザーも書き込める (またはほかのユーザーが所有する) ため、リンクはいつでも差し替えられます。',
    en: 'The folder holding the link can be written by other users (or belongs to another user), who could replace the link at any time.',
  },
  'link-windows': {
    ja: 'Windows では、このツールはリンクを誰が作成したかを確認できません。',
    en: 'On Windows this tool cannot tell who made a link.',
  },
} as const satisfies Record<string, Localized>;

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
  // Google shows its configuration errors on its own page and never sends them back: its timeout lists them.
  timeout: (p, c) =>
    fromEntry(c.provider === 'google' ? 'google-sign-in-timeout' : 'timeout', c, { seconds: p.seconds }),
  cancelled: (_p, c) => fromEntry('cancelled', c),
  'authorization-denied': (p, c) =>
    c.provider === 'google' ? explainGoogleError(p, c) : explainOAuthFailure('authorization-denied', p, c),
  aadsts: (p, c) => {
    const parsed = parseEntraError(p.description);
    return explainAadsts(
      p.aadsts,
      {
        ...parsed,
        traceId: p.traceId ?? parsed.traceId,
        correlationId: p.correlationId ?? parsed.correlationId,
        timestamp: p.timestamp ?? parsed.timestamp,
      },
      c,
    );
  },
  'oauth-error': (p, c) =>
    p.provider === 'google' ? explainGoogleError(p, c) : explainOAuthFailure('oauth-error', p, c),
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
  'no-refresh-token': (_p, c) =>
    fromEntry(c.provider === 'google' ? 'google-no-refresh-token' : 'no-refresh-token', c),
  'device-code-expired': (p, c) => fromEntry('device-code-expired', c, { seconds: p.seconds }),
  'device-code-declined': (_p, c) => fromEntry('device-code-declined', c),
  'device-code-unsupported': (_p, c) => fromEntry('google-no-device-code', c),
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
  'file-unsafe': (p, c) => {
    const params = { path: p.path, target: p.target, uid: p.owner };
    switch (p.reason) {
      case 'dangling-link':
        return fromEntry('file-dangling-link', c, params);
      case 'foreign-file':
        return fromEntry('file-foreign-owner', c, params);
      case 'not-a-file':
        return fromEntry('file-not-regular', c, params);
      case 'link-not-owned':
      case 'link-shared-folder':
      case 'link-windows':
        return fromEntry('file-unsafe-link', c, {
          ...params,
          detail: formatLocalized(UNSAFE_LINK_DETAIL[p.reason], { uid: p.owner ?? '?' }),
        });
    }
  },
  'file-changed': (p, c) => fromEntry('file-changed', c, { path: p.path }),
  'file-read-only': (p, c) => fromEntry('file-read-only', c, { path: p.path }),
  'file-owner': (p, c) =>
    fromEntry('file-owner', c, { path: p.path, uid: p.uid, gid: p.gid, reason: p.reason }),
  'file-value-invalid': (p, c) =>
    fromEntry('file-value-invalid', c, { path: p.path, key: p.key, reason: p.reason }),
  'start-link-reused': (_p, c) => fromEntry('start-link-reused', c),
  'secret-reentry-required': (p, c) => fromEntry('secret-reentry-required', c, { from: p.from, to: p.to }),
  'delegate-not-confirmed': (p, c) =>
    fromEntry('delegate-not-confirmed', c, { signedInAs: p.signedInAs, userId: p.userId }),
  'id-token-invalid': (p, c) => fromEntry('id-token-invalid', c, { host: p.host, claim: p.claim }),
  'path-not-allowed': (p, c) => fromEntry('path-not-allowed', c, { path: p.path }),
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

/** Microsoft's look-up page for one AADSTS code (its reference page says to link it rather than copy the text). */
export function aadstsLookupUrl(aadsts: number): string {
  return `https://login.microsoftonline.com/error?code=${aadsts}`;
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
  if (entry === undefined) explanation.docsUrl = aadstsLookupUrl(aadsts);
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
    timestamp: p.timestamp ?? parsed.timestamp,
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
  // The OAuth error's advice is general; for the code itself, Microsoft's look-up page is the precise reference.
  if (aadsts !== undefined) explanation.docsUrl = aadstsLookupUrl(aadsts);
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

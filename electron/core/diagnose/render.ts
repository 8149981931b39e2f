/**
 * Turns a catalogue entry into an Explanation by filling its `{placeholders}`. Every placeholder the catalogue
 * uses has a default here, so a missing context value shows as `<mailbox>` rather than as a raw `{mailbox}`.
 */
import { format, type Lang, type Localized } from '../i18n.js';
import type { CatalogueEntry, DiagnoseContext, Explanation } from './types.js';

/** A placeholder value: the same in every language, or localized (a duration, "no description"). */
export type ParamValue = string | number | Localized;

/** Placeholder values by name; undefined means "use the default". */
export type Params = Readonly<Record<string, ParamValue | undefined>>;

/** The product's documented registration (FACTS.md), the most likely redirect URI when the caller gave none. */
export const DEFAULT_REDIRECT_URI = 'http://localhost:8001/myapp/';
/** The global-cloud sign-in host. */
export const DEFAULT_AUTHORITY_HOST = 'login.microsoftonline.com';

/** Defaults for every placeholder in the catalogue (the tests render each entry with none given). */
const DEFAULTS: Readonly<Record<string, ParamValue>> = {
  redirectUri: DEFAULT_REDIRECT_URI,
  mailbox: '<mailbox>',
  tenant: '<tenant-id>',
  clientId: '<client-id>',
  port: '<port>',
  suggestedPort: '<port>',
  authorityHost: DEFAULT_AUTHORITY_HOST,
  host: DEFAULT_AUTHORITY_HOST,
  proxy: '<proxy:port>',
  fields: '<fields>',
  seconds: '<seconds>',
  reason: '<reason>',
  status: '<status>',
  retryAfter: { ja: '目安は 1 分', en: 'about a minute' },
  path: '<file>',
  key: '<key>',
  // The token file's safety checks (file-unsafe, file-owner).
  target: '<target>',
  detail: '',
  uid: '<uid>',
  gid: '<gid>',
  error: '<error>',
  description: { ja: '(説明なし)', en: '(no description)' },
  aadsts: '<code>',
  message: { ja: '(メッセージなし)', en: '(no message)' },
  protocol: '<protocol>',
  reply: '<reply>',
  // The token check's findings (entries-check.ts).
  audience: '<audience>',
  expected: 'https://outlook.office.com',
  scope: '<scope>',
  granted: { ja: '(なし)', en: '(none)' },
  signedInAs: '<signed-in user>',
  tokenTenant: '<tenant-id>',
  expiresAt: '<time>',
  step: { ja: '接続', en: 'connecting' },
  // Mail replies by their standard codes (entries-mail-standards.ts).
  responseCode: '<code>',
  statusClass: { ja: '(不明)', en: '(unknown)' },
  statusSubject: { ja: '(不明)', en: '(unknown)' },
  statusDetail: { ja: '(不明)', en: '(unknown)' },
  classAdvice: { ja: 'サーバーの文言を確認します。', en: 'Read the server’s wording.' },
  xoauth2Status: '<status>',
  xoauth2Schemes: '<schemes>',
  xoauth2Scope: '<scope>',
  // The token check's view of the file (entries-check.ts).
  tokenUri: '<TokenURI>',
  recordedAuthority: '<Authority>',
  // The hardening's refusals (entries-hardening.ts).
  from: '<token endpoint>',
  to: '<token endpoint>',
  userId: '<mailbox>',
  claim: '<claim>',
  violation: { ja: 'プロトコルに反する応答を送ってきました', en: 'sent an answer against the protocol' },
};

/** The placeholder names that have a default; the tests check the catalogue uses no other. */
export const KNOWN_PLACEHOLDERS: readonly string[] = Object.keys(DEFAULTS);

/** The context as placeholder values; empty strings count as absent so they fall back to the defaults. */
export function contextParams(context: DiagnoseContext): Params {
  const params: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(context)) {
    if (
      (typeof value === 'string' && value.trim() !== '') ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      params[name] = typeof value === 'string' ? value.trim() : value;
    }
  }
  if (params.authorityHost !== undefined) params.host = params.authorityHost;
  return params;
}

/** Fills an entry's templates; later params win, and undefined values never hide a default. */
export function renderEntry(entry: CatalogueEntry, ...paramSets: readonly Params[]): Explanation {
  const values: Record<string, ParamValue> = { ...DEFAULTS };
  for (const set of paramSets) {
    for (const [name, value] of Object.entries(set))
      if (value !== undefined && value !== '') values[name] = value;
  }
  const ja = valuesFor(values, 'ja');
  const en = valuesFor(values, 'en');
  const fill = (text: Localized): Localized => ({ ja: format(text.ja, ja), en: format(text.en, en) });
  const explanation: Explanation = {
    id: entry.id,
    title: fill(entry.title),
    why: fill(entry.why),
    steps: entry.steps.map(fill),
  };
  // Commands are pasted into PowerShell, so they take the language-neutral (English) values.
  if (entry.command !== undefined) explanation.command = format(entry.command, en);
  if (entry.docsUrl !== undefined) explanation.docsUrl = entry.docsUrl;
  if (entry.retryable === true) explanation.retryable = true;
  return explanation;
}

function valuesFor(
  values: Readonly<Record<string, ParamValue>>,
  lang: Lang,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values))
    out[name] = typeof value === 'object' ? value[lang] : value;
  return out;
}

/**
 * Registering the Entra app in one paste: the Bash command for Azure Cloud Shell (Azure CLI), built from the
 * form's choices, and the reading of the one JSON line it prints, which fills in the client ID, the tenant, the
 * secret Value and its expiry. Pure: no DOM, no IPC; the texts and the parser are unit-tested.
 *
 * What the command does, and why each part (research notes §4, from the Azure CLI's own source):
 * - `az ad app create` with the exact redirect URI on the Web platform (a secret, as SMAIL's manual registers it),
 *   or on "Mobile and desktop applications" for a public client; `--is-fallback-public-client true` is the portal's
 *   "Allow public client flows" (device code). The CLI patches an app of the same display name, so running the
 *   command again updates the app rather than adding a second one.
 * - The delegated permissions the chosen protocols need, on Microsoft Graph (where the portal's picker and
 *   Microsoft's IMAP/POP/SMTP page find them), plus `offline_access`; each permission's ID is looked up on the Graph
 *   service principal, with the well-known ID as the fallback, and only missing ones are added (the CLI does not
 *   de-duplicate).
 * - `az ad app credential reset --append`: WITHOUT `--append` the CLI deletes every existing secret of the app,
 *   which would break every sender using one.
 * - Everything runs in a subshell function: `set -e` pasted into an interactive shell would close Cloud Shell at the
 *   first error; in `( … )` it ends only the command.
 * - The output is one JSON line (jq, or python3 where jq is missing), which `parseCloudShellPaste` reads.
 */
import type { Protocol } from '../electron/core/providers/types.js';

/** The app's "Supported account types", as Azure CLI names them. */
export type SignInAudience = 'AzureADandPersonalMicrosoftAccount' | 'AzureADMultipleOrgs' | 'AzureADMyOrg';
const AUDIENCES: readonly SignInAudience[] = [
  'AzureADandPersonalMicrosoftAccount',
  'AzureADMultipleOrgs',
  'AzureADMyOrg',
];

/** What the command registers. */
export interface CloudShellChoices {
  /** The app's display name; the same name patches the same app. */
  appName: string;
  audience: SignInAudience;
  /** The redirect URI, exactly as the wizard listens (`http://localhost:8001/myapp/`). */
  redirectUri: string;
  protocols: readonly Protocol[];
  /** No secret: the redirect URI on "Mobile and desktop applications", public client flows allowed. */
  publicClient: boolean;
  /** "Allow public client flows" for a device code sign-in, with a secret all the same. */
  allowPublicClientFlows: boolean;
  /** How long the secret lives (the portal offers up to two years). */
  secretYears: number;
}

/** The app name the wizard gives a registration. */
export const DEFAULT_APP_NAME = 'Refresh Token Wizard';

/** Microsoft Graph, whose delegated permissions the mail protocols use. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The delegated permissions on Microsoft Graph and their well-known IDs (the fallback of the lookup). */
export const GRAPH_PERMISSIONS = {
  'SMTP.Send': '258f6531-6087-4cc4-bb90-092c5fb3ed3f',
  'IMAP.AccessAsUser.All': '652390e4-393a-48de-9484-05f9b1212954',
  'POP.AccessAsUser.All': 'd7b7f2d9-0f45-4ea1-9d42-e50810c06991',
  offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
} as const;
export type GraphPermission = keyof typeof GRAPH_PERMISSIONS;

/** The permission the portal's picker lists for a protocol. */
export const PERMISSION_OF: Readonly<Record<Protocol, GraphPermission>> = {
  smtp: 'SMTP.Send',
  imap: 'IMAP.AccessAsUser.All',
  pop: 'POP.AccessAsUser.All',
};

/** The audience that lets the form's tenant sign in: `common` takes personal accounts too, a tenant only its own. */
export function signInAudienceOf(tenant: string): SignInAudience {
  const t = tenant.trim().toLowerCase();
  if (t === '' || t === 'common' || t === 'consumers') return 'AzureADandPersonalMicrosoftAccount';
  if (t === 'organizations') return 'AzureADMultipleOrgs';
  return 'AzureADMyOrg';
}

/** A Bash word in single quotes: nothing inside is expanded; a quote is closed, escaped, reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The permissions the choices need, in protocol order, then `offline_access`. */
export function permissionsOf(protocols: readonly Protocol[]): GraphPermission[] {
  const order: Protocol[] = ['smtp', 'imap', 'pop'];
  return [...order.filter((p) => protocols.includes(p)).map((p) => PERMISSION_OF[p]), 'offline_access'];
}

/** The Bash command for Azure Cloud Shell. */
export function cloudShellCommand(choices: CloudShellChoices): string {
  if (!AUDIENCES.includes(choices.audience)) throw new Error(`unknown sign-in audience ${choices.audience}`);
  if (!Number.isInteger(choices.secretYears) || choices.secretYears < 1 || choices.secretYears > 2)
    throw new Error('the secret lives one or two years');
  const permissions = permissionsOf(choices.protocols);
  const fallbacks = permissions.map((p) => `      ${p}) id=${GRAPH_PERMISSIONS[p]} ;;`);
  const platform = choices.publicClient
    ? ['--public-client-redirect-uris "$REDIRECT_URI" --is-fallback-public-client true']
    : [
        `--web-redirect-uris "$REDIRECT_URI"${choices.allowPublicClientFlows ? ' --is-fallback-public-client true' : ''}`,
      ];
  const secret = choices.publicClient
    ? ['  SECRET=""', '  EXPIRES=""']
    : [
        '  SECRET_NAME="rtw-$(date -u +%Y%m%d%H%M%S)"',
        // --append: without it the CLI deletes every secret the app has.
        `  SECRET=$(az ad app credential reset --id "$APP_ID" --append --display-name "$SECRET_NAME" --years ${choices.secretYears} --only-show-errors --query password -o tsv)`,
        '  EXPIRES=$(az ad app credential list --id "$APP_ID" --query "sort_by([?displayName==\'$SECRET_NAME\'], &startDateTime)[-1].endDateTime" -o tsv)',
      ];
  return [
    'rtw_register() (',
    '  set -euo pipefail',
    `  APP_NAME=${shellQuote(choices.appName)}`,
    `  AUDIENCE=${shellQuote(choices.audience)}`,
    `  REDIRECT_URI=${shellQuote(choices.redirectUri)}`,
    `  PERMISSIONS=${shellQuote(permissions.join(' '))}`,
    `  GRAPH=${GRAPH_APP_ID}`,
    '  scope_id() {',
    '    local id',
    `    id=$(az ad sp show --id "$GRAPH" --query "oauth2PermissionScopes[?value=='$1'].id | [0]" -o tsv 2>/dev/null || true)`,
    '    if [ -z "$id" ]; then',
    '      case "$1" in',
    ...fallbacks,
    '      esac',
    '    fi',
    '    printf \'%s\\n\' "$id"',
    '  }',
    '  TENANT_ID=$(az account show --query tenantId -o tsv)',
    '  APP_ID=$(az ad app create --display-name "$APP_NAME" --sign-in-audience "$AUDIENCE" \\',
    `    ${platform[0]} --only-show-errors --query appId -o tsv)`,
    '  HAVE=$(az ad app permission list --id "$APP_ID" --query "[?resourceAppId==\'$GRAPH\'].resourceAccess[].id" -o tsv)',
    '  NEW=()',
    '  for p in $PERMISSIONS; do',
    '    id=$(scope_id "$p")',
    // A here-string, not a pipe: with pipefail, grep -q closing the pipe early would read as "not found".
    '    grep -qx "$id" <<<"$HAVE" || NEW+=("$id=Scope")',
    '  done',
    '  if [ "${#NEW[@]}" -gt 0 ]; then',
    '    az ad app permission add --id "$APP_ID" --api "$GRAPH" --api-permissions "${NEW[@]}" --only-show-errors',
    '  fi',
    ...secret,
    '  if command -v jq >/dev/null 2>&1; then',
    '    jq -cn --arg clientId "$APP_ID" --arg tenantId "$TENANT_ID" --arg secret "$SECRET" \\',
    '      --arg secretExpires "$EXPIRES" --arg signInAudience "$AUDIENCE" \\',
    "      '{rtw:1, clientId:$clientId, tenantId:$tenantId, secret:$secret, secretExpires:$secretExpires, signInAudience:$signInAudience}'",
    '  else',
    '    python3 -c \'import json,sys; print(json.dumps(dict(rtw=1, **dict(zip(["clientId","tenantId","secret","secretExpires","signInAudience"], sys.argv[1:]))), separators=(",",":")))\' \\',
    '      "$APP_ID" "$TENANT_ID" "$SECRET" "$EXPIRES" "$AUDIENCE"',
    '  fi',
    ')',
    'rtw_register',
  ].join('\n');
}

/** What a pasted line gave: the form's values, the secret's expiry as a calendar date. */
export interface CloudShellValues {
  clientId: string;
  tenantId: string;
  /** '' for a public client. */
  secret: string;
  /** `YYYY-MM-DD` (UTC), '' when there is no secret. */
  secretExpiresAt: string;
  signInAudience: SignInAudience;
}

/** Why a paste was refused; the form says it in words (catalogue `cloudShell.paste.<problem>`). */
export type CloudShellPasteProblem =
  'empty' | 'not-json' | 'not-ours' | 'client-id' | 'tenant-id' | 'secret' | 'expiry' | 'audience';

export type CloudShellPaste =
  { ok: true; value: CloudShellValues } | { ok: false; problem: CloudShellPasteProblem };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads what the admin pasted: the command's JSON line, alone or among other output (Cloud Shell's prompt, the
 * CLI's warnings), whitespace around it ignored. Refuses anything that is not exactly that line with valid values,
 * saying which part is wrong; a secret that looks like a secret ID (a GUID) is refused too.
 */
export function parseCloudShellPaste(text: string): CloudShellPaste {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length === 0) return { ok: false, problem: 'empty' };
  const candidates = lines.filter((l) => l.startsWith('{') && l.endsWith('}'));
  if (candidates.length === 0) return { ok: false, problem: 'not-json' };
  // The last JSON line is the command's (a re-run pasted twice gives the newest).
  let parsed: unknown;
  try {
    parsed = JSON.parse(candidates[candidates.length - 1] ?? '');
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, problem: 'not-json' };
  const o = parsed as Record<string, unknown>;
  if (o.rtw !== 1 && o.rtw !== '1') return { ok: false, problem: 'not-ours' };
  const str = (key: string): string | undefined => (typeof o[key] === 'string' ? o[key].trim() : undefined);
  const clientId = str('clientId');
  if (clientId === undefined || !GUID.test(clientId)) return { ok: false, problem: 'client-id' };
  const tenantId = str('tenantId');
  if (tenantId === undefined || !GUID.test(tenantId)) return { ok: false, problem: 'tenant-id' };
  const audience = str('signInAudience');
  if (audience === undefined || !(AUDIENCES as readonly string[]).includes(audience))
    return { ok: false, problem: 'audience' };
  const secret = str('secret');
  if (secret === undefined || GUID.test(secret) || /\s/.test(secret)) return { ok: false, problem: 'secret' };
  const expires = str('secretExpires');
  if (expires === undefined) return { ok: false, problem: 'expiry' };
  let secretExpiresAt = '';
  if (secret !== '') {
    const date = new Date(expires);
    if (expires === '' || Number.isNaN(date.getTime())) return { ok: false, problem: 'expiry' };
    secretExpiresAt = date.toISOString().slice(0, 10);
  } else if (expires !== '') return { ok: false, problem: 'expiry' };
  return {
    ok: true,
    value: { clientId, tenantId, secret, secretExpiresAt, signInAudience: audience as SignInAudience },
  };
}

/** The tenant the form gets from a registration: the app's own tenant for a single-tenant app, else as created. */
export function tenantOfRegistration(values: Pick<CloudShellValues, 'tenantId' | 'signInAudience'>): string {
  switch (values.signInAudience) {
    case 'AzureADMyOrg':
      return values.tenantId;
    case 'AzureADMultipleOrgs':
      return 'organizations';
    case 'AzureADandPersonalMicrosoftAccount':
      return 'common';
  }
}

/**
 * Pre-flight: what can be known to fail before the browser opens. Input validation (validateProfile's own
 * rules, not repeated here), account-type and tenant combinations that cannot sign in, the redirect port, and
 * optionally a probe of the registration with an app-only (client credentials) token request.
 *
 * What the probe can tell: whether the client ID exists in the tenant (AADSTS700016), whether the secret is
 * wrong — usually its ID pasted instead of its Value — (7000215) or expired (7000222), and whether the tenant
 * exists (90002). What it cannot: the redirect URI, the delegated permissions and their consent, Conditional
 * Access, the user's mailbox — none of them is involved in an app-only request. A tenant that refuses app-only
 * tokens (or an app without permissions for them) still authenticates the secret first, so an error other than
 * those above is reported as inconclusive, never as a wrong secret. With `common`/`organizations` Entra has no
 * tenant to issue an app-only token in and may refuse for that reason alone: the probe is most telling with the
 * tenant's ID or domain. The token it may get is discarded at once and never logged.
 */
import { CONSUMERS_TENANT_ID, isPersonalMailbox } from '../providers/microsoft/index.js';
import { CLOUDS } from '../providers/microsoft/index.js';
import { explainAadsts, explainError, parseEntraError } from '../diagnose/index.js';
import type { Explanation } from '../diagnose/index.js';
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import { findFreePort } from './loopback.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { PREFLIGHT_MESSAGES } from './preflight-messages.js';
import type { PreflightMessageKey } from './preflight-messages.js';
import { isGuid, validateProfile } from './profile.js';
import type { Profile, ProfileField, ProfileInput } from './profile.js';

/** `error`: the sign-in cannot work as entered; `warning`: it may not; `info` and `ok`: for the record. */
export type PreflightSeverity = 'error' | 'warning' | 'info' | 'ok';

/** One thing the pre-flight found. */
export interface PreflightFinding {
  /** `input.<key>` for validation issues, else one of the ids below. */
  id: string;
  severity: PreflightSeverity;
  /** The form field to point at. */
  field?: ProfileField;
  message: Localized;
  /** For registration problems: the catalogue's full explanation (what, why, fix). */
  explanation?: Explanation;
}

/** How the registration probe came out. */
export type ProbeOutcome =
  'secret-valid' | 'refused' | 'inconclusive' | 'failed' | 'skipped-public-client' | 'skipped-consumers';

/** The whole pre-flight. */
export interface PreflightReport {
  /** False when any finding is an error. */
  ok: boolean;
  /** In order: input, combinations, port, probe. No finding holds a secret (the report may cross IPC). */
  findings: PreflightFinding[];
  probe?: { outcome: ProbeOutcome; aadsts?: number };
}

/** What the pre-flight may do beyond looking at the input. */
export interface PreflightDeps {
  /** Checks the redirect port is free (default true). */
  checkPort?: boolean;
  /** Probes the registration with a client-credentials request through this client (optional). */
  probe?: { network: IdpNetworkClient };
}

/** Entra errors an app-only request reports before anything app-only-specific: they say what the sign-in would. */
const REGISTRATION_ERRORS = new Set([700016, 7000215, 7000222, 90002, 50194]);

function message(key: PreflightMessageKey, params: Record<string, string | number> = {}): Localized {
  return formatLocalized(PREFLIGHT_MESSAGES[key], params);
}

/** Tenant and account-type combinations that cannot sign in. */
export function accountFindings(profile: Profile): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const tenant = profile.tenant.toLowerCase();
  const params = { mailbox: profile.userId, tenant: profile.tenant };
  if (isPersonalMailbox(profile.userId)) {
    if (tenant === 'organizations')
      findings.push({
        id: 'personal-with-organizations',
        severity: 'error',
        field: 'tenant',
        message: message('personalWithOrganizations', params),
      });
    else if (tenant !== 'common' && tenant !== 'consumers' && tenant !== CONSUMERS_TENANT_ID)
      findings.push({
        id: 'personal-with-tenant',
        severity: 'error',
        field: 'tenant',
        message: message('personalWithTenant', params),
      });
    if (profile.cloud !== 'global')
      findings.push({
        id: 'personal-not-global',
        severity: 'error',
        field: 'cloud',
        message: message('personalNotGlobal', params),
      });
  } else if (tenant === 'consumers' || tenant === CONSUMERS_TENANT_ID) {
    findings.push({
      id: 'consumers-with-work-mailbox',
      severity: 'error',
      field: 'tenant',
      message: message('consumersWithWorkMailbox', params),
    });
  }
  return findings;
}

/** Whether the redirect port can be listened on. */
export async function portFinding(port: number): Promise<PreflightFinding> {
  if ((await findFreePort(port, 1)) === port)
    return { id: 'port-free', severity: 'ok', field: 'redirectPort', message: message('portFree', { port }) };
  const suggested = await findFreePort(port === 65535 ? 49152 : port + 1, 50);
  return {
    id: 'port-busy',
    severity: 'error',
    field: 'redirectPort',
    message:
      suggested === undefined
        ? message('portBusyNoSuggestion', { port })
        : message('portBusy', { port, suggestedPort: suggested }),
  };
}

/** The app-only scope of the cloud's Exchange Online (`https://outlook.office365.com/.default`). */
export function probeScope(profile: Pick<Profile, 'cloud'>): string {
  return `https://${CLOUDS[profile.cloud].mail.imap.host}/.default`;
}

/** Probes the registration with one client-credentials request; the token, if any, is discarded. */
export async function probeRegistration(
  profile: Profile,
  network: IdpNetworkClient,
): Promise<{ outcome: ProbeOutcome; aadsts?: number; finding: PreflightFinding }> {
  const context = {
    mailbox: profile.userId,
    tenant: profile.tenant,
    clientId: profile.clientId,
    authorityHost: new URL(profile.authority).host,
  };
  if (profile.clientSecret === undefined)
    return {
      outcome: 'skipped-public-client',
      finding: { id: 'probe-skipped', severity: 'info', message: message('probeSkippedPublic') },
    };
  const tenant = profile.tenant.toLowerCase();
  if (tenant === 'consumers' || tenant === CONSUMERS_TENANT_ID)
    return {
      outcome: 'skipped-consumers',
      finding: { id: 'probe-skipped', severity: 'info', message: message('probeSkippedConsumers') },
    };
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: profile.clientId,
    client_secret: profile.clientSecret,
    scope: probeScope(profile),
  }).toString();
  let response: { status: number; body: unknown };
  try {
    response = await network.sendPostRequestAsync(`${profile.authority}/oauth2/v2.0/token`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body,
    });
  } catch (error) {
    const failure = network.takeFailure() ?? error;
    return {
      outcome: 'failed',
      finding: {
        id: 'probe-failed',
        severity: 'warning',
        message: message('probeFailed'),
        explanation: explainError(failure, context),
      },
    };
  }
  const answer = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as {
    access_token?: unknown;
    error?: unknown;
    error_description?: unknown;
    error_codes?: unknown;
  };
  if (response.status === 200 && typeof answer.access_token === 'string')
    return {
      outcome: 'secret-valid',
      finding: { id: 'probe-secret-valid', severity: 'ok', message: message('probeSecretValid') },
    };
  const description = typeof answer.error_description === 'string' ? answer.error_description : '';
  const parsed = parseEntraError(description);
  const first: unknown = Array.isArray(answer.error_codes) ? (answer.error_codes as unknown[])[0] : undefined;
  const aadsts = typeof first === 'number' ? first : parsed.aadsts;
  if (aadsts === undefined) {
    const error = typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
    return {
      outcome: 'failed',
      finding: {
        id: 'probe-failed',
        severity: 'warning',
        message: message('probeFailed'),
        explanation: explainError(new Error(`${error}: ${parsed.message}`), context),
      },
    };
  }
  const explanation = explainAadsts(aadsts, parsed, context);
  if (REGISTRATION_ERRORS.has(aadsts))
    return {
      outcome: 'refused',
      aadsts,
      finding: {
        id: 'probe-refused',
        severity: 'error',
        field: aadsts === 700016 ? 'clientId' : aadsts === 90002 ? 'tenant' : 'clientSecret',
        message: message('probeRefused', { aadsts }),
        explanation,
      },
    };
  return {
    outcome: 'inconclusive',
    aadsts,
    finding: {
      id: 'probe-inconclusive',
      severity: 'info',
      message: message('probeInconclusive', { aadsts }),
      explanation,
    },
  };
}

/** Runs the pre-flight on the admin's input. */
export async function preflight(input: ProfileInput, deps: PreflightDeps = {}): Promise<PreflightReport> {
  const validation = validateProfile(input);
  if (!validation.ok) {
    const findings = validation.issues.map((issue): PreflightFinding => ({
      id: `input.${issue.key}`,
      severity: 'error',
      field: issue.field,
      message: issue.message,
    }));
    return { ok: false, findings };
  }
  const profile = validation.profile;
  const findings = accountFindings(profile);
  // Port 0 lets the listener pick a free port: nothing to check.
  if (deps.checkPort !== false && profile.redirectPort !== 0)
    findings.push(await portFinding(profile.redirectPort));
  let probe: PreflightReport['probe'];
  // A combination that cannot sign in makes the probe's answer moot; the admin fixes the input first.
  if (deps.probe !== undefined && !findings.some((f) => f.severity === 'error')) {
    const result = await probeRegistration(profile, deps.probe.network);
    findings.push(result.finding);
    probe = { outcome: result.outcome, ...(result.aadsts === undefined ? {} : { aadsts: result.aadsts }) };
  }
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    findings,
    ...(probe === undefined ? {} : { probe }),
  };
}

/** True for a tenant that names one directory (an ID or a domain), which makes the probe most telling. */
export function isSpecificTenant(tenant: string): boolean {
  const t = tenant.toLowerCase();
  return isGuid(t) || !['common', 'organizations', 'consumers'].includes(t);
}

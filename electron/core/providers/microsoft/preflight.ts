/**
 * Microsoft's pre-flight: account types and tenants that cannot sign in (a personal Outlook.com mailbox with a
 * work tenant…), and a probe of the registration with an app-only (client credentials) token request.
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
import { explainAadsts, explainError, parseEntraError } from '../../diagnose/index.js';
import { formatLocalized } from '../../i18n.js';
import type { Localized } from '../../i18n.js';
import type { IdpNetworkClient } from '../../transport/index.js';
import type { PreflightChecks, PreflightFinding, PreflightProfile, ProbeOutcome } from '../types.js';
import { CONSUMERS_TENANT_ID, isPersonalMailbox } from './account-type.js';
import { CLOUDS } from './clouds.js';
import { cloudOf } from './cloud-of.js';
import { MICROSOFT_PREFLIGHT_MESSAGES } from './preflight-messages.js';
import { isGuid } from './validation.js';

/** Entra errors an app-only request reports before anything app-only-specific: they say what the sign-in would. */
const REGISTRATION_ERRORS = new Set([700016, 7000215, 7000222, 90002, 50194]);

function message(
  key: keyof typeof MICROSOFT_PREFLIGHT_MESSAGES,
  params: Record<string, string | number> = {},
): Localized {
  return formatLocalized(MICROSOFT_PREFLIGHT_MESSAGES[key], params);
}

/** Tenant and account-type combinations that cannot sign in. */
export function accountFindings(profile: PreflightProfile): PreflightFinding[] {
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

/** The app-only scope of the cloud's Exchange Online (`https://outlook.office365.com/.default`). */
export function probeScope(profile: Pick<PreflightProfile, 'cloud'>): string {
  return `https://${CLOUDS[cloudOf(profile.cloud)].mail.imap.host}/.default`;
}

/** Probes the registration with one client-credentials request; the token, if any, is discarded. */
export async function probeRegistration(
  profile: PreflightProfile,
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

/** True for a tenant that names one directory (an ID or a domain), which makes the probe most telling. */
export function isSpecificTenant(tenant: string): boolean {
  const t = tenant.toLowerCase();
  return isGuid(t) || !['common', 'organizations', 'consumers'].includes(t);
}

/** Entra's pre-flight. */
export const ENTRA_PREFLIGHT: PreflightChecks = { accountFindings, probe: probeRegistration };

/**
 * Pre-flight: what can be known to fail before the browser opens. Input validation (validateProfile's own
 * rules, not repeated here), the provider's own checks (account types and tenants that cannot sign in; for Entra,
 * optionally a probe of the registration with an app-only token request: providers/microsoft/preflight.ts), and
 * the redirect port.
 */
import { loadPreflight } from '../providers/flows.js';
import type { PreflightFinding as ProviderFinding, ProbeOutcome } from '../providers/index.js';
import { formatLocalized } from '../i18n.js';
import type { Localized } from '../i18n.js';
import { findFreePort } from './loopback.js';
import type { IdpNetworkClient } from '../transport/index.js';
import { PREFLIGHT_MESSAGES } from './preflight-messages.js';
import type { PreflightMessageKey } from './preflight-messages.js';
import { validateProfile } from './profile.js';
import type { ProfileField, ProfileInput } from './profile.js';

export type { PreflightSeverity, ProbeOutcome } from '../providers/index.js';

/** One thing the pre-flight found: the provider's findings, the port's, and the input's own. */
export type PreflightFinding = Omit<ProviderFinding, 'field'> & { field?: ProfileField };

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

function message(key: PreflightMessageKey, params: Record<string, string | number> = {}): Localized {
  return formatLocalized(PREFLIGHT_MESSAGES[key], params);
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
  const checks = await loadPreflight(profile.provider);
  const findings: PreflightFinding[] = checks?.accountFindings(profile) ?? [];
  // Port 0 lets the listener pick a free port: nothing to check.
  if (deps.checkPort !== false && profile.redirectPort !== 0)
    findings.push(await portFinding(profile.redirectPort));
  let probe: PreflightReport['probe'];
  // A combination that cannot sign in makes the probe's answer moot; the admin fixes the input first.
  if (
    checks?.probe !== undefined &&
    deps.probe !== undefined &&
    !findings.some((f) => f.severity === 'error')
  ) {
    const result = await checks.probe(profile, deps.probe.network);
    findings.push(result.finding);
    probe = { outcome: result.outcome, ...(result.aadsts === undefined ? {} : { aadsts: result.aadsts }) };
  }
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    findings,
    ...(probe === undefined ? {} : { probe }),
  };
}

/**
 * Fleets of token files, as an admin has them (every printer, every business system): written as a sign-in
 * writes them, each with a refresh token the sandbox IdP issued for its app and user without a browser
 * (`issueRefreshToken`), so tens or thousands of files cost milliseconds, not a sign-in each.
 */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { SandboxIdp } from '../fixtures/sandbox/idp.js';

/** One file of a fleet. */
export interface FleetFileSpec {
  /** The file's name in the folder. */
  name: string;
  clientId: string;
  /** The secret Value the file holds ('' for a public client). */
  secret: string;
  /** The mailbox (default: the sandbox's printer user). */
  upn?: string;
  /** The secret's recorded expiry (default: none recorded). */
  secretExpiresAt?: string;
}

/** A written file and the token it holds. */
export interface FleetFile {
  file: string;
  token: string;
}

/**
 * Where the files' tokens are redeemed: the sandbox's own address (a CLI trusting its CA through
 * NODE_EXTRA_CA_CERTS), or Microsoft's production host (a client going through the routing proxy).
 */
export type FleetAuthority = 'sandbox' | 'production';

/** The INI text of a file issued at `authority` (what a sign-in writes, in SMAIL's order, CRLF). */
export function fleetIni(
  spec: FleetFileSpec & { token: string; upn: string },
  authority: string,
  extra: Record<string, string> = {},
): string {
  return [
    '[OAUTH2]',
    `UserID=${spec.upn}`,
    `ClientID=${spec.clientId}`,
    `ClientSecret=${spec.secret}`,
    `RefreshToken=${spec.token}`,
    `TokenURI=${authority}/oauth2/v2.0/token`,
    `OuthURI=${authority}/oauth2/v2.0/authorize`,
    'OAUTH2_TIME_OUT=30',
    'Provider=1',
    '[RefreshTokenWizard]',
    'Protocols=smtp',
    'Scopes=https://outlook.office.com/SMTP.Send offline_access',
    `SignedInAs=${spec.upn}`,
    ...(spec.secretExpiresAt === undefined ? [] : [`ClientSecretExpiresAt=${spec.secretExpiresAt}`]),
    ...Object.entries(extra).map(([k, v]) => `${k}=${v}`),
    '',
  ].join('\r\n');
}

/** Writes the files into `dir`, each with a fresh token of its app and user; returns them in order. */
export async function writeFleet(
  idp: SandboxIdp,
  dir: string,
  specs: readonly FleetFileSpec[],
  where: FleetAuthority = 'sandbox',
): Promise<FleetFile[]> {
  const authority =
    where === 'sandbox' ? idp.authority('common') : 'https://login.microsoftonline.com/common';
  const written: FleetFile[] = [];
  for (const spec of specs) {
    const upn = spec.upn ?? idp.users.printer.upn;
    const token = idp.issueRefreshToken({
      clientId: spec.clientId,
      upn,
      confidential: spec.secret !== '',
    });
    const file = path.join(dir, spec.name);
    await writeFile(file, fleetIni({ ...spec, upn, token }, authority));
    written.push({ file, token });
  }
  return written;
}

/** `count` files of one app, named `prefix-0001.ini`…, all with `secret`. */
export function fleetOf(
  count: number,
  app: { clientId: string; secret: string },
  prefix = 'printer',
): FleetFileSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}-${String(i + 1).padStart(4, '0')}.ini`,
    clientId: app.clientId,
    secret: app.secret,
  }));
}

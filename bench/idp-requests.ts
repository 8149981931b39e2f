/**
 * Figure 1: requests sent to the identity provider per acquisition, besides the browser's own.
 *
 * Production authorities (login.microsoftonline.com) are routed to the sandbox IdP, so MSAL behaves as it does
 * against Entra: for Microsoft's own hosts it has the metadata built in and should send only the token POST.
 * Counted twice, independently: by the product's network client and by the sandbox's request log.
 */
import path from 'node:path';
import { createSandboxIdp } from '../test/fixtures/sandbox/idp.js';
import type { SandboxIdp } from '../test/fixtures/sandbox/idp.js';
import { acquire, sandboxProfile, tempDir } from '../test/helpers/acquisition.js';
import type { BenchSection } from './lib/report.js';
import { table } from './lib/report.js';
import { summarize } from './lib/stats.js';

const RUNS = 5;

interface Case {
  label: string;
  tenant: (idp: SandboxIdp) => string;
  user: (idp: SandboxIdp) => string;
}

const CASES: readonly Case[] = [
  { label: '`common` (work account)', tenant: () => 'common', user: (idp) => idp.users.admin.upn },
  { label: '`organizations`', tenant: () => 'organizations', user: (idp) => idp.users.admin.upn },
  {
    label: '`consumers` (someone@outlook.com)',
    tenant: () => 'consumers',
    user: (idp) => idp.users.personal.upn,
  },
  {
    label: 'tenant ID (GUID)',
    tenant: (idp) => idp.defaults.tenants.work.id,
    user: (idp) => idp.users.admin.upn,
  },
];

/** Runs the bench. */
export async function idpRequestsBench(): Promise<BenchSection> {
  const idp = await createSandboxIdp();
  const { dir, cleanup } = await tempDir();
  const rows: string[][] = [];
  let allOne = true;
  try {
    for (const [index, c] of CASES.entries()) {
      const counted: number[] = [];
      const logged: number[] = [];
      const kinds = new Set<string>();
      for (let run = 0; run < RUNS; run++) {
        idp.clearRequests();
        // The personal account signs in through its own picker: the sandbox's stand-in is signInAs.
        idp.signInAs(c.user(idp));
        const out = path.join(dir, `case-${index}-${run}.ini`);
        const profile = sandboxProfile(idp, out, { tenant: c.tenant(idp), userId: c.user(idp) });
        const result = await acquire(idp, profile);
        if (!result.result.ok) throw new Error(`${c.label}: acquisition failed (${result.result.code})`);
        const besidesBrowser = idp.requests().filter((r) => !r.path.endsWith('/authorize'));
        counted.push(result.network.requestCount);
        logged.push(besidesBrowser.length);
        for (const r of besidesBrowser) kinds.add(`${r.method} ${r.path} (${r.grantType ?? '-'})`);
      }
      const median = summarize(counted).median;
      if (median !== 1 || summarize(logged).median !== 1) allOne = false;
      rows.push([
        c.label,
        String(median),
        `${Math.min(...counted)}–${Math.max(...counted)}`,
        String(summarize(logged).median),
        [...kinds].map((k) => `\`${k}\``).join('<br>'),
      ]);
    }
  } finally {
    idp.signInAs(null);
    await idp.close();
    await cleanup();
  }
  return {
    title: '1. Requests to the identity provider per acquisition (besides the browser)',
    goal: '1 (the token POST) for every authority',
    verdict: allOne ? 'met' : 'missed',
    body: `
The real session (listener, MSAL, network client, INI writer) runs in process with the authority
\`https://login.microsoftonline.com/<tenant>\`; the CLI's node:https network client reaches it through a loopback
proxy that routes that host to the sandbox IdP, its name, SNI and certificate check unchanged, so MSAL sees
Microsoft's production host and uses its built-in metadata. The browser's authorize request is not counted. ${RUNS} acquisitions per authority.

${table(
  [
    'authority',
    'requests (network client), median',
    'min–max',
    'requests (sandbox log), median',
    'what was sent',
  ],
  rows,
)}
`,
  };
}

/**
 * The Cloud Shell command run for real by Bash against a stand-in `az` (the Azure CLI is not here, nor a tenant):
 * it runs to the end, calls the CLI as the research notes say (secret with --append, only missing permissions
 * added), and its one JSON line reads back through the paste parser, with jq and with the python3 fallback.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPH_PERMISSIONS, cloudShellCommand, parseCloudShellPaste } from '../../renderer/cloud-shell.js';
import { useTempDir } from '../helpers/temp-dir.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = '3b2f0c6a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';
/** Quotes, a backslash, a dollar: what JSON and Bash must both carry through unchanged. */
const SECRET = `a"b\\c~d$e'f0123456789abcdefghijklmnop`;

const AZ = `#!/bin/bash
printf '%s\\n' "$*" >> "$AZ_LOG"
case "$*" in
  'account show'*) echo "${TENANT}" ;;
  'ad app create'*) echo "${APP}" ;;
  'ad app permission list'*) printf '%s\\n' "$HAVE_IDS" ;;
  'ad app permission add'*) ;;
  'ad sp show'*) exit 3 ;;
  'ad app credential reset'*) printf '%s\\n' "$SECRET" ;;
  'ad app credential list'*) echo '2027-05-01T10:00:00.123456+00:00' ;;
  *) echo "unexpected: $*" >&2; exit 9 ;;
esac
`;

const dir = useTempDir('cloud-shell');

/** A bin folder with the stand-in az and only the tools the command needs, jq included or not. */
async function binWith(withJq: boolean): Promise<string> {
  const bin = path.join(dir.path, withJq ? 'bin-jq' : 'bin-python');
  await mkdir(bin);
  await writeFile(path.join(bin, 'az'), AZ);
  await chmod(path.join(bin, 'az'), 0o755);
  const tools = ['bash', 'date', 'grep', 'python3', 'env', ...(withJq ? ['jq'] : [])];
  for (const tool of tools) {
    // python3 may be a version manager's shim, which needs its own PATH: link the interpreter itself.
    const found = (
      tool === 'python3'
        ? spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' })
        : spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' })
    ).stdout.trim();
    if (found === '') throw new Error(`${tool} is needed for this test`);
    await symlink(found, path.join(bin, tool));
  }
  return bin;
}

describe.each([true, false])('the command in Bash (jq: %s)', (withJq) => {
  it('registers the app, appends a secret, adds only missing permissions, and prints the line to paste', async () => {
    const bin = await binWith(withJq);
    const log = path.join(dir.path, 'az.log');
    const command = cloudShellCommand({
      appName: 'Refresh Token Wizard',
      audience: 'AzureADMyOrg',
      redirectUri: 'http://localhost:8001/myapp/',
      protocols: ['smtp', 'imap'],
      publicClient: false,
      allowPublicClientFlows: false,
      secretYears: 2,
    });
    const run = spawnSync('bash', ['-c', command], {
      encoding: 'utf8',
      env: {
        PATH: bin,
        AZ_LOG: log,
        SECRET,
        // The app already has SMTP.Send: it must not be added twice.
        HAVE_IDS: GRAPH_PERMISSIONS['SMTP.Send'],
        HOME: dir.path,
      },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    expect(calls).toContain(
      `ad app create --display-name Refresh Token Wizard --sign-in-audience AzureADMyOrg --web-redirect-uris http://localhost:8001/myapp/ --only-show-errors --query appId -o tsv`,
    );
    const add = calls.find((c) => c.startsWith('ad app permission add'));
    expect(add).toBe(
      `ad app permission add --id ${APP} --api 00000003-0000-0000-c000-000000000000 --api-permissions ${GRAPH_PERMISSIONS['IMAP.AccessAsUser.All']}=Scope ${GRAPH_PERMISSIONS.offline_access}=Scope --only-show-errors`,
    );
    const reset = calls.filter((c) => c.startsWith('ad app credential reset'));
    expect(reset).toHaveLength(1);
    expect(reset[0]).toMatch(
      new RegExp(`^ad app credential reset --id ${APP} --append --display-name rtw-\\d{14} --years 2 `),
    );
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(parseCloudShellPaste(run.stdout)).toEqual({
      ok: true,
      value: {
        clientId: APP,
        tenantId: TENANT,
        secret: SECRET,
        secretExpiresAt: '2027-05-01',
        signInAudience: 'AzureADMyOrg',
      },
    });
  });
});

it('a public client gets no secret, and the line says so', async () => {
  const bin = await binWith(true);
  const log = path.join(dir.path, 'az.log');
  const command = cloudShellCommand({
    appName: 'Refresh Token Wizard',
    audience: 'AzureADandPersonalMicrosoftAccount',
    redirectUri: 'http://localhost:8001/myapp/',
    protocols: ['smtp'],
    publicClient: true,
    allowPublicClientFlows: true,
    secretYears: 1,
  });
  const run = spawnSync('bash', ['-c', command], {
    encoding: 'utf8',
    env: { PATH: bin, AZ_LOG: log, SECRET, HAVE_IDS: '', HOME: dir.path },
  });
  expect(run.status).toBe(0);
  const calls = await readFile(log, 'utf8');
  expect(calls).not.toContain('credential reset');
  expect(calls).toContain(
    '--public-client-redirect-uris http://localhost:8001/myapp/ --is-fallback-public-client true',
  );
  expect(parseCloudShellPaste(run.stdout)).toMatchObject({
    ok: true,
    value: { secret: '', secretExpiresAt: '' },
  });
});

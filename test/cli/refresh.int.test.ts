/**
 * `rtw refresh` in process against the sandbox: JSON and human output, the exit codes of re-issue, busy and
 * nothing to do. Two runs at once and a run behind a proxy, as real processes: process.test.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { sandboxPerFile } from '../helpers/sandbox-per-file.js';
import { issueTokenFile, tokenIn } from '../helpers/token-files.js';

const sandbox = sandboxPerFile();

function file(name = 'smail_refresh_token.ini'): string {
  return path.join(sandbox.dir, name);
}

const env = (): NodeJS.ProcessEnv => ({ NODE_EXTRA_CA_CERTS: sandbox.idp.caFile });

describe('rtw refresh against the sandbox', () => {
  it('refreshes a folder: one JSON object per file and a summary, exit 0, no secret printed', async () => {
    const a = file('a.ini');
    const b = file('b.ini');
    const tokens = [await issueTokenFile(sandbox.idp, a), await issueTokenFile(sandbox.idp, b)];
    const run = await runCliInProcess(['refresh', sandbox.dir, '--json'], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.events;
    expect(lines.map((l) => [l.event, l.status, l.file])).toEqual([
      ['file', 'refreshed', a],
      ['file', 'refreshed', b],
      ['summary', undefined, undefined],
    ]);
    expect(lines[2]).toMatchObject({ total: 2, refreshed: 2, needsReissue: 0, failed: 0, exitCode: 0 });
    for (const [i, f] of [a, b].entries()) {
      const now = await tokenIn(f);
      expect(now).not.toBe(tokens[i]);
      expect(run.stdout + run.stderr).not.toContain(now);
      expect(run.stdout + run.stderr).not.toContain(tokens[i]);
    }
    expect(run.stdout + run.stderr).not.toContain(sandbox.idp.defaults.secrets.valid.value);
  });

  it('says which file needs re-issuing (exit 8) and still refreshes the others', async () => {
    const good = file('good.ini');
    const stale = file('stale.ini');
    await issueTokenFile(sandbox.idp, good);
    sandbox.idp.expireRefreshToken(await issueTokenFile(sandbox.idp, stale));
    const before = await readFile(stale);
    const run = await runCliInProcess(['refresh', good, stale, '--lang', 'en'], { env: env() });
    expect(run.code).toBe(8);
    expect(run.stdout).toContain(`OK        ${good}`);
    expect(run.stdout).toContain(`RE-ISSUE  ${stale}`);
    expect(run.stdout).toContain(`rtw acquire --from "${stale}"`);
    expect(run.stderr).toContain('AADSTS700082');
    expect(run.stdout).toContain('1 refreshed, 1 to re-issue, 0 failed.');
    expect(await readFile(stale)).toEqual(before);
    const ja = await runCliInProcess(['refresh', stale, '--lang', 'ja'], { env: env() });
    expect(ja.code).toBe(8);
    expect(ja.stdout).toContain('要再発行');
  });

  it('reports a file another run keeps busy (exit 9) without touching it', async () => {
    const target = file();
    await issueTokenFile(sandbox.idp, target);
    const lockfile = await import('proper-lockfile');
    const release = await lockfile.lock(target, { stale: 10_000 });
    try {
      const before = await readFile(target);
      const run = await runCliInProcess(['refresh', target, '--wait', '0', '--json'], { env: env() });
      expect(run.code).toBe(9);
      expect(run.events[0]).toMatchObject({ status: 'failed', code: 'file-busy' });
      expect(await readFile(target)).toEqual(before);
    } finally {
      await release();
    }
  });

  it('says when there is nothing to refresh (exit 2)', async () => {
    const run = await runCliInProcess(['refresh', sandbox.dir], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'No token file found: give INI files, or folders holding INI files with an [OAUTH2] RefreshToken.\n',
    );
    expect(sandbox.idp.requests()).toEqual([]);
  });

  it('takes --wait in whole seconds only (exit 2, nothing read)', async () => {
    const target = file();
    for (const wait of ['x', '1.5', '+3']) {
      const run = await runCliInProcess(['refresh', target, '--wait', wait, '--lang', 'ja']);
      expect(run.code, wait).toBe(2);
      expect(run.stderr, wait).toContain(`--wait には整数を指定してください (「${wait}」は使えません)`);
    }
    expect(sandbox.idp.requests()).toEqual([]);
  });
});

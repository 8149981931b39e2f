/**
 * What a scheduled `rtw refresh` loads. Its run time is mostly start-up (docs/benchmarks.md, figure 3), and it
 * got within reach of curl by leaving MSAL (electron/core/sign-in/refresh-grant.ts) and undici
 * (electron/core/transport/node-https-transport.ts) out of its path. An innocent import could bring either back and cost
 * ~30 to ~75 ms per run without failing anything else, so this reads the built bundle (`npm test` builds first):
 * the chunks the refresh command loads statically hold neither, and no chunk of the CLI holds undici.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './builder-config.js';

const CLI = join(ROOT, 'dist', 'cli');
const packageVersion = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Identifiers only their libraries define (checked below against the libraries themselves). */
const MSAL_MARK = 'ConfidentialClientApplication';
const UNDICI_MARK = 'EnvHttpProxyAgent';

/**
 * Files a CommonJS chunk requires as it loads (`require("./x.cjs")`, `require("../rtw.cjs")`), not those it
 * requires later: the bundle writes a dynamic `import(…)` as `Promise.resolve().then(()=>require("./x.cjs"))`.
 */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?<!=>\s*)\brequire\(\s*["'`](\.\.?\/[^"'`]+\.cjs)["'`]\s*\)/g)].map(
    (m) => m[1] ?? '',
  );
}

/** The refresh command's chunk: the one rtw.cjs requires, when `refresh` runs, for `refresh`. */
async function refreshEntry(): Promise<string> {
  const main = await readFile(join(CLI, 'rtw.cjs'), 'utf8');
  const found = /=>\s*require\(\s*["'`](\.\/chunks\/refresh-[^"'`]+\.cjs)["'`]\s*\)/.exec(main)?.[1];
  if (found === undefined) throw new Error('rtw.cjs has no deferred require of a refresh chunk');
  return join(CLI, found);
}

/** Every file loaded when `file` is: itself and its static imports, transitively. */
async function staticClosure(file: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.pop() ?? '';
    if (seen.has(next)) continue;
    const code = await readFile(next, 'utf8');
    seen.set(next, code);
    for (const spec of staticImports(code)) pending.push(join(next, '..', spec));
  }
  return seen;
}

describe('the rtw bundle', () => {
  it('the markers are what MSAL and undici define', async () => {
    const msal = await readFile(join(ROOT, 'node_modules/@azure/msal-node/dist/index.mjs'), 'utf8');
    expect(msal).toContain(MSAL_MARK);
    const undici = await readFile(join(ROOT, 'node_modules/undici/index.js'), 'utf8');
    expect(undici).toContain(UNDICI_MARK);
  });

  it('`rtw refresh` loads neither MSAL nor undici before it has a failure to explain', async () => {
    const closure = await staticClosure(await refreshEntry());
    // The command, the transport and the file lock at least: the walk did follow the imports.
    expect(closure.size).toBeGreaterThanOrEqual(4);
    const names = [...closure.keys()].map((f) => f.slice(CLI.length + 1));
    expect(names.some((n) => n.includes('node-https-transport'))).toBe(true);
    for (const [file, code] of closure) {
      expect(code.includes(MSAL_MARK), `${file} holds MSAL`).toBe(false);
      expect(code.includes(UNDICI_MARK), `${file} holds undici`).toBe(false);
    }
  });

  it('MSAL is in the chunk of the code flow that `rtw acquire` loads when it signs in (the check above can see it), and no chunk holds undici', async () => {
    const files = [
      join(CLI, 'rtw.cjs'),
      ...(await readdir(join(CLI, 'chunks'))).map((f) => join(CLI, 'chunks', f)),
    ];
    const codes = await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')] as const));
    const withMsal = codes
      .filter(([, code]) => code.includes(MSAL_MARK))
      .map(([f]) => f.slice(CLI.length + 1));
    // Only Microsoft's code flow (providers/microsoft/code-flow.ts, loaded by the sign-in) holds it.
    expect(withMsal).toEqual([expect.stringMatching(/^chunks\/code-flow-[\w-]+\.cjs$/)]);
    for (const [file, code] of codes) expect(code.includes(UNDICI_MARK), `${file} holds undici`).toBe(false);
  });

  it('`dist/cli/rtw.mjs`, the path schedules written by earlier builds name, still runs the CLI', async () => {
    const run = promisify(execFile);
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8' };
    const legacy = await run(process.execPath, [join(CLI, 'rtw.mjs'), 'refresh', '--help', '--lang', 'ja'], {
      env,
    });
    const current = await run(process.execPath, [join(CLI, 'rtw.cjs'), 'refresh', '--help', '--lang', 'ja'], {
      env,
    });
    expect(legacy.stdout).toContain('rtw refresh');
    expect(legacy.stdout).toBe(current.stdout);
    // And its exit code: a refresh that fails is not reported as success through the old path.
    const failed = await run(process.execPath, [join(CLI, 'rtw.mjs'), 'refresh', join(CLI, 'no-such.ini')], {
      env,
    }).catch((error: { code?: number }) => error);
    expect((failed as { code?: number }).code).toBe(5);
  });

  it.skipIf(process.platform === 'win32')(
    'both entries run as programs of their own (`npx rtw`, a schedule naming the file): executable, with a shebang',
    async () => {
      const run = promisify(execFile);
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8' };
      for (const entry of ['rtw.cjs', 'rtw.mjs']) {
        const { stdout } = await run(join(CLI, entry), ['--version'], { env });
        expect(stdout.trim(), entry).toBe(packageVersion);
      }
    },
  );
});

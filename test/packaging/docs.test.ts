/**
 * The shipped documentation stays true: its relative links lead to files that exist, and the CLI reference
 * names every command and option `rtw --help` prints (in both languages). Runs the built CLI
 * (`dist/cli/rtw.cjs`), as `npm test` builds first.
 */
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './builder-config.js';

const run = promisify(execFile);

/** The documents this packaging issue owns, plus the README that links them. */
const DOCS = [
  'README.md',
  'CHANGELOG.md',
  ...['app-registration', 'cli', 'data-and-secrets'].flatMap((d) => [`docs/${d}.en.md`, `docs/${d}.ja.md`]),
];

/** Relative link targets in Markdown (`[text](target)`), without their `#fragment`. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  return targets.filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#')).map((t) => t.split('#')[0] ?? t);
}

describe('documentation', () => {
  it.each(DOCS)('%s links only to files that exist', async (doc) => {
    const missing: string[] = [];
    for (const target of relativeLinks(await readFile(join(ROOT, doc), 'utf8'))) {
      await access(join(ROOT, dirname(doc), target)).catch(() => missing.push(target));
    }
    expect(missing).toEqual([]);
  });

  it('the CLI reference names every command and option of `rtw --help`', async () => {
    const { stdout } = await run(process.execPath, [
      join(ROOT, 'dist/cli/rtw.cjs'),
      '--help',
      '--lang',
      'en',
    ]);
    const commands = new Set([...stdout.matchAll(/^rtw ([a-z]+) /gm)].map((m) => m[1] ?? ''));
    const options = new Set([...stdout.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
    expect(commands.size).toBeGreaterThan(0);
    for (const doc of ['docs/cli.en.md', 'docs/cli.ja.md']) {
      const text = await readFile(join(ROOT, doc), 'utf8');
      const undocumented = [
        ...[...commands].filter((c) => !text.includes(`## \`rtw ${c}\``)),
        ...[...options].filter((o) => !new RegExp(`(?<![\\w-])${o}(?![\\w-])`).test(text)),
      ];
      expect(undocumented, `${doc}: add these from \`rtw --help\``).toEqual([]);
    }
  });
});

/**
 * The shipped documentation stays true: its relative links lead to files that exist, every picture it shows
 * exists, the screenshots are the ones the end-to-end test takes, and the CLI reference names every command and
 * option `rtw --help` prints (in both languages). Runs the built CLI (`dist/cli/rtw.cjs`), as `npm test` builds
 * first.
 */
import { execFile } from 'node:child_process';
import { access, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ACQUIRE_HELP } from '../../electron/cli/acquire/help.js';
import { ACQUIRE_OPTIONS } from '../../electron/cli/acquire/options.js';
import { ALERT_HELP } from '../../electron/cli/alert/help.js';
import { ALERT_OPTIONS } from '../../electron/cli/alert/options.js';
import { CHECK_HELP } from '../../electron/cli/check/help.js';
import { CHECK_OPTIONS } from '../../electron/cli/check/options.js';
import { EXPLAIN_HELP } from '../../electron/cli/explain/help.js';
import { EXPLAIN_OPTIONS } from '../../electron/cli/explain/options.js';
import { REFRESH_HELP } from '../../electron/cli/refresh/help.js';
import { REFRESH_OPTIONS } from '../../electron/cli/refresh/options.js';
import { ROTATE_SECRET_HELP } from '../../electron/cli/rotate-secret/help.js';
import { ROTATE_SECRET_OPTIONS } from '../../electron/cli/rotate-secret/options.js';
import { SCHEDULE_HELP } from '../../electron/cli/schedule/help.js';
import { SCHEDULE_OPTIONS } from '../../electron/cli/schedule/options.js';
import { flagText, optionRows, renderHelp } from '../../electron/cli/shared/help.js';
import type { CommandHelp } from '../../electron/cli/shared/help.js';
import { COMMON_OPTIONS } from '../../electron/cli/shared/options.js';
import type { OptionTable } from '../../electron/cli/shared/options.js';
import { SHOW_HELP } from '../../electron/cli/show/help.js';
import { SHOW_OPTIONS } from '../../electron/cli/show/options.js';
import { LANGS } from '../../electron/core/i18n.js';
import { ROOT } from './builder-config.js';
import { DOC_SCREENSHOTS, SCREENSHOT_FILES } from '../helpers/screenshots.js';

const run = promisify(execFile);

/** The documents this packaging issue owns, plus the README that links them. */
const DOCS = [
  'README.md',
  'CHANGELOG.md',
  ...['app-registration', 'cli', 'data-and-secrets'].flatMap((d) => [`docs/${d}.en.md`, `docs/${d}.ja.md`]),
];

/** Every command: the prose of its help and its option table. */
const COMMANDS: ReadonlyArray<[CommandHelp, OptionTable]> = [
  [ACQUIRE_HELP, ACQUIRE_OPTIONS],
  [REFRESH_HELP, REFRESH_OPTIONS],
  [ROTATE_SECRET_HELP, ROTATE_SECRET_OPTIONS],
  [SHOW_HELP, SHOW_OPTIONS],
  [CHECK_HELP, CHECK_OPTIONS],
  [EXPLAIN_HELP, EXPLAIN_OPTIONS],
  [SCHEDULE_HELP, SCHEDULE_OPTIONS],
  [ALERT_HELP, ALERT_OPTIONS],
];

/** The first cells of the Markdown table rows in `markdown` that name options (`--…`), backticks and `\\|` undone. */
function optionCells(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => /^\| ((?:[^|\\]|\\\|)+?) +\|/.exec(line)?.[1] ?? '')
    .map((cell) => cell.replaceAll('`', '').replaceAll('\\|', '|'))
    .filter((cell) => /^--[a-z]/.test(cell));
}

/** Relative link targets in Markdown (`[text](target)`), without their `#fragment`. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  return targets.filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#')).map((t) => t.split('#')[0] ?? t);
}

/** Every Markdown document in the repository's root and docs/. */
async function allMarkdown(): Promise<string[]> {
  const docs = (await readdir(join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  const root = (await readdir(ROOT)).filter((f) => f.endsWith('.md'));
  return [...root, ...docs];
}

/** Relative image sources in Markdown (`![alt](src)`) and HTML (`<img src="src">`), as repository paths. */
function images(doc: string, markdown: string): string[] {
  const sources = [
    ...[...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1] ?? ''),
    ...[...markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1] ?? ''),
  ];
  return sources
    .filter((src) => !/^[a-z]+:/i.test(src))
    .map((src) =>
      relative(ROOT, join(ROOT, dirname(doc), src))
        .split('\\')
        .join('/'),
    );
}

describe('documentation', () => {
  it.each(DOCS)('%s links only to files that exist', async (doc) => {
    const missing: string[] = [];
    for (const target of relativeLinks(await readFile(join(ROOT, doc), 'utf8'))) {
      await access(join(ROOT, dirname(doc), target)).catch(() => missing.push(target));
    }
    expect(missing).toEqual([]);
  });

  it('shows only pictures that exist (README.md, CHANGELOG.md, docs/*.md)', async () => {
    const shown: string[] = [];
    const missing: string[] = [];
    for (const doc of await allMarkdown()) {
      for (const image of images(doc, await readFile(join(ROOT, doc), 'utf8'))) {
        shown.push(image);
        await access(join(ROOT, image)).catch(() => missing.push(`${doc}: ${image}`));
      }
    }
    expect(shown.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('docs/screenshots holds exactly the screenshots the end-to-end test takes (`npm run screenshots`)', async () => {
    const committed = (await readdir(DOC_SCREENSHOTS)).filter((f) => f.endsWith('.png')).sort();
    expect(committed).toEqual([...SCREENSHOT_FILES].sort());
  });

  it("the README shows only screenshots the end-to-end test takes, so they stay the app's current look", async () => {
    const shown = images('README.md', await readFile(join(ROOT, 'README.md'), 'utf8'));
    const screenshots = shown.filter((image) => image.startsWith('docs/screenshots/'));
    expect(screenshots.length).toBeGreaterThan(0);
    const taken = new Set(SCREENSHOT_FILES.map((f) => `docs/screenshots/${f}`));
    expect(screenshots.filter((image) => !taken.has(image))).toEqual([]);
  });

  it('the CLI reference names every command and option of `rtw --help`', async () => {
    const { stdout } = await run(process.execPath, [
      join(ROOT, 'dist/cli/rtw.cjs'),
      '--help',
      '--lang',
      'en',
    ]);
    const commands = new Set([...stdout.matchAll(/^rtw ([a-z-]+) /gm)].map((m) => m[1] ?? ''));
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
  it.each(LANGS)(
    'docs/cli.%s.md shows each command’s usage and options as its help does (the options tables of the CLI)',
    async (lang) => {
      const text = await readFile(join(ROOT, `docs/cli.${lang}.md`), 'utf8');
      for (const [help, table] of COMMANDS) {
        const start = text.indexOf(`## \`rtw ${help.command}\``);
        expect(start, help.command).toBeGreaterThanOrEqual(0);
        const section = text.slice(start, text.indexOf('\n## ', start + 1));
        const usage = renderHelp(help, table, lang)
          .split('\n')
          .filter((line) => line.startsWith('rtw '));
        expect(/```\n([^`]*)\n```/.exec(section)?.[1], `${help.command}: usage`).toBe(usage.join('\n'));
        // The same options, in the same order, each with its value named as the help names it in that language.
        // What a row says is the document's own (links, examples): only the option column is compared.
        const rows = optionRows(table, lang).map((row) => row.flags);
        expect(optionCells(section), `${help.command}: options`).toEqual(rows);
      }
    },
  );

  it('the README’s table of rtw acquire names every option, each as the help does', async () => {
    const text = await readFile(join(ROOT, 'README.md'), 'utf8');
    const start = text.indexOf('## The command line: `rtw acquire`');
    const section = text.slice(start, text.indexOf('\n## ', start + 1));
    const table: OptionTable = { ...ACQUIRE_OPTIONS, ...COMMON_OPTIONS };
    const known = new Map(Object.entries(table).map(([name, spec]) => [name, flagText(name, spec, 'en')]));
    const named = optionCells(section).flatMap((cell) => cell.split(', '));
    for (const flags of named) expect(known.get(/^--([a-z-]+)/.exec(flags)?.[1] ?? ''), flags).toBe(flags);
    expect(new Set(named.map((flags) => flags.split(' ')[0]))).toEqual(
      new Set(Object.keys(table).map((name) => `--${name}`)),
    );
  });
});

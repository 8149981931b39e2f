/**
 * The screenshots the end-to-end test takes, by file name: exactly what docs/screenshots holds (checked by
 * test/packaging/docs.int.test.ts) and what `npm run screenshots` copies there. A test run writes them to an
 * ignored folder; a new picture is added here, then taken into docs/screenshots with `npm run screenshots`.
 */
import path from 'node:path';

export const SCREENSHOT_FILES = [
  ...(['en', 'ja'] as const).flatMap((lang) =>
    [
      '0-quick',
      '0-quick-dark',
      '0-quick-google',
      '1-account',
      '2-registration',
      '3-mailbox',
      '4-output',
      '5-signin',
      '5-signin-waiting',
      '5-signin-device-code',
      '6-result',
      '7-check',
      '8-file',
      '8-file-alerts',
      '9-mailboxes',
      '10-reissue-all',
      '11-rotate-secret',
    ].map((name) => `${lang}-${name}.png`),
  ),
  'en-5-signin-port-busy.png',
  'en-6-result-wrong-secret.png',
];

/** The repository's root. */
const ROOT = path.resolve(import.meta.dirname, '../..');

/** The committed screenshots the README shows. */
export const DOC_SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

/**
 * Where a test run writes its screenshots: `RTW_SCREENSHOTS_DIR` (relative to the root), by default the ignored
 * test-results/screenshots, so that a test run never changes a tracked file.
 */
export function screenshotsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(ROOT, env.RTW_SCREENSHOTS_DIR ?? 'test-results/screenshots');
}

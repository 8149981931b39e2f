/**
 * The life of a test file against the sandbox IdP: one IdP (and a client trusting its CA) for the file, a fresh
 * temporary folder for each test, its requests and faults cleared before each test; all of it removed after.
 */
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createSandboxIdp } from '../fixtures/sandbox/idp.js';
import type { SandboxIdp, SandboxIdpOptions } from '../fixtures/sandbox/idp.js';
import { tempDir } from './acquisition.js';

/** What a test sees; read it inside tests and hooks (the hooks fill it in). */
export interface SandboxPerFile {
  idp: SandboxIdp;
  /** An undici dispatcher trusting the sandbox CA, for the test's own "browser". */
  trust: Agent;
  /** This test's temporary folder. */
  dir: string;
}

/** Registers the hooks; call it at the top of a test file. */
export function sandboxPerFile(options: SandboxIdpOptions = {}): SandboxPerFile {
  const state = {} as SandboxPerFile;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    state.idp = await createSandboxIdp(options);
    state.trust = new Agent({ connect: { ca: state.idp.caPem } });
  });
  afterAll(async () => {
    await state.trust.close();
    await state.idp.close();
  });
  beforeEach(async () => {
    ({ dir: state.dir, cleanup } = await tempDir());
    state.idp.clearRequests();
    state.idp.setFault(null);
    state.idp.answerWithEntraError(null);
  });
  afterEach(async () => {
    await cleanup?.();
  });
  return state;
}

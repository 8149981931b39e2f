/**
 * The preload exposes `window.wizard`: one function per operation plus `onEvent` and the local `pathForFile`
 * (the path of a dropped file, asked of webUtils; no IPC), and nothing else.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, OPERATION_NAMES, channelOf } from '../../electron/shared/contract.js';
import type { WizardApi, WizardEvent } from '../../electron/shared/contract.js';
import type { RendererIpc } from '../../electron/preload/index.js';

const stub = await vi.hoisted(() => import('../fixtures/electron-stub.js'));
vi.mock('electron', () => stub);

const EXPECTED_KEYS = [...OPERATION_NAMES, 'onEvent', 'pathForFile'].sort();

/** Checks the exposed API against the contract through a stand-in `ipcRenderer`. */
async function checkApi(api: WizardApi, ipc: typeof stub.ipcRenderer): Promise<void> {
  expect(Object.keys(api).sort()).toEqual(EXPECTED_KEYS);
  for (const value of Object.values(api)) expect(typeof value).toBe('function');

  // Each operation invokes its own channel with exactly the one input it was given.
  for (const name of OPERATION_NAMES) {
    const input = { probe: name };
    const call = api[name] as (input: unknown) => Promise<unknown>;
    await expect(call(input)).resolves.toEqual({ channel: channelOf(name), args: [input] });
  }
  expect(ipc.invoked.map((c) => c.channel)).toEqual(OPERATION_NAMES.map(channelOf));

  // Events arrive as the payload alone: the IPC event (and its `sender`) never reaches the page.
  const received: unknown[][] = [];
  const unsubscribe = api.onEvent((...args: unknown[]) => received.push(args));
  const event: WizardEvent = { channel: 'language', state: { lang: 'ja', source: 'user' } };
  ipc.emitFromMain(EVENT_CHANNEL, event);
  expect(received).toEqual([[event]]);
  unsubscribe();
  ipc.emitFromMain(EVENT_CHANNEL, event);
  expect(received).toHaveLength(1);
  expect(ipc.listeners.get(EVENT_CHANNEL)?.size ?? 0).toBe(0);

  // pathForFile sends nothing; without webUtils (the stand-in has none) it answers '' rather than throwing.
  const before = ipc.invoked.length;
  expect(api.pathForFile({ name: 'a.ini' } as unknown as File)).toBe('');
  expect(ipc.invoked).toHaveLength(before);
}

describe('preload (source)', () => {
  it('exposes exactly the operations and onEvent as window.wizard', async () => {
    stub.resetElectronStub();
    await import('../../electron/preload/index.js');
    expect([...stub.contextBridge.exposed.keys()]).toEqual(['wizard']);
    const api = stub.contextBridge.exposed.get('wizard') as WizardApi;
    expect(Object.values(api)).not.toContain(stub.ipcRenderer);
    await checkApi(api, stub.ipcRenderer);
  });
});

describe('pathForFile', () => {
  it('asks the given webUtils for the path of exactly the file it is handed', async () => {
    stub.resetElectronStub();
    const { createWizardApi } = await import('../../electron/preload/index.js');
    const seen: unknown[] = [];
    const file = { name: 'smail_refresh_token.ini' } as unknown as File;
    const api = createWizardApi(stub.ipcRenderer as unknown as RendererIpc, (f) => {
      seen.push(f);
      return '/srv/smail/smail_refresh_token.ini';
    });
    expect(api.pathForFile(file)).toBe('/srv/smail/smail_refresh_token.ini');
    expect(seen).toEqual([file]);
    const failing = createWizardApi(stub.ipcRenderer as unknown as RendererIpc, () => {
      throw new Error('not a File');
    });
    expect(failing.pathForFile(file)).toBe('');
    expect(stub.ipcRenderer.invoked).toEqual([]);
  });
});

describe('preload (bundle for the sandbox)', () => {
  let outDir: string;
  let code: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'rtw-preload-'));
    await build({ configFile: 'vite.preload.config.ts', logLevel: 'silent', build: { outDir } });
    code = await readFile(join(outDir, 'index.cjs'), 'utf8');
    return () => rm(outDir, { recursive: true, force: true });
  }, 60_000);

  it('is one CommonJS file whose only require is electron', async () => {
    expect(await readdir(outDir)).toEqual(['index.cjs']);
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('exposes the same API when run the way the sandbox runs it', async () => {
    stub.resetElectronStub();
    const requested: string[] = [];
    const sandboxRequire = (id: string): unknown => {
      requested.push(id);
      if (id !== 'electron') throw new Error(`module not found: ${id}`); // the sandbox's require knows little else
      return stub;
    };
    const wrapper = runInNewContext(`(function (require, exports, module) {${code}\n})`, {}) as (
      require: (id: string) => unknown,
      exports: object,
      module: { exports: object },
    ) => void;
    const module = { exports: {} };
    wrapper(sandboxRequire, module.exports, module);
    expect(requested).toEqual(['electron']);
    expect([...stub.contextBridge.exposed.keys()]).toEqual(['wizard']);
    await checkApi(stub.contextBridge.exposed.get('wizard') as WizardApi, stub.ipcRenderer);
  });
});

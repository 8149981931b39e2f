/** A `Platform` for shell tests: every capability a recording mock, answering like a quiet desktop. */
import { vi } from 'vitest';
import type { Encryptor } from '../../electron/core/upkeep/mailbox-registry.js';
import type { KeepAliveHost, Platform } from '../../electron/app/wizard-service.js';
import { createHttpsTransport } from '../../electron/core/transport/node-https-transport.js';
import { recordedTools } from '../fixtures/recorded-tools.js';
import type { RecordedTools } from '../fixtures/recorded-tools.js';
import { testTempDirSync } from './temp-dir.js';

type AllCapabilities = Required<Platform>;

/** A reversible stand-in for safeStorage: not encryption, only a marker that proves it went through here. */
export function fakeEncryptor(available = true): Encryptor {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text, 'utf8').toString('base64')}`, 'utf8'),
    decryptString: (data) => Buffer.from(data.toString('utf8').slice(4), 'base64').toString('utf8'),
  };
}

/** A recording platform; `mock.calls` of each member tell what the service asked for. */
export function fakePlatform(options: { userDataDir?: string; encryptor?: Encryptor | undefined } = {}): {
  [K in keyof AllCapabilities]: ReturnType<typeof vi.fn<AllCapabilities[K]>>;
} {
  // Created only when the service first needs it, and removed when the test that made it ends.
  let dataDir = options.userDataDir;
  const encryptor = 'encryptor' in options ? options.encryptor : fakeEncryptor();
  return {
    chooseOutputFile: vi.fn<Platform['chooseOutputFile']>(() => Promise.resolve(undefined)),
    defaultOutputFile: vi.fn<Platform['defaultOutputFile']>(() =>
      Promise.resolve('/home/admin/Documents/smail_refresh_token.ini'),
    ),
    showInFolder: vi.fn<Platform['showInFolder']>(() => Promise.resolve()),
    copyText: vi.fn<Platform['copyText']>(() => Promise.resolve()),
    openExternal: vi.fn<Platform['openExternal']>(() => Promise.resolve()),
    openBrowser: vi.fn<Platform['openBrowser']>(() => Promise.resolve()),
    openDeviceLogin: vi.fn<AllCapabilities['openDeviceLogin']>(() => Promise.resolve()),
    osLang: vi.fn<Platform['osLang']>(() => 'ja'),
    loadLangChoice: vi.fn<Platform['loadLangChoice']>(() => Promise.resolve(undefined)),
    saveLangChoice: vi.fn<Platform['saveLangChoice']>(() => Promise.resolve()),
    chooseTokenFile: vi.fn<AllCapabilities['chooseTokenFile']>(() => Promise.resolve(undefined)),
    userDataDir: vi.fn<AllCapabilities['userDataDir']>(() => {
      dataDir ??= testTempDirSync('userdata');
      return dataDir;
    }),
    encryptor: vi.fn<AllCapabilities['encryptor']>(() => encryptor),
    keepAliveHost: vi.fn<AllCapabilities['keepAliveHost']>(() => fakeKeepAliveHost()),
  };
}

/**
 * A machine for Keep alive and alerts: Windows by default, its tools recorded (`tools`), webhooks over node:https
 * trusting `extraCaPem`; `answer` scripts what the tools reply.
 */
export function fakeKeepAliveHost(
  options: {
    platform?: NodeJS.Platform;
    answer?: Parameters<typeof recordedTools>[0];
    tools?: RecordedTools;
    extraCaPem?: string;
  } = {},
): KeepAliveHost & { tools: RecordedTools } {
  const tools = options.tools ?? recordedTools(options.answer);
  return {
    tools,
    run: tools.run,
    env: { USERDOMAIN: 'CONTOSO', USERNAME: 'jimu' },
    platform: options.platform ?? 'win32',
    home: 'C:\\Users\\jimu',
    user: 'jimu',
    uid: 0,
    hostname: 'jimu-pc',
    transport: createHttpsTransport({
      env: {},
      ...(options.extraCaPem === undefined ? {} : { extraCaPem: options.extraCaPem }),
    }),
    launcher: () => ({
      command: ['C:\\Program Files\\Refresh Token Wizard\\Refresh Token Wizard.exe'],
      notes: [],
    }),
  };
}

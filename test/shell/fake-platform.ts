/** A `Platform` for shell tests: every capability a recording mock, answering like a quiet desktop. */
import { vi } from 'vitest';
import type { Platform } from '../../electron/core/wizard-service.js';

/** A recording platform; `mock.calls` of each member tell what the service asked for. */
export function fakePlatform(): { [K in keyof Platform]: ReturnType<typeof vi.fn<Platform[K]>> } {
  return {
    chooseOutputFile: vi.fn<Platform['chooseOutputFile']>(() => Promise.resolve(undefined)),
    defaultOutputFile: vi.fn<Platform['defaultOutputFile']>(() =>
      Promise.resolve('/home/admin/Documents/smail_refresh_token.ini'),
    ),
    showInFolder: vi.fn<Platform['showInFolder']>(() => Promise.resolve()),
    copyText: vi.fn<Platform['copyText']>(() => Promise.resolve()),
    openExternal: vi.fn<Platform['openExternal']>(() => Promise.resolve()),
    openBrowser: vi.fn<Platform['openBrowser']>(() => Promise.resolve()),
    osLang: vi.fn<Platform['osLang']>(() => 'ja'),
    loadLangChoice: vi.fn<Platform['loadLangChoice']>(() => Promise.resolve(undefined)),
    saveLangChoice: vi.fn<Platform['saveLangChoice']>(() => Promise.resolve()),
  };
}

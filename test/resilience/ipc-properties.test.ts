/**
 * Every IPC operation fed arbitrary values through `service.dispatch` (test/main/ipc.test.ts lists
 * hand-picked malformed payloads; this generates them): dispatch never throws and never returns a stack
 * trace; a payload its schema refuses gets `invalid-payload` and causes no side effect on the platform; a
 * payload the schema accepts gets the operation's own answer, a profile it cannot use `invalid-input`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATION_SCHEMAS } from '../../electron/app/ipc-schemas.js';
import { createHttpsNetworkClient } from '../../electron/core/transport/node-https-transport.js';
import { createWizardService } from '../../electron/app/wizard-service.js';
import { OPERATION_NAMES } from '../../electron/shared/contract.js';
import type { OperationName, WizardEvent } from '../../electron/shared/contract.js';
import { fakePlatform } from '../helpers/fake-platform.js';

/** Capabilities a refused payload may still use: reading the language to answer in it. */
const READ_ONLY = new Set(['osLang', 'loadLangChoice']);
/** Platform capabilities that change something outside the service (checked by name for clear failures). */
const SIDE_EFFECTS = [
  'chooseOutputFile',
  'showInFolder',
  'copyText',
  'openExternal',
  'openDeviceLogin',
  'openBrowser',
  'saveLangChoice',
] as const;

/**
 * The fields each operation's schema knows, so generated objects are often almost right. Operations added
 * to the contract later get the common field names until they are listed here.
 */
const COMMON_FIELDS = ['path', 'paths', 'file', 'text', 'lang', 'from', 'profile', 'mailbox', 'id', 'name'];
const FIELDS: Partial<Record<OperationName, readonly string[]>> = {
  startAcquisition: [
    'tenant',
    'clientId',
    'clientSecret',
    'publicClient',
    'userId',
    'protocols',
    'cloud',
    'authority',
    'redirectPort',
    'redirectPath',
    'outFile',
    'timeoutSeconds',
  ],
  startDeviceCode: [
    'tenant',
    'clientId',
    'clientSecret',
    'publicClient',
    'userId',
    'protocols',
    'cloud',
    'authority',
    'outFile',
    'timeoutSeconds',
  ],
  cancelAcquisition: [],
  planOutputFile: ['path', 'profile'],
  chooseOutputFile: ['suggestedPath'],
  defaultOutputFile: [],
  showInFolder: ['path'],
  copyText: ['text'],
  getLanguage: [],
  setLanguage: ['lang'],
  openExternal: ['page'],
  suggestPort: ['from'],
  startReissueAll: [
    'clientId',
    'newSecret',
    'useRememberedSecret',
    'secretExpiresAt',
    'rememberSecret',
    'redirectPort',
  ],
  rotateSecret: ['clientId', 'newSecret', 'secretExpiresAt', 'rememberSecret'],
  skipReissueAllStep: [],
  cancelReissueAll: [],
};

/** JSON-ish values and the odd things structured clone can carry over IPC. */
const value = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      null,
      '',
      'ja',
      'en',
      'os',
      0,
      -1,
      8001,
      65536,
      Number.NaN,
      Infinity,
      '__proto__',
      'x'.repeat(70_000),
    ),
  },
);

/** Objects over the operation's own field names (and a stray one now and then), values of any kind. */
const shaped = (name: OperationName): fc.Arbitrary<unknown> => {
  const fields = FIELDS[name] ?? COMMON_FIELDS;
  return fields.length === 0
    ? value
    : fc.dictionary(
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...fields) },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        ),
        value,
        { maxKeys: 5 },
      );
};

describe('dispatch with arbitrary payloads', () => {
  it.each(OPERATION_NAMES)('%s: never throws; refused payloads change nothing', async (name) => {
    const platform = fakePlatform();
    const emitted: WizardEvent[] = [];
    const service = createWizardService({
      platform,
      createNetworkClient: () => createHttpsNetworkClient(),
      emit: (e) => emitted.push(e),
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(value, shaped(name)), async (input) => {
          for (const mock of Object.values(platform)) mock.mockClear();
          emitted.length = 0;
          const accepted = OPERATION_SCHEMAS[name].safeParse(input).success;
          const result: unknown = await service.dispatch(name, input);
          // The renderer gets data, never a stack trace.
          expect(JSON.stringify(result ?? null)).not.toMatch(/\n\s+at /);
          const error =
            (result as { ok?: unknown; error?: { code?: unknown } } | undefined)?.ok === false
              ? (result as { error: { code: unknown } }).error.code
              : undefined;
          if (!accepted) {
            expect(error).toBe('invalid-payload');
            for (const effect of SIDE_EFFECTS) expect(platform[effect]).not.toHaveBeenCalled();
            for (const [capability, mock] of Object.entries(platform))
              if (!READ_ONLY.has(capability)) expect(mock, capability).not.toHaveBeenCalled();
            expect(emitted).toEqual([]);
            return;
          }
          expect(error).not.toBe('invalid-payload');
          expect(error).not.toBe('unexpected');
          // A profile the schema lets through but validation refuses starts nothing.
          if (name === 'startAcquisition' || name === 'startDeviceCode') {
            expect(error).toBe('invalid-input');
            expect(platform.openBrowser).not.toHaveBeenCalled();
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      await service.dispose();
    }
  });
});

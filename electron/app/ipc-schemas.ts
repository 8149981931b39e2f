/**
 * Shapes of every operation's input, checked before anything runs: IPC input is untrusted (a compromised
 * renderer can send anything), so handlers take `unknown` and parse it here. Field-level rules with their
 * localized messages stay in `profile.ts`; this only guarantees the types and bounds.
 */
import { z } from 'zod';
import type { OperationName } from '../shared/contract.js';

const text = (max: number) => z.string().max(max);

/**
 * Only plain objects: `z.object` also accepts a Date or a Map (they are objects), which structured clone
 * can deliver over IPC; refusing them keeps "malformed" one clear answer.
 */
const plainObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype,
  { message: 'expected a plain object' },
);

const profileFields = {
  // The provider and its INI Provider= override; Google's consent screen audience (sign-in/profile.ts checks values).
  provider: text(32).optional(),
  providerValue: text(8).optional(),
  appAudience: text(32).optional(),
  tenant: text(256).optional(),
  clientId: text(256).optional(),
  clientSecret: text(1024).optional(),
  publicClient: z.boolean().optional(),
  userId: text(320).optional(),
  protocols: z.array(text(16)).max(8).optional(),
  cloud: text(32).optional(),
  authority: text(2048).optional(),
  redirectPort: z.number().int().optional(),
  redirectPath: text(256).optional(),
  outFile: text(4096).optional(),
  timeoutSeconds: z.number().int().optional(),
  clientSecretExpiresAt: text(10).optional(),
};

const profileInput = plainObject.pipe(z.object(profileFields).strict());

/** An input that is one plain object with exactly these fields. */
const plain = <T extends z.ZodRawShape>(shape: T) => plainObject.pipe(z.object(shape).strict());

const path = text(4096).min(1);
const clientId = text(256).min(1);
const protocol = z.enum(['smtp', 'imap', 'pop']);

const none = z
  .undefined()
  .or(z.null())
  .transform(() => undefined);

/** One schema per operation; `satisfies` makes a missing operation a compile error. */
export const OPERATION_SCHEMAS = {
  startAcquisition: plain({
    ...profileFields,
    rememberSecret: z.boolean().optional(),
    useRememberedSecret: z.boolean().optional(),
  }),
  startDeviceCode: profileInput,
  cancelAcquisition: none,
  planOutputFile: z.object({ path: text(4096).min(1), profile: profileInput.optional() }).strict(),
  chooseOutputFile: z.object({ suggestedPath: text(4096) }).strict(),
  defaultOutputFile: none,
  showInFolder: z.object({ path: text(4096).min(1) }).strict(),
  copyText: z.object({ text: text(65536) }).strict(),
  getLanguage: none,
  setLanguage: z.object({ lang: z.enum(['ja', 'en', 'os']) }).strict(),
  openExternal: z
    .object({
      page: z.enum([
        'entra-app-registrations',
        'entra-new-registration',
        'docs-registration',
        'docs-troubleshooting',
        'device-login',
        'azure-cloud-shell',
        'google-credentials',
        'google-audience',
        'google-data-access',
        'gmail-pop-imap',
      ]),
    })
    .strict(),
  suggestPort: z.object({ from: z.number().int().min(1).max(65535) }).strict(),
  chooseTokenFile: none,
  tokenHealth: plain({ path }),
  checkTokenFile: plain({
    file: path,
    protocols: z.array(protocol).min(1).max(3).optional(),
    sendTo: text(320).min(3).optional(),
  }),
  refreshFiles: plain({ paths: z.array(path).min(1).max(200) }),
  readReissueFile: plain({ path }),
  startReissue: plain({
    path,
    changes: profileInput,
    keepFileSecret: z.boolean(),
    rememberSecret: z.boolean().optional(),
  }),
  startReissueAll: plain({
    clientId,
    newSecret: text(1024).optional(),
    useRememberedSecret: z.boolean().optional(),
    secretExpiresAt: text(10).optional(),
    rememberSecret: z.boolean().optional(),
    redirectPort: z.number().int().min(0).max(65535).optional(),
  }),
  rotateSecret: plain({
    clientId,
    newSecret: text(1024).min(1),
    secretExpiresAt: text(10).optional(),
    rememberSecret: z.boolean().optional(),
  }),
  skipReissueAllStep: none,
  cancelReissueAll: none,
  keepAliveStatus: plain({ paths: z.array(path).min(1).max(200) }),
  keepAliveAdd: plain({
    paths: z.array(path).min(1).max(200),
    everyDays: z.number().int().min(1).max(30),
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    loggedOut: z.boolean(),
  }),
  keepAliveRemove: plain({ paths: z.array(path).min(1).max(200) }),
  alertSettings: none,
  setAlertSettings: plain({
    webhookUrl: text(4096).min(1).optional(),
    webhookFormat: z.enum(['auto', 'teams', 'slack', 'json']).optional(),
    clearWebhook: z.boolean().optional(),
    email: plain({ to: text(320).min(3), via: path.optional() }).optional(),
    clearEmail: z.boolean().optional(),
    osLog: z.boolean().optional(),
    lang: z.enum(['ja', 'en', 'run']).optional(),
  }),
  testAlerts: plain({ paths: z.array(path).max(200) }),
  listMailboxes: none,
  addMailbox: plain({ path }),
  removeMailbox: plain({ path }),
  explainText: plain({ text: text(16_384).min(1), protocol: protocol.optional() }),
  hasSecret: plain({ clientId }),
  forgetSecret: plain({ clientId }),
  listKnownApps: none,
  setSecretExpiry: plain({ path, expiresAt: text(10) }),
} as const satisfies Record<OperationName, z.ZodType>;

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

const profileInput = plainObject.pipe(
  z
    .object({
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
    })
    .strict(),
);

const none = z
  .undefined()
  .or(z.null())
  .transform(() => undefined);

/** One schema per operation; `satisfies` makes a missing operation a compile error. */
export const OPERATION_SCHEMAS = {
  startAcquisition: profileInput,
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
      ]),
    })
    .strict(),
  suggestPort: z.object({ from: z.number().int().min(1).max(65535) }).strict(),
} as const satisfies Record<OperationName, z.ZodType>;

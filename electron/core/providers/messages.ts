/** Every provider's validation messages, for the one table of validation messages (sign-in/validation-messages.ts). */
import { MICROSOFT_VALIDATION_MESSAGES } from './microsoft/validation-messages.js';

export const PROVIDER_VALIDATION_MESSAGES = { ...MICROSOFT_VALIDATION_MESSAGES } as const;

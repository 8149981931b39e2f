/**
 * Entra's device code flow (RFC 8628): its device authorization endpoint, and its error answers as our errors.
 * The grant itself is provider-neutral (oauth/device-code.ts).
 */
import { RtwError } from '../../errors.js';
import type { DeviceCodeSupport } from '../types.js';
import { errorOfEntraAnswer, oauthErrorOf } from './entra-answer.js';

/** Our error for an Entra error answer of the device code flow. */
export const entraDeviceCode: DeviceCodeSupport = {
  authorizationEndpoint: (authority) => `${authority.replace(/\/+$/, '')}/oauth2/v2.0/devicecode`,
  errorOf(answer, grant) {
    const error = oauthErrorOf(answer);
    // Decided by the OAuth `error` first: RFC 8628 names these, while Entra documents no AADSTS number for a decline.
    if (error === 'expired_token')
      return new RtwError('device-code-expired', { seconds: grant?.expiresIn ?? 900 });
    if (error === 'authorization_declined') return new RtwError('device-code-declined', {});
    const general = errorOfEntraAnswer(answer);
    // Entra's answer when "Allow public client flows" is off: the app is confidential, so it wants a secret.
    if (RtwError.is(general, 'aadsts') && general.params.aadsts === 7000218) {
      const { aadsts, traceId, correlationId } = general.params;
      return new RtwError('device-code-not-public', {
        aadsts,
        ...(traceId === undefined ? {} : { traceId }),
        ...(correlationId === undefined ? {} : { correlationId }),
      });
    }
    return general;
  },
};

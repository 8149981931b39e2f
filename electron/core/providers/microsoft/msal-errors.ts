/**
 * Turning MSAL's errors into ours. MSAL reports Entra's answers as `ServerError` (with the AADSTS number in
 * `errorNo`) and transport failures as a bare `network_error`; the network client recorded the real cause.
 */
import { AuthError, ServerError } from '@azure/msal-node';
import { parseEntraError } from '../../diagnose/index.js';
import { RtwError } from '../../errors.js';
import type { IdpNetworkClient } from '../../transport/index.js';

/** Our error for whatever an MSAL call threw; non-MSAL values (bugs) are returned unchanged. */
export function fromMsalError(error: unknown, network: IdpNetworkClient): unknown {
  if (RtwError.is(error)) return error;
  const recorded = network.takeFailure();
  if (recorded !== undefined) return recorded;
  if (error instanceof ServerError || (error instanceof AuthError && /^AADSTS\d+/.test(error.errorMessage))) {
    const parsed = parseEntraError(error.errorMessage);
    const aadsts = Number((error as ServerError).errorNo ?? parsed.aadsts ?? Number.NaN);
    const common = {
      error: error.errorCode,
      description: parsed.message,
      ...(parsed.traceId === undefined ? {} : { traceId: parsed.traceId }),
      ...(parsed.correlationId === undefined ? {} : { correlationId: parsed.correlationId }),
      ...(parsed.timestamp === undefined ? {} : { timestamp: parsed.timestamp }),
    };
    if (Number.isInteger(aadsts) && aadsts > 0)
      return new RtwError('aadsts', { aadsts, ...common }, { cause: error });
    return new RtwError(
      'oauth-error',
      { error: error.errorCode, description: parsed.message },
      { cause: error },
    );
  }
  if (error instanceof AuthError) {
    return new RtwError(
      'oauth-error',
      { error: error.errorCode, description: error.errorMessage },
      { cause: error },
    );
  }
  return error;
}

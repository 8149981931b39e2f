/** The `[OAUTH2]` values for a profile: what the session writes and what the wizard previews before sign-in. */
import type { Profile } from '../sign-in/index.js';
import { profileEndpoints } from '../sign-in/index.js';
import type { OAuth2Key } from './keys.js';

/** SMAIL's defaults: a 30-second network timeout, provider 1 = Microsoft. */
export const OAUTH2_TIME_OUT = '30';
export const PROVIDER_MICROSOFT = '1';

/** Every `[OAUTH2]` value for a profile and its refresh token; a public client's ClientSecret is empty. */
export function oauth2ValuesFor(profile: Profile, refreshToken: string): Record<OAuth2Key, string> {
  const endpoints = profileEndpoints(profile);
  return {
    UserID: profile.userId,
    ClientID: profile.clientId,
    ClientSecret: profile.clientSecret ?? '',
    RefreshToken: refreshToken,
    TokenURI: endpoints.tokenUri,
    OuthURI: endpoints.authorizeUri,
    OAUTH2_TIME_OUT,
    Provider: PROVIDER_MICROSOFT,
  };
}

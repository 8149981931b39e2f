/**
 * The names in the SMAIL token file. A module of its own, free of Node imports, so the renderer can list
 * the keys it will write without pulling the file-writing code into its bundle.
 */

export const OAUTH2_SECTION = 'OAUTH2';
export const META_SECTION = 'RefreshTokenWizard';
/** The keys legacy senders read, spelled and ordered as SMAIL writes them (`OuthURI` sic). */
export const OAUTH2_KEYS = [
  'UserID',
  'ClientID',
  'ClientSecret',
  'RefreshToken',
  'TokenURI',
  'OuthURI',
  'OAUTH2_TIME_OUT',
  'Provider',
] as const;
/** One of the keys legacy senders read. */
export type OAuth2Key = (typeof OAUTH2_KEYS)[number];

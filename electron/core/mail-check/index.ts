/** The token check: redeem the file's refresh token, read the access token's claims, log in with XOAUTH2. */
export { checkTokenFile, TEST_MESSAGE } from './check-token-file.js';
export type { CheckDeps, CheckEvent, CheckOptions, CheckReport, TokenReport } from './check-token-file.js';
export { checkClaims, decodeAccessToken } from './claims.js';
export type { AccessTokenClaims, ClaimExpectations, ClaimsSummary } from './claims.js';
export { explainMailFailure, stepText } from './failure.js';
export type { MailFailure, MailStep } from './failure.js';
export { mailEndpoint, parseEndpoint } from './hosts.js';
export { imapLogin } from './imap-login.js';
export { popLogin } from './pop-login.js';
export { Pop3Client, Pop3Error, parsePop3Status, parseStat, unstuffLine } from './pop3-client.js';
export { LineSplitter, MAX_LINE_BYTES, MAX_SESSION_BYTES, ProtocolViolation } from './reply-guard.js';
export type { Violation } from './reply-guard.js';
export { redeemRefreshToken, resourceOf } from './redeem.js';
export { smtpLogin } from './smtp-login.js';
export { Transcript } from './transcript.js';
export { DEFAULT_STEP_TIMEOUTS } from './types.js';
export type {
  Finding,
  LoginOutcome,
  LoginParams,
  MailEndpoint,
  ProtocolResult,
  Severity,
  StepTimeouts,
} from './types.js';
export { maskXoauth2Blobs, parseXoauth2, xoauth2String } from './xoauth2.js';

/** Shapes of the token check, shared by its modules, the CLI and (as data) the wizard. */
import type { Protocol } from '../providers/index.js';
import type { Explanation } from '../diagnose/index.js';
import type { Localized } from '../i18n.js';
import type { MailFailure } from './failure.js';

/** A mail server to log in to. */
export interface MailEndpoint {
  host: string;
  port: number;
}

/** How serious a finding is: `error` fails the check, `warning` and `info` do not. */
export type Severity = 'error' | 'warning' | 'info';

/** Something the check found out, explained. */
export interface Finding {
  id: string;
  severity: Severity;
  /** The protocol it concerns, if only one. */
  protocol?: Protocol;
  explanation: Explanation;
}

/** The outcome of logging in to one protocol's server. */
export interface ProtocolResult {
  protocol: Protocol;
  ok: boolean;
  host: string;
  port: number;
  /** Why it failed (or, with `ok`, a note such as the shared-mailbox one); absent when there is nothing to say. */
  explanation?: Explanation;
  /** `smail -d`-like lines (`C: `, `S: `, `# `), every token and XOAUTH2 string masked. */
  transcript: string[];
  /** True when a test message was accepted by the server (SMTP with `sendTo`). */
  messageSent?: boolean;
  /** Milliseconds from connecting to the end. */
  elapsedMs: number;
  /**
   * The sender's view, for a ticket: "SMAIL will log in as … with XOAUTH2 at host:port — this worked" (or failed,
   * and why). Always set by the check; optional for results built elsewhere.
   */
  senderView?: Localized;
}

/** Timeouts of one login, per step, in milliseconds. */
export interface StepTimeouts {
  connect: number;
  greeting: number;
  /** Each command, AUTH included. */
  command: number;
}

/** Default step timeouts: generous for a slow link, short enough that a blocked port fails in seconds. */
export const DEFAULT_STEP_TIMEOUTS: StepTimeouts = { connect: 15_000, greeting: 15_000, command: 20_000 };

/** What every protocol login needs. */
export interface LoginParams {
  endpoint: MailEndpoint;
  /** The mailbox named in XOAUTH2's user= (UserID: a shared mailbox's address for a delegate). */
  user: string;
  accessToken: string;
  timeouts: StepTimeouts;
  /** Extra CA certificates (PEM) to trust besides the system ones (tests; NODE_EXTRA_CA_CERTS also works). */
  extraCaPem?: string;
  signal?: AbortSignal;
}

/** How one login ended, before it is explained. */
export type LoginOutcome = { ok: true; messageSent?: boolean } | { ok: false; failure: MailFailure };

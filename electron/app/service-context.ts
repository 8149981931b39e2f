/** What every group of operations shares: the host's capabilities, the run state, the language, the mailbox list. */
import type { IdpNetworkClient } from '../core/transport/index.js';
import type { WizardEvent } from '../shared/contract.js';
import type { MailCheckOverrides, Platform, WizardServiceDeps } from './host.js';
import { createLanguage } from './language.js';
import type { Language } from './language.js';
import { createMailboxList } from './mailbox-list.js';
import type { MailboxList } from './mailbox-list.js';
import { createPathAllowList } from './path-allow-list.js';
import type { PathAllowList } from './path-allow-list.js';
import { createRunState } from './run-state.js';
import type { RunState } from './run-state.js';

export interface ServiceContext {
  platform: Platform;
  /** A network client per acquisition, check or refresh (each has its own failure record). */
  createNetworkClient(): IdpNetworkClient;
  emit(event: WizardEvent): void;
  mailCheck: MailCheckOverrides;
  now: () => Date;
  /** What runs now: a sign-in or a "re-issue all" walk, and a check (see run-state.ts for the rules). */
  runs: RunState;
  language: Language;
  mailboxes: MailboxList;
  /** The files the window may name: picked in a dialog, listed, or written by a sign-in (path-allow-list.ts). */
  paths: PathAllowList;
}

export function createServiceContext(deps: WizardServiceDeps): ServiceContext {
  const now = deps.now ?? (() => new Date());
  const emit = (event: WizardEvent): void => deps.emit(event);
  const mailboxes = createMailboxList(deps.platform, now, emit);
  return {
    platform: deps.platform,
    createNetworkClient: () => deps.createNetworkClient(),
    emit,
    mailCheck: deps.mailCheck ?? {},
    now,
    runs: createRunState(),
    language: createLanguage(deps.platform, emit),
    mailboxes,
    paths: createPathAllowList(mailboxes),
  };
}

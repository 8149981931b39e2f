/** One sign-in as the run state runs it: the session of either flow, its events to the window, its file listed. */
import type { Lang } from '../core/i18n.js';
import { runAcquisition, runDeviceCodeAcquisition } from '../core/sign-in/index.js';
import type { Profile, SessionResult } from '../core/sign-in/index.js';
import type { AcquisitionEvent } from '../shared/contract.js';
import type { SignInRun } from './run-state.js';
import type { ServiceContext } from './service-context.js';

/** A session of either flow, stopped by `signal`, reporting through `onEvent`. */
export type Session = (
  signal: AbortSignal,
  onEvent: (event: AcquisitionEvent) => void,
) => Promise<SessionResult>;

/** A browser sign-in for `profile` with the app's network client and browser, in `lang`. */
export function browserSession(ctx: ServiceContext, profile: Profile, lang: Lang): Session {
  return (signal, onEvent) => {
    // The host opens only this session's start link: the port its listener announced.
    let port: number | undefined;
    return runAcquisition(profile, {
      network: ctx.createNetworkClient(),
      openBrowser: (url) =>
        port === undefined
          ? Promise.reject(new Error('openBrowser before listening'))
          : ctx.platform.openBrowser(url, { port }),
      onEvent: (event) => {
        if (event.type === 'listening') port = event.port;
        onEvent(event);
      },
      lang,
      signal,
    });
  };
}

/** A device code sign-in for `profile` (no browser here, no port). */
export function deviceCodeSession(ctx: ServiceContext, profile: Profile): Session {
  return (signal, onEvent) =>
    runDeviceCodeAcquisition(profile, { network: ctx.createNetworkClient(), onEvent, signal });
}

/**
 * Runs `session` as the sign-in `run`: its events go to the window (a device code's verification URI is kept on
 * the run, for `openExternal`), then the written file is listed among the mailboxes; its result after that.
 */
export function signInLaunch(
  ctx: ServiceContext,
  profile: Profile,
  rememberSecret: boolean,
  session: Session,
): (run: SignInRun) => Promise<SessionResult> {
  return async (run) => {
    const onEvent = (event: AcquisitionEvent): void => {
      if (event.type === 'device-code') run.verificationUri = event.verificationUri;
      // The file a sign-in the admin started has written: the window may name it (check it, show it…), from
      // the moment it hears of it.
      if (event.type === 'written') ctx.paths.allow(event.file);
      ctx.emit({ channel: 'session', event });
    };
    const result = await session(run.controller.signal, onEvent);
    await ctx.mailboxes.registerAcquired(result, profile, rememberSecret);
    return result;
  };
}

/**
 * What the wizard service is running, as one value, and the rules for changing it.
 *
 * Two slots, independent of each other:
 * - **sign-in**: idle, one sign-in (browser or device code: it holds the redirect port, the browser tab or the
 *   device code), or a "re-issue all" walk, which signs in its mailboxes one step at a time in this same slot.
 *   A new sign-in or walk replaces whatever holds the slot: the holder is stopped, and has ended (port released,
 *   file registered) before the new one starts. Cancel stops the sign-in (a walk's step too, which ends the walk);
 *   skip stops only a walk's step.
 * - **check**: idle or one token check; a new check replaces the running one the same way. A check opens no port
 *   and writes nothing, so it runs beside a sign-in.
 * Refreshes are not here: they hold no port, and the token file's lock orders them with sign-ins and each other.
 *
 * Changes to a slot are made one after the other (a lane per slot): a request that arrives while another is still
 * waiting for the holder to end waits its turn. Three starts at once thus run one after the other, never two
 * together, and the last one is left running; a cancel that arrives after a start stops what that start started.
 * A walk's steps start synchronously (no lane): the walk runs inside the slot, and a step refused because the walk
 * is being stopped is what lets a stop waiting in the lane finish.
 *
 * The window learns of all this from the runs' own events, as before: a replaced or cancelled sign-in ends with
 * `cancelled`, a walk with its `done` summary, a check with its answer.
 */

/** A run: a sign-in, a "re-issue all" walk or a token check; something that can be stopped and waited for. */
export interface StoppableRun {
  /** Stops it (a session then reports `cancelled` and releases its port). */
  readonly controller: AbortController;
  /** Settles once it has ended and the state has left it. */
  readonly ended: Promise<void>;
}

/** One sign-in: a standalone one or a walk's step. */
export interface SignInRun extends StoppableRun {
  /** The device code session's verification URI, once the identity provider has given it. */
  verificationUri?: string;
  /** The admin skipped this walk step (the walk goes on with the next mailbox). */
  skipped: boolean;
}

export type SignInSlot =
  | { readonly kind: 'idle' }
  | { readonly kind: 'signing-in'; readonly run: SignInRun }
  | { readonly kind: 'reissue-all'; readonly walk: StoppableRun; readonly step?: SignInRun };

export type CheckSlot = { readonly kind: 'idle' } | { readonly kind: 'checking'; readonly run: StoppableRun };

/** Everything the service runs; replaced, never changed, on each event. */
export interface RunStateValue {
  readonly signIn: SignInSlot;
  readonly check: CheckSlot;
}

export const IDLE: RunStateValue = { signIn: { kind: 'idle' }, check: { kind: 'idle' } };

/** What happens to the state. */
export type RunEvent =
  | { type: 'sign-in-started'; run: SignInRun }
  | { type: 'walk-started'; walk: StoppableRun }
  | { type: 'step-started'; walk: StoppableRun; run: SignInRun }
  /** A standalone sign-in or a walk's step has ended. */
  | { type: 'sign-in-ended'; run: SignInRun }
  | { type: 'walk-ended'; walk: StoppableRun }
  | { type: 'check-started'; run: StoppableRun }
  | { type: 'check-ended'; run: StoppableRun };

/**
 * The state after `event`, or undefined where the event may not happen: a start needs its slot free (a step: its
 * walk holding the slot, not being stopped, with no step running). An end of what no longer runs changes nothing.
 */
export function nextRunState(state: RunStateValue, event: RunEvent): RunStateValue | undefined {
  const { signIn, check } = state;
  switch (event.type) {
    case 'sign-in-started':
      return signIn.kind === 'idle' ? { check, signIn: { kind: 'signing-in', run: event.run } } : undefined;
    case 'walk-started':
      return signIn.kind === 'idle'
        ? { check, signIn: { kind: 'reissue-all', walk: event.walk } }
        : undefined;
    case 'step-started':
      return signIn.kind === 'reissue-all' &&
        signIn.walk === event.walk &&
        signIn.step === undefined &&
        !event.walk.controller.signal.aborted
        ? { check, signIn: { kind: 'reissue-all', walk: event.walk, step: event.run } }
        : undefined;
    case 'sign-in-ended':
      if (signIn.kind === 'signing-in' && signIn.run === event.run)
        return { check, signIn: { kind: 'idle' } };
      if (signIn.kind === 'reissue-all' && signIn.step === event.run)
        return { check, signIn: { kind: 'reissue-all', walk: signIn.walk } };
      return state;
    case 'walk-ended':
      return signIn.kind === 'reissue-all' && signIn.walk === event.walk
        ? { check, signIn: { kind: 'idle' } }
        : state;
    case 'check-started':
      return check.kind === 'idle' ? { signIn, check: { kind: 'checking', run: event.run } } : undefined;
    case 'check-ended':
      return check.kind === 'checking' && check.run === event.run
        ? { signIn, check: { kind: 'idle' } }
        : state;
  }
}

/** The sign-in running now, standalone or as a walk's step. */
export function runningSignIn(state: RunStateValue): SignInRun | undefined {
  const { signIn } = state;
  if (signIn.kind === 'signing-in') return signIn.run;
  if (signIn.kind === 'reissue-all') return signIn.step;
  return undefined;
}

/** The service's run state and the only ways to change it. */
export interface RunState {
  /** The state now. */
  current(): RunStateValue;
  /** Stops whatever holds the sign-in slot, then starts `launch`, which runs until its promise settles. */
  startSignIn(launch: (run: SignInRun) => Promise<unknown>): Promise<void>;
  /** Stops whatever holds the sign-in slot, then starts a walk; `launch` takes its steps with `startStep`. */
  startWalk(launch: (walk: StoppableRun) => Promise<unknown>): Promise<void>;
  /**
   * Starts one step of `walk` at once, or refuses (undefined, `launch` not called) when the walk is being stopped.
   * The promise gives `launch`'s outcome once the step has ended.
   */
  startStep<T>(walk: StoppableRun, launch: (run: SignInRun) => Promise<T>): Promise<T> | undefined;
  /** Stops the running sign-in (a walk's step too) and waits for it to end. */
  cancelSignIn(): Promise<void>;
  /** Stops a walk's running step, marked skipped, and waits for it to end. */
  skipStep(): Promise<void>;
  /** Stops a walk (its step too) and waits for it to end. */
  cancelWalk(): Promise<void>;
  /** Stops the running check, then runs this one; its outcome once it has ended. */
  startCheck<T>(launch: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Stops everything, after any change already asked for, and waits for it all to end. */
  stopAll(): Promise<void>;
}

const noop = (): void => undefined;

/** Changes made one after the other, each awaited in full before the next begins. */
function createLane(): <T>(change: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (change) => {
    const next = tail.then(change);
    tail = next.catch(noop);
    return next;
  };
}

/**
 * `launch(run)`, called at once; async so that a synchronous throw becomes a rejection, and every run ends the
 * same way.
 */
async function invoke<R, T>(launch: (run: R) => Promise<T>, run: R): Promise<T> {
  return launch(run);
}

/** A run not started yet, and how to say it has ended. */
function newRun<E extends object>(fields: E): { run: E & StoppableRun; settle: () => void } {
  let settle = noop;
  const ended = new Promise<void>((resolve) => (settle = resolve));
  return { run: { ...fields, controller: new AbortController(), ended }, settle };
}

/** Creates an idle run state. */
export function createRunState(): RunState {
  let state: RunStateValue = IDLE;
  const signInLane = createLane();
  const checkLane = createLane();

  /**
   * Enters the state `start` leads to and runs `launch` there; undefined, and nothing run, where `start` may not
   * happen. The run's `ended` settles once the state has left it (so whoever awaits it finds the slot free); the
   * promise returned gives what `launch` gave, after that.
   */
  const begin = <R extends StoppableRun, T>(
    pending: { run: R; settle: () => void },
    start: RunEvent,
    end: RunEvent,
    launch: (run: R) => Promise<T>,
  ): Promise<T> | undefined => {
    const next = nextRunState(state, start);
    if (next === undefined) return undefined;
    state = next;
    const launched = invoke(launch, pending.run);
    return launched.then(noop, noop).then(() => {
      // An end is always allowed (see nextRunState).
      state = nextRunState(state, end) ?? state;
      pending.settle();
      return launched;
    });
  };

  /** Starts in a slot just freed: a refusal here would be a bug in this module. */
  const mustStart = <T>(outcome: Promise<T> | undefined, what: string): Promise<T> => {
    if (outcome === undefined) throw new Error(`run state: ${what} refused in ${stateName(state)}`);
    return outcome;
  };

  /** Stops what holds the sign-in slot and waits until it is free. */
  const freeSignInSlot = async (): Promise<void> => {
    const { signIn } = state;
    switch (signIn.kind) {
      case 'idle':
        return;
      case 'signing-in':
        signIn.run.controller.abort();
        await signIn.run.ended;
        return;
      case 'reissue-all':
        signIn.walk.controller.abort();
        signIn.step?.controller.abort();
        await signIn.walk.ended;
        return;
    }
  };

  const freeCheckSlot = async (): Promise<void> => {
    const { check } = state;
    if (check.kind === 'idle') return;
    check.run.controller.abort();
    await check.run.ended;
  };

  return {
    current: () => state,

    startSignIn: (launch) =>
      signInLane(async () => {
        await freeSignInSlot();
        const pending = newRun({ skipped: false });
        const { run } = pending;
        const outcome = begin(
          pending,
          { type: 'sign-in-started', run },
          { type: 'sign-in-ended', run },
          launch,
        );
        // How it went is the session's events; a bug in it must not stop the next one.
        mustStart(outcome, 'a sign-in').catch(noop);
      }),

    startWalk: (launch) =>
      signInLane(async () => {
        await freeSignInSlot();
        const pending = newRun({});
        const { run } = pending;
        const outcome = begin(
          pending,
          { type: 'walk-started', walk: run },
          { type: 'walk-ended', walk: run },
          launch,
        );
        mustStart(outcome, 'a walk').catch(noop);
      }),

    startStep: (walk, launch) => {
      const pending = newRun({ skipped: false });
      const { run } = pending;
      return begin(pending, { type: 'step-started', walk, run }, { type: 'sign-in-ended', run }, launch);
    },

    cancelSignIn: () =>
      signInLane(async () => {
        const run = runningSignIn(state);
        if (run === undefined) return;
        run.controller.abort();
        await run.ended;
      }),

    skipStep: () =>
      signInLane(async () => {
        const { signIn } = state;
        if (signIn.kind !== 'reissue-all' || signIn.step === undefined) return;
        signIn.step.skipped = true;
        signIn.step.controller.abort();
        await signIn.step.ended;
      }),

    cancelWalk: () =>
      signInLane(async () => {
        if (state.signIn.kind === 'reissue-all') await freeSignInSlot();
      }),

    startCheck: async (launch) => {
      // The outcome comes back wrapped: a promise returned from the lane would hold the lane for the whole check.
      const started = await checkLane(async () => {
        await freeCheckSlot();
        const pending = newRun({});
        const { run } = pending;
        const outcome = begin(pending, { type: 'check-started', run }, { type: 'check-ended', run }, (r) =>
          launch(r.controller.signal),
        );
        return { outcome: mustStart(outcome, 'a check') };
      });
      return started.outcome;
    },

    stopAll: async () => {
      await Promise.all([signInLane(freeSignInSlot), checkLane(freeCheckSlot)]);
    },
  };
}

function stateName(state: RunStateValue): string {
  return `${state.signIn.kind}/${state.check.kind}`;
}

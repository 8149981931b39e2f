/**
 * The wizard service's run state: the transitions as a pure function, then the rules the lanes add when requests
 * overlap, with stand-in runs that last until they are stopped or the test finishes them.
 */
import { describe, expect, it } from 'vitest';
import { IDLE, createRunState, nextRunState, runningSignIn } from '../../electron/app/run-state.js';
import type { RunStateValue, SignInRun, StoppableRun } from '../../electron/app/run-state.js';

const run = (): StoppableRun => ({ controller: new AbortController(), ended: Promise.resolve() });
const signIn = (): SignInRun => ({ ...run(), skipped: false });

describe('nextRunState', () => {
  const a = signIn();
  const b = signIn();
  const walk = run();
  const check = run();
  const signingIn: RunStateValue = { ...IDLE, signIn: { kind: 'signing-in', run: a } };
  const walking: RunStateValue = { ...IDLE, signIn: { kind: 'reissue-all', walk } };
  const stepping: RunStateValue = { ...IDLE, signIn: { kind: 'reissue-all', walk, step: a } };
  const checking: RunStateValue = { ...IDLE, check: { kind: 'checking', run: check } };

  it('starts a sign-in, a walk or a check from idle; a step only inside its walk', () => {
    expect(nextRunState(IDLE, { type: 'sign-in-started', run: a })).toEqual(signingIn);
    expect(nextRunState(IDLE, { type: 'walk-started', walk })).toEqual(walking);
    expect(nextRunState(IDLE, { type: 'check-started', run: check })).toEqual(checking);
    expect(nextRunState(IDLE, { type: 'step-started', walk, run: a })).toBeUndefined();
    expect(nextRunState(walking, { type: 'step-started', walk, run: a })).toEqual(stepping);
    expect(nextRunState(walking, { type: 'step-started', walk: run(), run: a })).toBeUndefined();
  });

  it('refuses a start while its slot is held; the other slot does not matter', () => {
    for (const held of [signingIn, walking, stepping]) {
      expect(nextRunState(held, { type: 'sign-in-started', run: b })).toBeUndefined();
      expect(nextRunState(held, { type: 'walk-started', walk: run() })).toBeUndefined();
      expect(nextRunState(held, { type: 'check-started', run: check })).toEqual({
        ...held,
        check: { kind: 'checking', run: check },
      });
    }
    expect(nextRunState(checking, { type: 'check-started', run: run() })).toBeUndefined();
    expect(nextRunState(checking, { type: 'sign-in-started', run: a })).toEqual({
      ...checking,
      signIn: { kind: 'signing-in', run: a },
    });
  });

  it('takes no step while one runs or while the walk is being stopped', () => {
    expect(nextRunState(stepping, { type: 'step-started', walk, run: b })).toBeUndefined();
    const stopping = run();
    stopping.controller.abort();
    expect(
      nextRunState(
        { ...IDLE, signIn: { kind: 'reissue-all', walk: stopping } },
        { type: 'step-started', walk: stopping, run: a },
      ),
    ).toBeUndefined();
  });

  it('ends what runs: a sign-in to idle, a step back to its walk, the walk to idle, a check to idle', () => {
    expect(nextRunState(signingIn, { type: 'sign-in-ended', run: a })).toEqual(IDLE);
    expect(nextRunState(stepping, { type: 'sign-in-ended', run: a })).toEqual(walking);
    expect(nextRunState(walking, { type: 'walk-ended', walk })).toEqual(IDLE);
    expect(nextRunState(checking, { type: 'check-ended', run: check })).toEqual(IDLE);
  });

  it('an end of what no longer runs changes nothing', () => {
    expect(nextRunState(signingIn, { type: 'sign-in-ended', run: b })).toBe(signingIn);
    expect(nextRunState(stepping, { type: 'sign-in-ended', run: b })).toBe(stepping);
    expect(nextRunState(walking, { type: 'walk-ended', walk: run() })).toBe(walking);
    expect(nextRunState(checking, { type: 'check-ended', run: run() })).toBe(checking);
    expect(nextRunState(IDLE, { type: 'sign-in-ended', run: a })).toBe(IDLE);
  });

  it('runningSignIn: the standalone sign-in or the walk’s step', () => {
    expect(runningSignIn(signingIn)).toBe(a);
    expect(runningSignIn(stepping)).toBe(a);
    expect(runningSignIn(walking)).toBeUndefined();
    expect(runningSignIn(checking)).toBeUndefined();
  });
});

/** Stand-in runs: each lasts until stopped (its signal) or finished by the test, and logs both. */
function stage() {
  const log: string[] = [];
  const finishers = new Map<string, (value: string) => void>();
  let live = 0;
  let maxLive = 0;
  const launch =
    (name: string) =>
    (target: { controller: AbortController } | AbortSignal): Promise<string> => {
      const signal = target instanceof AbortSignal ? target : target.controller.signal;
      live += 1;
      maxLive = Math.max(maxLive, live);
      log.push(`start ${name}`);
      return new Promise<string>((resolve) => {
        const end = (how: string): void => {
          if (!finishers.delete(name)) return;
          live -= 1;
          log.push(`end ${name} ${how}`);
          resolve(`${name} ${how}`);
        };
        finishers.set(name, end);
        signal.addEventListener('abort', () => end('stopped'), { once: true });
      });
    };
  return {
    log,
    launch,
    finish: (name: string) => finishers.get(name)?.('finished'),
    maxLive: () => maxLive,
  };
}

describe('createRunState', () => {
  it('a sign-in holds its slot until it ends; a new one stops it and starts once it has ended', async () => {
    const runs = createRunState();
    const s = stage();
    expect(runs.current()).toEqual(IDLE);
    await runs.startSignIn(s.launch('a'));
    expect(runs.current().signIn.kind).toBe('signing-in');
    await runs.startSignIn(s.launch('b'));
    expect(s.log).toEqual(['start a', 'end a stopped', 'start b']);
    const b = runningSignIn(runs.current());
    s.finish('b');
    await b?.ended;
    expect(runs.current()).toEqual(IDLE);
  });

  it('three sign-ins asked for at once run one after the other; the last is left running', async () => {
    const runs = createRunState();
    const s = stage();
    await Promise.all(['a', 'b', 'c'].map((name) => runs.startSignIn(s.launch(name))));
    expect(s.log).toEqual(['start a', 'end a stopped', 'start b', 'end b stopped', 'start c']);
    expect(s.maxLive()).toBe(1);
    await runs.cancelSignIn();
    expect(s.log.at(-1)).toBe('end c stopped');
    expect(runs.current()).toEqual(IDLE);
  });

  it('a cancel asked for after a start stops what that start started', async () => {
    const runs = createRunState();
    const s = stage();
    await runs.startSignIn(s.launch('a'));
    const started = runs.startSignIn(s.launch('b'));
    const cancelled = runs.cancelSignIn();
    await Promise.all([started, cancelled]);
    expect(s.log).toEqual(['start a', 'end a stopped', 'start b', 'end b stopped']);
    expect(runs.current()).toEqual(IDLE);
    await runs.cancelSignIn();
    expect(s.log).toHaveLength(4);
  });

  it('a walk takes the slot from a sign-in, and a sign-in from a walk, its step stopped with it', async () => {
    const runs = createRunState();
    const s = stage();
    await runs.startSignIn(s.launch('a'));
    let stepOutcome: Promise<string> | undefined;
    let walkSignal: AbortSignal | undefined;
    await runs.startWalk(async (walk) => {
      walkSignal = walk.controller.signal;
      stepOutcome = runs.startStep(walk, s.launch('step'));
      await stepOutcome;
    });
    expect(runs.current().signIn).toMatchObject({ kind: 'reissue-all', step: { skipped: false } });
    await runs.startSignIn(s.launch('b'));
    expect(s.log).toEqual(['start a', 'end a stopped', 'start step', 'end step stopped', 'start b']);
    expect(walkSignal?.aborted).toBe(true);
    await expect(stepOutcome).resolves.toBe('step stopped');
    expect(runs.current().signIn.kind).toBe('signing-in');
  });

  it('a walk takes its steps one at a time, each outcome once the step has ended, none once it is stopped', async () => {
    const runs = createRunState();
    const s = stage();
    const outcomes: (string | undefined)[] = [];
    let walk: StoppableRun | undefined;
    await runs.startWalk(async (w) => {
      walk = w;
      for (const name of ['one', 'two', 'three']) {
        const outcome = runs.startStep(w, s.launch(name));
        if (outcome === undefined) {
          outcomes.push(undefined);
          continue;
        }
        // A second step while one runs is refused.
        expect(runs.startStep(w, s.launch('extra'))).toBeUndefined();
        outcomes.push(await outcome);
        // The state has left the step by the time its outcome is known.
        expect(runs.current().signIn).toEqual({ kind: 'reissue-all', walk: w });
      }
    });
    s.finish('one');
    await expect.poll(() => s.log).toContain('start two');
    await runs.cancelWalk();
    expect(outcomes).toEqual(['one finished', 'two stopped', undefined]);
    expect(s.log).toEqual(['start one', 'end one finished', 'start two', 'end two stopped']);
    expect(runs.current()).toEqual(IDLE);
    expect(walk === undefined ? undefined : runs.startStep(walk, s.launch('late'))).toBeUndefined();
  });

  it('skip stops the step, marked skipped, not the walk; cancel stops the step without marking it', async () => {
    const runs = createRunState();
    const s = stage();
    const steps: SignInRun[] = [];
    let walkSignal: AbortSignal | undefined;
    await runs.startWalk(async (walk) => {
      walkSignal = walk.controller.signal;
      for (const name of ['one', 'two'])
        await runs.startStep(walk, (step) => {
          steps.push(step);
          return s.launch(name)(step);
        });
    });
    await runs.skipStep();
    expect(steps[0]?.skipped).toBe(true);
    expect(walkSignal?.aborted).toBe(false);
    await expect.poll(() => steps.length).toBe(2);
    await runs.cancelSignIn();
    expect(steps[1]?.skipped).toBe(false);
    expect(walkSignal?.aborted).toBe(false);
    expect(s.log).toEqual(['start one', 'end one stopped', 'start two', 'end two stopped']);
    await expect.poll(() => runs.current()).toEqual(IDLE);
    // Nothing to skip or cancel now.
    await runs.skipStep();
    await runs.cancelWalk();
  });

  it('checks run beside a sign-in, one at a time: of three at once the last is left running', async () => {
    const runs = createRunState();
    const s = stage();
    await runs.startSignIn(s.launch('sign-in'));
    const checks = ['a', 'b', 'c'].map((name) => runs.startCheck(s.launch(name)));
    await expect(Promise.all(checks.slice(0, 2))).resolves.toEqual(['a stopped', 'b stopped']);
    await expect.poll(() => runs.current().check.kind).toBe('checking');
    s.finish('c');
    await expect(checks[2]).resolves.toBe('c finished');
    expect(s.log).toEqual([
      'start sign-in',
      'start a',
      'end a stopped',
      'start b',
      'end b stopped',
      'start c',
      'end c finished',
    ]);
    expect(runs.current().check).toEqual({ kind: 'idle' });
    expect(runs.current().signIn.kind).toBe('signing-in');
  });

  it('a check that fails gives its error back and frees the slot', async () => {
    const runs = createRunState();
    await expect(runs.startCheck(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(runs.current()).toEqual(IDLE);
  });

  it('a launch that throws still ends its run', async () => {
    const runs = createRunState();
    await runs.startSignIn(() => {
      throw new Error('bug');
    });
    await expect.poll(() => runs.current()).toEqual(IDLE);
    await expect(
      runs.startCheck(() => {
        throw new Error('bug');
      }),
    ).rejects.toThrow('bug');
    expect(runs.current()).toEqual(IDLE);
  });

  it('stopAll stops both slots, a start asked for just before it included', async () => {
    const runs = createRunState();
    const s = stage();
    await runs.startSignIn(s.launch('a'));
    const check = runs.startCheck(s.launch('check'));
    const started = runs.startSignIn(s.launch('b'));
    await runs.stopAll();
    await started;
    await expect(check).resolves.toBe('check stopped');
    expect(s.log).toEqual(
      expect.arrayContaining(['end a stopped', 'start b', 'end b stopped', 'end check stopped']),
    );
    expect(s.log.indexOf('end b stopped')).toBeGreaterThan(s.log.indexOf('start b'));
    expect(runs.current()).toEqual(IDLE);
  });
});

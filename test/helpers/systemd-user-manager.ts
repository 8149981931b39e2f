/**
 * A systemd user manager of the test's own (`systemd --user`), with its own runtime folder, home and unit
 * folder, so the Linux schedule runs for real — units enabled, the timer's service started, its result read
 * back — without touching any account's real manager.
 *
 * On a machine booted with systemd it is started as it is. This test machine is a container whose first
 * process is not systemd: `systemd --user` then refuses to start ("the system has not been booted with
 * systemd") because /run/systemd/system is missing. As root it is started in a private mount namespace
 * (`unshare -m`) where a tmpfs over /run/systemd holds that folder; nothing outside the namespace changes. Where
 * neither works (not Linux, no systemd, not root in a container) the helper fails saying why: this suite's
 * Linux path needs one of them.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from '../../electron/core/command-runner.js';
import type { CommandRunner } from '../../electron/core/command-runner.js';
import { tempDir } from './temp-dir.js';

/** A running private user manager. */
export interface UserManager {
  /** The environment its services get, and systemctl --user needs to reach it. */
  env: NodeJS.ProcessEnv;
  home: string;
  /** `~/.config` of the manager (its user units are in `systemd/user` below it). */
  configHome: string;
  /** Runs a tool with {@link env}. */
  run: CommandRunner;
  /** How it was started (said in the test's output, so a reader knows what ran). */
  how: 'direct' | 'private mount namespace';
  stop(): Promise<void>;
}

const SYSTEMD = ['/usr/lib/systemd/systemd', '/lib/systemd/systemd'];

/** Starts a private user manager; `extraEnv` reaches every service it starts. */
export async function startUserManager(extraEnv: NodeJS.ProcessEnv = {}): Promise<UserManager> {
  if (process.platform !== 'linux') throw new Error('A systemd user manager needs Linux');
  const binary = SYSTEMD.find((p) => existsSync(p));
  if (binary === undefined) throw new Error(`No systemd binary at ${SYSTEMD.join(' or ')}`);
  const { dir, cleanup } = await tempDir('systemd');
  const runtime = path.join(dir, 'run');
  const home = path.join(dir, 'home');
  const configHome = path.join(home, '.config');
  await mkdir(runtime, { recursive: true });
  // systemd --user insists on a runtime folder only its user can enter.
  await chmod(runtime, 0o700);
  await mkdir(configHome, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: configHome,
    LANG: 'C.UTF-8',
    ...extraEnv,
  };

  let child: ChildProcess;
  let how: UserManager['how'];
  if (existsSync('/run/systemd/system')) {
    how = 'direct';
    child = spawn(binary, ['--user'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  } else if (process.getuid?.() === 0 && existsSync('/usr/bin/unshare')) {
    how = 'private mount namespace';
    const script =
      'mkdir -p /run/systemd && mount -t tmpfs tmpfs /run/systemd && mkdir /run/systemd/system && exec "$0" --user';
    child = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script, binary], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } else {
    await cleanup();
    throw new Error(
      'Cannot start a systemd user manager here: the machine was not booted with systemd, and without root there is no private mount namespace to give it /run/systemd/system',
    );
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));

  // Ready once its private socket is there (systemctl --user connects to it when there is no user bus).
  const socket = path.join(runtime, 'systemd', 'private');
  const deadline = Date.now() + 20_000;
  while (!existsSync(socket)) {
    if (ended || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      await cleanup();
      throw new Error(`systemd --user did not start: ${stderr.trim() || 'no socket'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const run: CommandRunner = (program, args, options) => runCommand(program, args, { env, ...options });
  return {
    env,
    home,
    configHome,
    run,
    how,
    async stop() {
      await run('systemctl', ['--user', 'exit']);
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      await cleanup();
    },
  };
}

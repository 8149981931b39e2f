/**
 * The machine a command runs on, for the commands that reach beyond the token files (rtw schedule, rtw alert,
 * a scheduled refresh): the app's data folder, the OS tools (run with the command's environment, never a
 * shell), the account, the clock, and the alert channels' transports.
 */
import { hostname, homedir, userInfo } from 'node:os';
import type { AlertDeps } from '../../core/alerts/index.js';
import { runCommand } from '../../core/command-runner.js';
import type { CommandRunner } from '../../core/command-runner.js';
import type { SchedulerDeps } from '../../core/schedule/index.js';
import { createHttpsNetworkClient, createHttpsTransport } from '../../core/transport/index.js';
import { appDataDir } from '../../core/upkeep/index.js';
import { networkOptions } from './io.js';
import type { CliIo } from './io.js';

/** The OS tools, with the command's environment. */
export function runnerOf(io: CliIo): CommandRunner {
  return (program, args, options) => runCommand(program, args, { env: io.env, ...options });
}

/** The data folder the app uses too (RTW_CONFIG_DIR overrides it). */
export function dataDirOf(io: CliIo): string {
  return appDataDir(io.env);
}

/** The scheduler's view of this machine. */
export function schedulerDepsOf(io: CliIo): SchedulerDeps {
  const home = io.env.HOME ?? io.env.USERPROFILE ?? homedir();
  let user = io.env.USER ?? io.env.USERNAME ?? '';
  if (user === '') user = userInfo().username;
  return {
    platform: process.platform,
    run: runnerOf(io),
    env: io.env,
    home,
    user,
    uid: process.getuid?.() ?? 0,
    now: () => new Date(),
    dataDir: dataDirOf(io),
  };
}

/** What sending alerts needs. */
export function alertDepsOf(io: CliIo): AlertDeps {
  const network = networkOptions(io);
  return {
    dataDir: dataDirOf(io),
    now: () => new Date(),
    host: hostname(),
    platform: process.platform,
    run: runnerOf(io),
    transport: createHttpsTransport(network),
    createNetworkClient: () => createHttpsNetworkClient(network),
    ...(io.extraCaPem === undefined ? {} : { extraCaPem: io.extraCaPem }),
  };
}

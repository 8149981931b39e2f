/**
 * Linux: a systemd user timer and the oneshot service it starts, in `~/.config/systemd/user/`, enabled with
 * `systemctl --user enable --now` (systemd.timer(5), systemd.service(5)).
 *
 * `Persistent=true` runs a time missed while the machine was off at the next start; `RandomizedDelaySec` spreads
 * machines set up alike. The user manager runs only while the account has a session unless lingering is on
 * (`loginctl enable-linger`): "also while logged out" turns it on. Status is read with `systemctl --user show`
 * (the service's Result and ExecMainStatus, the timer's next and last trigger), in UTC so dates parse the same
 * whatever the machine's time zone.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { formatLocalized } from '../i18n.js';
import { quoteSystemdArg } from '../upkeep/index.js';
import type { InstallResult, OsScheduleState, ScheduleBackend, ScheduleNote } from './backend.js';
import { runOrThrow } from './backend.js';
import type { CommandRunner } from '../command-runner.js';
import { SYSTEMD_NOTES } from './messages.js';
import { timeText } from './schedule-spec.js';
import type { ScheduleSpec } from './schedule-spec.js';

/** The user unit folder (systemd.unit(5): `$XDG_CONFIG_HOME/systemd/user`, else `~/.config/systemd/user`). */
export function userUnitDir(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME;
  const base =
    config !== undefined && path.posix.isAbsolute(config) ? config : path.posix.join(home, '.config');
  return path.posix.join(base, 'systemd', 'user');
}

/** `OnCalendar=` of a spec: daily, weekly on Mondays, or every N days from the 1st of each month. */
export function onCalendarOf(spec: Pick<ScheduleSpec, 'everyDays' | 'at'>): string {
  const time = `${timeText(spec.at)}:00`;
  if (spec.everyDays === 1) return `*-*-* ${time}`;
  if (spec.everyDays === 7) return `Mon *-*-* ${time}`;
  return `*-*-01/${spec.everyDays} ${time}`;
}

/** The service and the timer. */
export function systemdUnits(spec: ScheduleSpec): { service: string; timer: string } {
  const what = spec.targets.join(', ').replace(/%/g, '%%');
  const service = [
    '[Unit]',
    `Description=Refresh Token Wizard: keep the refresh tokens of ${what} alive`,
    '',
    '[Service]',
    'Type=oneshot',
    `ExecStart=${[spec.program, ...spec.args].map(quoteSystemdArg).join(' ')}`,
    // A refresh takes seconds; an hour bounds a run stuck on a dead network far beyond that.
    'TimeoutStartSec=1h',
    '',
  ].join('\n');
  const timer = [
    '[Unit]',
    `Description=Refresh Token Wizard: ${spec.id} every ${spec.everyDays} day(s) at ${timeText(spec.at)}`,
    '',
    '[Timer]',
    `OnCalendar=${onCalendarOf(spec)}`,
    'Persistent=true',
    'RandomizedDelaySec=15min',
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
  return { service, timer };
}

/** A `systemctl show` time: `@<seconds>` or `Mon 2026-12-07 03:17:00 UTC` (TZ=UTC); undefined when empty. */
function systemdTime(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value === 'n/a') return undefined;
  const unix = /^@(\d+)$/.exec(value)?.[1];
  if (unix !== undefined) return new Date(Number(unix) * 1000).toISOString();
  const match = /(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) UTC$/.exec(value);
  return match === null ? undefined : new Date(`${match[1]}T${match[2]}Z`).toISOString();
}

/** The properties `systemctl show` printed, per unit (blocks separated by an empty line, `Id=` naming each). */
export function parseSystemctlShow(output: string): Map<string, Map<string, string>> {
  const units = new Map<string, Map<string, string>>();
  for (const block of output.split(/\n\s*\n/)) {
    const props = new Map<string, string>();
    for (const line of block.split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) props.set(line.slice(0, at), line.slice(at + 1).trim());
    }
    const id = props.get('Id');
    if (id !== undefined) units.set(id, props);
  }
  return units;
}

/** The state of a timer and its service from `systemctl show`. */
export function systemdState(output: string, id: string): OsScheduleState {
  const units = parseSystemctlShow(output);
  const timer = units.get(`${id}.timer`);
  const service = units.get(`${id}.service`);
  const installed = timer?.get('LoadState') === 'loaded' && timer.get('UnitFileState') === 'enabled';
  if (!installed) return { installed: false };
  const state: OsScheduleState = { installed: true };
  const active = timer.get('ActiveState');
  if (active !== undefined) state.state = active;
  const next = systemdTime(timer.get('NextElapseUSecRealtime'));
  if (next !== undefined) state.nextRun = next;
  const started = systemdTime(service?.get('ExecMainStartTimestamp'));
  const exited = systemdTime(service?.get('ExecMainExitTimestamp'));
  const status = service?.get('ExecMainStatus');
  if (started !== undefined)
    state.lastRun = {
      at: started,
      ...(exited !== undefined && status !== undefined && /^\d+$/.test(status)
        ? { exitCode: Number(status) }
        : {}),
    };
  return state;
}

const SHOW_PROPS =
  'Id,LoadState,UnitFileState,ActiveState,NextElapseUSecRealtime,LastTriggerUSec,Result,ExecMainStatus,ExecMainStartTimestamp,ExecMainExitTimestamp';

/** What the systemd backend needs. */
export interface SystemdDeps {
  run: CommandRunner;
  env: NodeJS.ProcessEnv;
  home: string;
  /** The account's name, for lingering. */
  user: string;
}

/** A systemd user timer, through systemctl --user. */
export function systemdBackend(deps: SystemdDeps): ScheduleBackend {
  const dir = userUnitDir(deps.env, deps.home);
  // Dates in UTC, messages untranslated: what is parsed must not depend on the machine's locale.
  const env = { ...deps.env, TZ: 'UTC', LC_ALL: 'C' };
  const systemctl = (tool: string, args: string[]) =>
    runOrThrow(deps.run, `systemctl --user ${tool}`, 'systemctl', ['--user', ...args], { env });

  const lingerNotes = async (wanted: boolean): Promise<ScheduleNote[]> => {
    if (wanted) {
      const result = await deps.run('loginctl', ['enable-linger', deps.user], { env });
      if (result.code === 0) return [SYSTEMD_NOTES.lingerOn];
      const reason = (result.stderr.trim() || result.error || `exit ${result.code}`).split('\n')[0] ?? '';
      return [formatLocalized(SYSTEMD_NOTES.lingerFailed, { reason, user: deps.user })];
    }
    const shown = await deps.run('loginctl', ['show-user', deps.user, '-p', 'Linger', '--value'], { env });
    return shown.code === 0 && shown.stdout.trim() === 'yes'
      ? [SYSTEMD_NOTES.lingerOn]
      : [formatLocalized(SYSTEMD_NOTES.lingerOff, { user: deps.user })];
  };

  return {
    kind: 'systemd',
    render(spec) {
      const { service, timer } = systemdUnits(spec);
      return { [`${spec.id}.service`]: service, [`${spec.id}.timer`]: timer };
    },
    async install(spec): Promise<InstallResult> {
      await fsp.mkdir(dir, { recursive: true });
      for (const [name, text] of Object.entries(this.render(spec)))
        await fsp.writeFile(path.posix.join(dir, name), text, { mode: 0o644 });
      await systemctl('daemon-reload', ['daemon-reload']);
      // `enable --now` on an enabled timer restarts nothing; a changed OnCalendar needs the restart.
      await systemctl('enable', ['enable', `${spec.id}.timer`]);
      await systemctl('restart', ['restart', `${spec.id}.timer`]);
      return { location: path.posix.join(dir, `${spec.id}.timer`), notes: await lingerNotes(spec.loggedOut) };
    },
    async uninstall(id) {
      const files = [`${id}.timer`, `${id}.service`].map((n) => path.posix.join(dir, n));
      const present = await Promise.all(
        files.map((f) =>
          fsp.stat(f).then(
            () => true,
            () => false,
          ),
        ),
      );
      if (!present.some(Boolean)) return false;
      if (present[0] === true) await systemctl('disable', ['disable', '--now', `${id}.timer`]);
      for (const file of files) await fsp.rm(file, { force: true });
      await systemctl('daemon-reload', ['daemon-reload']);
      // Forget a failed last run, so a schedule made again later starts clean.
      await deps.run('systemctl', ['--user', 'reset-failed', `${id}.service`], { env });
      return true;
    },
    async inspect(id) {
      const result = await deps.run(
        'systemctl',
        ['--user', 'show', `${id}.timer`, `${id}.service`, '-p', SHOW_PROPS],
        { env },
      );
      return result.code === 0 ? systemdState(result.stdout, id) : { installed: false };
    },
  };
}

/** True when a systemd user manager answers (it does not in containers, or over ssh without a session). */
export async function systemdUserAvailable(run: CommandRunner, env: NodeJS.ProcessEnv): Promise<boolean> {
  const result = await run('systemctl', ['--user', 'show-environment'], { env: { ...env, LC_ALL: 'C' } });
  return result.code === 0;
}

/** What a schedule is, whatever the OS: its id from the targets, the interval and time, the command it runs. */
import { describe, expect, it } from 'vitest';
import {
  monthDaysOf,
  parseEvery,
  parseTimeOfDay,
  scheduleIdOf,
  scheduleSpecOf,
} from '../../../electron/core/schedule/schedule-spec.js';

describe('the schedule id', () => {
  it('is the same for the same targets in any order or repeated, and differs for others', () => {
    const a = scheduleIdOf(['/srv/tokens', '/srv/printer.ini'], 'linux');
    expect(a).toMatch(/^rtw-[0-9a-f]{10}$/);
    expect(scheduleIdOf(['/srv/printer.ini', '/srv/tokens', '/srv/tokens'], 'linux')).toBe(a);
    expect(scheduleIdOf(['/srv/tokens'], 'linux')).not.toBe(a);
    // Linux paths differ by case; Windows paths do not.
    expect(scheduleIdOf(['/srv/Tokens'], 'linux')).not.toBe(scheduleIdOf(['/srv/tokens'], 'linux'));
    expect(scheduleIdOf(['C:\\Tokens'], 'win32')).toBe(scheduleIdOf(['c:\\tokens'], 'win32'));
  });
});

describe('interval and time', () => {
  it.each([
    ['7d', 7],
    ['1d', 1],
    ['30', 30],
    ['2w', 14],
    ['4W', 28],
  ])('--every %s is %i days', (text, days) => expect(parseEvery(text)).toBe(days));

  it.each(['0d', '31d', '5w', 'weekly', '1.5d', '-1d', ''])('refuses --every %j', (text) =>
    expect(parseEvery(text)).toBeUndefined(),
  );

  it('takes 24-hour times and refuses the rest', () => {
    expect(parseTimeOfDay('03:17')).toEqual({ hour: 3, minute: 17 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '3:7', '03:60', 'noon', '03:17:00'])
      expect(parseTimeOfDay(bad)).toBeUndefined();
  });

  it('counts calendar days from the 1st for intervals the OS schedulers cannot say directly', () => {
    expect(monthDaysOf(10)).toEqual([1, 11, 21, 31]);
    expect(monthDaysOf(14)).toEqual([1, 15, 29]);
    expect(monthDaysOf(30)).toEqual([1, 31]);
  });
});

describe('the scheduled command', () => {
  it("runs the launcher's refresh --scheduled in the chosen language, the targets after --", () => {
    const spec = scheduleSpecOf({
      targets: ['/srv/a b.ini', '/srv/-odd.ini', '/srv/a b.ini'],
      launcher: ['/opt/Refresh Token Wizard/refresh-token-wizard', '--ozone-platform=headless'],
      lang: 'ja',
      platform: 'linux',
    });
    expect(spec.program).toBe('/opt/Refresh Token Wizard/refresh-token-wizard');
    expect(spec.args).toEqual([
      '--ozone-platform=headless',
      'refresh',
      '--scheduled',
      '--lang',
      'ja',
      '--',
      '/srv/a b.ini',
      '/srv/-odd.ini',
    ]);
    expect(spec).toMatchObject({ everyDays: 7, at: { hour: 3, minute: 17 }, loggedOut: false });
    expect(spec.id).toBe(scheduleIdOf(['/srv/-odd.ini', '/srv/a b.ini'], 'linux'));
  });
});

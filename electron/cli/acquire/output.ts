/**
 * What `rtw acquire` prints of a sign-in as it goes: JSON events on stdout (`--json`), or lines for a person on
 * stderr, so that stdout stays free for JSON and a script.
 */
import { formatExplanation } from '../../core/diagnose/index.js';
import { format } from '../../core/i18n.js';
import type { Lang, Localized } from '../../core/i18n.js';
import type { DeviceCodeEvent, SessionEvent } from '../../core/sign-in/index.js';
import { explanationJson } from '../shared/explanation-json.js';
import { writeLine } from '../shared/io.js';
import type { CliIo } from '../shared/io.js';
import { ACQUIRE_TEXT } from './messages.js';

/** Every event `rtw acquire` may print, of either flow. */
export type AcquireEvent = SessionEvent | DeviceCodeEvent;

/** What the output says about a missing secret. */
export interface OutputContext {
  publicClient: boolean;
  /** The note the `written` JSON event carries. */
  writtenNote: Localized | undefined;
  /** Whether the human output repeats it after writing (device code said it with the code already). */
  humanNoteOnWritten: boolean;
}

/** JSON mode prints `waiting` at the start and then every this many seconds, not every tick. */
const JSON_WAITING_EVERY_SECONDS = 30;

/** A person gets a `waiting` line a minute: enough in a terminal, and logs stay readable. */
const HUMAN_WAITING_EVERY_SECONDS = 60;

/** Prints one run's events; it keeps the state of that run (when it last said how long is left). */
export function createEventPrinter(
  io: CliIo,
  lang: Lang,
  options: { json: boolean; userId: string } & OutputContext,
): (event: AcquireEvent) => void {
  const { json, userId, ...ctx } = options;
  let lastWaiting = Number.POSITIVE_INFINITY;
  /** Whether a countdown event is due, at most one per `every` seconds; the first always is. */
  const due = (secondsLeft: number, every: number): boolean => {
    if (lastWaiting !== Number.POSITIVE_INFINITY && lastWaiting - secondsLeft < every) return false;
    lastWaiting = secondsLeft;
    return true;
  };
  if (json) {
    return (event) => {
      if (
        (event.type === 'waiting' || event.type === 'polling') &&
        !due(event.secondsLeft, JSON_WAITING_EVERY_SECONDS)
      )
        return;
      writeLine(io.stdout, JSON.stringify(eventJson(event, lang, ctx)));
    };
  }
  const t = ACQUIRE_TEXT;
  /** One line for a person, on stderr. */
  const say = (text: Localized, params: Readonly<Record<string, string | number>> = {}): void =>
    writeLine(io.stderr, format(text[lang], params));
  return (event) => {
    switch (event.type) {
      case 'device-code':
        printDeviceCode(event, io, lang, userId);
        return;
      case 'polling':
        if (due(event.secondsLeft, HUMAN_WAITING_EVERY_SECONDS))
          say(t.polling, { time: minutes(event.secondsLeft) });
        return;
      case 'listening':
        say(t.listening, { redirectUri: event.redirectUri, addresses: event.addresses.join(', ') });
        return;
      case 'waiting':
        if (lastWaiting === Number.POSITIVE_INFINITY) {
          say(event.browserOpened ? t.browserOpened : t.openThisUrl);
          writeLine(io.stderr, `  ${event.authorizeUrl}`);
        }
        if (due(event.secondsLeft, HUMAN_WAITING_EVERY_SECONDS))
          say(t.waiting, { time: minutes(event.secondsLeft) });
        return;
      case 'exchanging':
        say(t.exchanging);
        return;
      case 'written':
        say(t.written, { token: event.refreshTokenMasked, userId: event.userId, file: event.file });
        if (event.backupFile !== undefined) say(t.backup, { backup: event.backupFile });
        if (event.backupFailed !== undefined)
          say(t.backupFailed, { backup: event.backupFailed.file, reason: event.backupFailed.reason });
        if (event.signedInAs.toLowerCase() !== userId.toLowerCase())
          say(t.signedInAs, { signedInAs: event.signedInAs, userId });
        for (const w of event.warnings) say(t.portability, { keys: w.key, readers: w.readers.join(', ') });
        if (ctx.humanNoteOnWritten && ctx.writtenNote !== undefined) say(ctx.writtenNote);
        return;
      case 'failed':
        writeLine(io.stderr, formatExplanation(event.explanation, lang));
        return;
      case 'cancelled':
        say(t.cancelled);
        return;
    }
  };
}

/** The JSON form of an event: `event` names it; explanations and notes come in the chosen language. */
export function eventJson(
  event: AcquireEvent,
  lang: Lang,
  ctx: OutputContext = { publicClient: false, writtenNote: undefined, humanNoteOnWritten: false },
): Record<string, unknown> {
  const { type, ...rest } = event;
  if (event.type === 'device-code') return { event: type, ...rest, note: ACQUIRE_TEXT.deviceCodeNote[lang] };
  if (event.type === 'written')
    return {
      event: type,
      ...rest,
      publicClient: ctx.publicClient,
      ...(ctx.writtenNote === undefined ? {} : { note: ctx.writtenNote[lang] }),
    };
  if (event.type === 'failed')
    return { event: type, code: event.code, ...explanationJson(event.explanation, lang) };
  return { event: type, ...rest };
}

/** `m:ss`. */
function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The user code, set apart so it is found at a glance in a terminal full of text. */
function printDeviceCode(
  event: Extract<DeviceCodeEvent, { type: 'device-code' }>,
  io: CliIo,
  lang: Lang,
  userId: string,
): void {
  const t = ACQUIRE_TEXT;
  const rule = '='.repeat(Math.max(24, event.userCode.length + 16));
  writeLine(io.stderr);
  writeLine(io.stderr, rule);
  writeLine(io.stderr, format(t.deviceCodeOpen[lang], { uri: event.verificationUri }));
  writeLine(io.stderr);
  writeLine(io.stderr, `        ${event.userCode}`);
  writeLine(io.stderr);
  writeLine(io.stderr, format(t.deviceCodeWho[lang], { userId, time: minutes(event.expiresIn) }));
  writeLine(io.stderr, rule);
  if (event.message !== '') writeLine(io.stderr, format(t.deviceCodeEntra[lang], { message: event.message }));
  writeLine(io.stderr, t.deviceCodeNote[lang]);
  writeLine(io.stderr);
}

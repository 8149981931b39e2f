/**
 * The token check as the window follows it: which file, the progress events as they come, then the report.
 * Pure, like state.ts: the Check step and the file view share one check, fed by `{channel: 'check'}` events.
 */
import type { Protocol } from '../electron/core/providers/types.js';
import type { CheckEvent, CheckReport, ProtocolResult } from '../electron/core/mail-check/index.js';
import type { IpcError } from '../electron/shared/contract.js';

export type CheckState =
  | { status: 'idle' }
  | {
      status: 'running';
      file: string;
      protocols: Protocol[];
      redeeming: boolean;
      connecting?: { protocol: Protocol; host: string; port: number };
      results: ProtocolResult[];
    }
  | { status: 'done'; file: string; report: CheckReport }
  | { status: 'error'; file: string; error: IpcError };

export type CheckAction =
  | { type: 'check-started'; file: string; protocols: Protocol[] }
  | { type: 'check-event'; file: string; event: CheckEvent }
  | {
      type: 'check-finished';
      file: string;
      result: { ok: true; value: CheckReport } | { ok: false; error: IpcError };
    }
  | { type: 'check-cleared' };

export const INITIAL_CHECK: CheckState = { status: 'idle' };

/** The check's reducer; events and answers about another file than the one being checked change nothing. */
export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  switch (action.type) {
    case 'check-started':
      return {
        status: 'running',
        file: action.file,
        protocols: action.protocols,
        redeeming: true,
        results: [],
      };
    case 'check-event': {
      if (state.status !== 'running' || state.file !== action.file) return state;
      const { event } = action;
      switch (event.type) {
        case 'redeeming':
          return { ...state, redeeming: true };
        case 'connecting':
          return {
            ...state,
            redeeming: false,
            connecting: { protocol: event.protocol, host: event.host, port: event.port },
          };
        case 'result':
          return {
            status: 'running',
            file: state.file,
            protocols: state.protocols,
            redeeming: false,
            results: [...state.results, event.result],
          };
      }
      return state;
    }
    case 'check-finished':
      if (state.status !== 'running' || state.file !== action.file) return state;
      return action.result.ok
        ? { status: 'done', file: action.file, report: action.result.value }
        : { status: 'error', file: action.file, error: action.result.error };
    case 'check-cleared':
      return INITIAL_CHECK;
  }
}

/** The check of `file`, if the shared state is about it. */
export function checkOf(state: CheckState, file: string): CheckState {
  return state.status !== 'idle' && state.file === file ? state : INITIAL_CHECK;
}

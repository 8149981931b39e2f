/**
 * Everything a process of ours printed or published, gathered in one string so a test can search it for
 * secrets: console calls and direct writes to stdout/stderr while capturing, plus whatever is added.
 */
import { format } from 'node:util';

/** A capture in progress. */
export interface Capture {
  /** Adds a published thing (an event, a result, a page): objects as JSON. */
  add(label: string, value: unknown): void;
  /** All captured text. */
  text(): string;
  /** Stops intercepting console and std streams. */
  restore(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Replaces `target[key]` with `wrap(bound original)`; returns a function putting the original back. */
function intercept<T extends object>(
  target: T,
  key: keyof T & string,
  wrap: (original: (...args: unknown[]) => unknown) => unknown,
): () => void {
  // The descriptor, not the value: restoring must also undo an own property that shadowed the prototype's.
  const own = Object.getOwnPropertyDescriptor(target, key);
  const original = (target[key] as (...args: unknown[]) => unknown).bind(target);
  Object.defineProperty(target, key, { value: wrap(original), configurable: true, writable: true });
  return () => {
    if (own === undefined) Reflect.deleteProperty(target, key);
    else Object.defineProperty(target, key, own);
  };
}

/** Starts intercepting (output still passes through, so a failing test shows its logs). */
export function captureOutput(): Capture {
  const parts: string[] = [];
  const restores = [
    ...CONSOLE_METHODS.map((m) =>
      intercept(console, m, (original) => (...args: unknown[]) => {
        parts.push(`console.${m}: ${format(...args)}`);
        return original(...args);
      }),
    ),
    ...[process.stdout, process.stderr].map((stream) =>
      intercept(stream, 'write', (original) => (chunk: unknown, ...rest: unknown[]) => {
        parts.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
        return original(chunk, ...rest);
      }),
    ),
  ];
  return {
    add(label, value) {
      parts.push(`${label}: ${typeof value === 'string' ? value : JSON.stringify(value, errorAware)}`);
    },
    text: () => parts.join('\n'),
    restore() {
      for (const restore of restores.splice(0)) restore();
    },
  };
}

/** JSON replacer that keeps an Error's message, stack, cause and own fields (JSON.stringify drops them). */
function errorAware(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { ...value, name: value.name, message: value.message, stack: value.stack, cause: value.cause };
}

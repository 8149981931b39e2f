/**
 * A bare-bones HTTP/1.1 client over a TCP socket, for feeding the redirect listener requests no well-behaved
 * client would send (unknown methods, raw non-ASCII bytes, oversized headers, a wrong Host).
 */
import { connect } from 'node:net';

/** What came back: the status line's code, or nothing when the server closed without an answer. */
export interface RawAnswer {
  status: number | undefined;
  /** The response head (status line and headers), for messages. */
  head: string;
  /** The server did not answer nor close within the time limit. */
  timedOut: boolean;
}

/** One request line + headers (CRLF-joined, `Connection: close` added) as bytes. */
export function requestBytes(
  method: string,
  target: string,
  headers: ReadonlyArray<readonly [string, string]>,
): Buffer {
  const lines = [
    `${method} ${target} HTTP/1.1`,
    ...headers.map(([k, v]) => `${k}: ${v}`),
    'Connection: close',
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
}

/** Sends `bytes` to 127.0.0.1:port and reads until the server closes (or `timeoutMs` passes). */
// Generous: a loaded CI machine can be slow to answer; this bounds a hang, it is not a timing goal.
export function rawRequest(port: number, bytes: Uint8Array, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may close mid-write on an oversized request (EPIPE/ECONNRESET): that is a clean refusal.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.split('\r\n\r\n')[0] ?? '';
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), head, timedOut });
    });
    // Not `end()`: a half-closed client makes the server drop a request it holds (the real callback).
    socket.write(bytes);
  });
}

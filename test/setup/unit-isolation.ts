/**
 * setupFiles of the unit project: a unit test runs in its own process only. Opening a socket, or starting a
 * process, throws here, so that the file-name rule that splits the suite (`*.int.test.ts` for integration,
 * `*.e2e.test.ts` for end-to-end, everything else unit; see vitest.config.ts) stays true wherever the tests
 * move: a test that needs the network or another program says so in its name, and `npm run test:unit` stays
 * fast and runs without a build, a browser or python3.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

function refuse(what: string): never {
  throw new Error(
    `A unit test ${what}: rename its file to *.int.test.ts (integration) — unit tests stay in their own process.`,
  );
}

net.Server.prototype.listen = function listen(): never {
  refuse('opened a listening socket');
};
net.Socket.prototype.connect = function connect(): never {
  refuse('opened a connection');
};
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
  (childProcess as unknown as Record<string, unknown>)[name] = () => refuse(`started a process (${name})`);
}
// `import { spawn } from 'node:child_process'` reads the ES module's bindings: bring them in line.
syncBuiltinESMExports();

import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(__dirname, '../../..');
const REGISTER = resolve(__dirname, 'child/register-ts.js');
const STARTED = 'worker started';

/**
 * The worker app as its own process, run from the sources, so a test can kill it the way an
 * operating system does (SIGKILL: no shutdown hooks, no finished jobs) and start another.
 * It inherits this test worker's database and configuration; `env` overrides.
 */
export class ChildWorker {
  private readonly lines: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.lines.push(line));
    }
  }

  static async start(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildWorker> {
    const child = spawn(process.execPath, ['-r', REGISTER, 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new ChildWorker(child);
    const deadline = Date.now() + timeoutMs;
    while (!worker.lines.some((line) => line.includes(STARTED))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the worker did not start:\n${worker.lines.slice(-30).join('\n')}`);
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
    return worker;
  }

  /** Log lines so far (pino JSON), for a failing test to show. */
  get output(): string[] {
    return this.lines;
  }

  /** Ends the process with `signal` and waits until it is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    await exited;
  }
}

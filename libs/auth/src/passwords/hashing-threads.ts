import type { Options } from '@node-rs/argon2';
import { Worker } from 'node:worker_threads';

/** How much lower than the process's the threads' CPU priority is (Linux `nice`). */
const NICE = 10;

/**
 * The threads' code, plain JavaScript: a worker cannot load TypeScript under the test runner.
 * Each thread lowers its own priority (Linux lets a thread do that to itself; elsewhere it runs
 * at the process's), then computes one hash at a time, synchronously, off the event loop.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2);
try {
  const os = require('node:os');
  const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/')[2]);
  os.setPriority(threadId, Math.min(19, os.getPriority(threadId) + workerData.nice));
} catch {}
parentPort.on('message', ({ op, args }) => {
  try {
    const value = op === 'hash' ? argon2.hashSync(...args) : argon2.verifySync(...args);
    parentPort.postMessage({ value });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
});`;

/**
 * A hashing thread failed or was stopped: not an answer about the password, so never to be
 * taken for a wrong one.
 */
export class HashingThreadError extends Error {}

interface Job {
  op: 'hash' | 'verify';
  args: unknown[];
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * argon2id on `size` threads of their own at a lower CPU priority, one hash at a time each,
 * the rest waiting their turn: a hash takes a core's worth of work for some 10 ms, and a burst
 * of logins must leave the CPU to requests and the database first. Threads start on first
 * use; an idle one does not keep the process alive.
 */
export class HashingThreads {
  private readonly waiting: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private threads = 0;
  private closed = false;

  constructor(private readonly size: number) {}

  hash(password: string, options: Options): Promise<string> {
    return this.run('hash', [password, options]);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.run('verify', [hash, password]);
  }

  /** Stops the threads at shutdown; what still waits, or comes later, is refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new HashingThreadError('shutting down'));
    const threads = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  private run<T>(op: Job['op'], args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new HashingThreadError('shutting down'));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ op, args, resolve: resolve as Job['resolve'], reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let thread: Worker | undefined;
      try {
        thread = this.idle.pop() ?? (this.threads < this.size ? this.start() : undefined);
      } catch (error) {
        // No thread could be started: the next in line hears why, the rest wait for a retry.
        this.waiting.shift()!.reject(new HashingThreadError(String(error)));
        continue;
      }
      if (!thread) return;
      const job = this.waiting.shift()!;
      this.busy.set(thread, job);
      // Kept alive while it works for someone who awaits it.
      thread.ref();
      thread.postMessage({ op: job.op, args: job.args });
    }
  }

  private start(): Worker {
    const thread = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { argon2: require.resolve('@node-rs/argon2'), nice: NICE },
    });
    this.threads++;
    thread.on('message', (reply: { value?: never; error?: string }) => {
      const job = this.busy.get(thread);
      this.busy.delete(thread);
      thread.unref();
      this.idle.push(thread);
      if (reply.error !== undefined) job?.reject(new Error(reply.error));
      else job?.resolve(reply.value as never);
      this.dispatch();
    });
    thread.on('error', (error) => {
      this.busy.get(thread)?.reject(new HashingThreadError(error.message));
      this.busy.delete(thread);
    });
    thread.on('exit', () => {
      this.threads--;
      this.busy.get(thread)?.reject(new HashingThreadError('the hashing thread stopped'));
      this.busy.delete(thread);
      const at = this.idle.indexOf(thread);
      if (at >= 0) this.idle.splice(at, 1);
      this.dispatch();
    });
    return thread;
  }
}

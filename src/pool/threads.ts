// Starting one worker thread on either platform: Node `worker_threads` (through Comlink's node
// adapter) or a browser module Worker. Gives the pool one shape for both: an endpoint, a way to
// learn how the thread ended, and terminate.
import type { Endpoint } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { isNode, nodeModule } from '../platform.js';

export interface Thread {
  endpoint: Endpoint;
  /** Calls `cb` once, with a phrase saying why the thread ended ("exited with code 1", "threw Error: x"). */
  onEnd(cb: (cause: string) => void): void;
  terminate(): Promise<void>;
}


export async function spawnThread(url: string | URL): Promise<Thread> {
  if (isNode()) {
    const { Worker } = await nodeModule<typeof import('node:worker_threads')>('worker_threads');
    const w = new Worker(url);
    let ended = false;
    const cbs: ((cause: string) => void)[] = [];
    const end = (cause: string) => {
      if (ended) return;
      ended = true;
      for (const cb of cbs) cb(cause);
    };
    // NOTE: without an 'error' listener Node rethrows the worker's error in this thread.
    w.on('error', (e: unknown) => end(`threw ${describe(e)}`));
    w.on('exit', (code: number) => end(`exited with code ${code}`));
    return {
      endpoint: nodeEndpoint(w as unknown as Parameters<typeof nodeEndpoint>[0]),
      onEnd: (cb) => { cbs.push(cb); },
      terminate: async () => { await w.terminate(); },
    };
  }
  if (typeof Worker !== 'function') throw new Error('createPool: this platform has no Worker');
  const w = new Worker(url, { type: 'module' });
  const cbs: ((cause: string) => void)[] = [];
  let ended = false;
  const end = (cause: string) => {
    if (ended) return;
    ended = true;
    for (const cb of cbs) cb(cause);
  };
  w.addEventListener('error', (e) => { e.preventDefault(); end(`threw ${e.message || 'an error (the script may have failed to load)'}`); });
  return {
    endpoint: w,
    onEnd: (cb) => { cbs.push(cb); },
    terminate: async () => { w.terminate(); end('was terminated'); },
  };
}

export function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

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


/** The package's worker script relative to this module (dist/src/pool/ -> dist/src/worker.js). */
const WORKER_PATH = '../worker.js';
/**
 * The package's worker script where it lies unbundled (Node, unbundled pages). NOTE: not written as
 * `new URL(x, import.meta.url)`, which bundlers take for an asset (Vite copies the unbundled file,
 * webpack warns about the variable).
 */
const packagedWorker = (): URL => { const here = import.meta.url; return new URL(WORKER_PATH, here); };

/** What to do when the package's own worker script does not load in a browser. */
export const WORKER_URL_HINT = 'a bundle that does not rewrite `new Worker(new URL(..., import.meta.url))` (esbuild does not; Vite and '
  + "webpack do), or a page without a bundler, needs createPool({ workerUrl }): bundle 'edgegrad/worker' as an entry of its own "
  + 'and pass the URL it is served from (README: "The worker pool in a bundler")';

/**
 * Starts a worker on `url`, or on the package's worker script when `url` is undefined. In a browser
 * the default is written as the literal `new Worker(new URL('../worker.js', import.meta.url), { type:
 * 'module' })`, the form Vite and webpack recognise: they bundle the worker (with the library) as a
 * chunk of its own and put its URL there.
 */
export async function spawnThread(url: string | URL | undefined): Promise<Thread> {
  if (isNode()) {
    const { Worker } = await nodeModule<typeof import('node:worker_threads')>('worker_threads');
    const w = new Worker(url ?? packagedWorker());
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
  const w = url === undefined
    ? new Worker(new URL('../worker.js', import.meta.url), { type: 'module' })
    : new Worker(url, { type: 'module' });
  const cbs: ((cause: string) => void)[] = [];
  let ended = false;
  const end = (cause: string) => {
    if (ended) return;
    ended = true;
    for (const cb of cbs) cb(cause);
  };
  w.addEventListener('error', (e) => {
    e.preventDefault();
    if (e.message) end(`threw ${e.message}`);
    else if (url === undefined) end(`could not load the package's worker script (${packagedWorker().href}): ${WORKER_URL_HINT}`);
    else end(`threw an error loading ${String(url)} (the script may have failed to load)`);
  });
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

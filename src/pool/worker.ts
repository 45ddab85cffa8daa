// A worker's serving loop: the pool protocol through Comlink (Node worker_threads via the node
// adapter, or a browser module Worker). The worker script (src/worker.ts) imports the library,
// registers the jobs it serves (jobs.ts), then calls serve().
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { buffersOf, createHandlers } from './handlers.js';
import { type Fault, READY, type WorkerApi } from './protocol.js';
import { isNode } from '../platform.js';

async function endpoint(): Promise<Comlink.Endpoint & { postMessage(m: unknown): void }> {
  if (isNode()) {
    const spec = 'node:worker_threads';
    const { parentPort } = (await import(/* @vite-ignore */ /* webpackIgnore: true */ spec)) as typeof import('node:worker_threads');
    if (!parentPort) throw new Error('edgegrad pool worker: started outside a worker thread');
    return nodeEndpoint(parentPort as unknown as Parameters<typeof nodeEndpoint>[0]);
  }
  return globalThis as unknown as Comlink.Endpoint & { postMessage(m: unknown): void };
}

function fault(f: Fault): Promise<void> {
  switch (f.kind) {
    case 'throw': return Promise.reject(new Error(f.message));
    case 'exit':
      if (isNode()) process.exit(f.code);
      (globalThis as unknown as { close(): void }).close();
      return new Promise(() => {});
    case 'uncaught':
      setTimeout(() => { throw new Error(f.message); });
      return new Promise(() => {});
    case 'sleep':
      // Blocks this thread (as a runaway kernel would), so it answers nothing until it wakes.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, f.ms);
      return Promise.resolve();
  }
}

/** Serves the protocol in this worker thread and posts READY once calls can no longer be lost. */
export async function serve(): Promise<void> {
  const handlers = createHandlers() as unknown as Record<string, (...a: unknown[]) => unknown>;
  const api: Record<string, (...a: unknown[]) => Promise<unknown>> = { fault: (f) => fault(f as Fault) };
  for (const k of Object.keys(handlers)) {
    // Replies give their buffers away instead of copying them.
    api[k] = async (...a) => {
      const r = await handlers[k](...a);
      return r !== null && typeof r === 'object' ? Comlink.transfer(r, buffersOf(r)) : r;
    };
  }
  const ep = await endpoint();
  Comlink.expose(api satisfies Record<keyof WorkerApi, unknown>, ep);
  ep.postMessage(READY);
}

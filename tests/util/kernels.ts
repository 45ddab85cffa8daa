// Which kernels a piece of code runs: engine.runKernel wrapped for the call, restored after it.
import { engine } from '../../src/engine.js';

/** The kernels `fn` runs: how many calls of engine.runKernel each name got. */
export async function kernelsOf(fn: () => Promise<unknown> | unknown): Promise<Map<string, number>> {
  const ran = new Map<string, number>();
  const { runKernel } = engine;
  engine.runKernel = function (this: typeof engine, name, ...rest) {
    ran.set(name, (ran.get(name) ?? 0) + 1);
    return runKernel.call(this, name, ...rest);
  } as typeof engine.runKernel;
  try { await fn(); } finally { engine.runKernel = runKernel; }
  return ran;
}

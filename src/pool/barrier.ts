// A barrier for workers that run several steps among themselves on one shared memory: an Int32
// control block [arrived, generation, aborted, ...] that the caller allocates and every worker
// reads by address. Any worker (or the caller) can abort a run; the others leave with STOPPED.

/** Control block words; HEADER is its size before the caller's own words (e.g. gradient addresses). */
const ARRIVED = 0, GENERATION = 1, ABORTED = 2;
export const HEADER = 3;

const header = (memory: WebAssembly.Memory, sync: number) => new Int32Array(memory.buffer, sync, HEADER);

/** Opens a run: nobody has arrived, nobody has failed. */
export function startRun(memory: WebAssembly.Memory, sync: number): void {
  const ctl = header(memory, sync);
  Atomics.store(ctl, ARRIVED, 0);
  Atomics.store(ctl, ABORTED, 0);
}

/** Marks the run failed and wakes every worker waiting at its barrier, so each leaves with STOPPED. */
export function abortRun(memory: WebAssembly.Memory, sync: number): void {
  const ctl = header(memory, sync);
  Atomics.store(ctl, ABORTED, 1);
  Atomics.notify(ctl, GENERATION);
}
/** What a worker says when it leaves a run because another one failed (the caller reports that one). */
export const STOPPED = 'stopped: another worker of the run failed';
/** How long a worker spins at a barrier before it sleeps (ms): it keeps its core between steps. */
const SPIN_MS = 0.5;

/**
 * Waits until all `n` workers have called this for the current generation (the last to arrive
 * opens it). Throws when another worker aborted the run or `deadline` passes.
 */
export function barrier(memory: WebAssembly.Memory, sync: number, n: number, deadline: number): void {
  const ctl = header(memory, sync);
  const gen = Atomics.load(ctl, GENERATION);
  if (Atomics.add(ctl, ARRIVED, 1) + 1 === n) {
    Atomics.store(ctl, ARRIVED, 0);
    Atomics.add(ctl, GENERATION, 1);
    Atomics.notify(ctl, GENERATION);
    return;
  }
  const spinUntil = performance.now() + SPIN_MS;
  while (Atomics.load(ctl, GENERATION) === gen) {
    if (Atomics.load(ctl, ABORTED) !== 0) throw new Error(STOPPED);
    const now = performance.now();
    if (now < spinUntil) continue;
    if (now > deadline) throw new Error(`other workers did not reach the step's barrier within the timeout`);
    // NOTE: a short wait, so the abort flag is seen even if nobody notifies.
    Atomics.wait(ctl, GENERATION, gen, Math.min(50, deadline - now));
  }
}

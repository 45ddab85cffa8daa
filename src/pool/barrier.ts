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
/** The longest a worker spins at a barrier before it sleeps (ms): it keeps its core between steps. */
export const SPIN_MS = 0.5;
/**
 * The part of the work since its last barrier that a worker may spend spinning at the next one
 * (Pacer): a spin burns a core that another thread (the other worker, on a busy machine) may need,
 * so short steps spin little and a barrier costs at most this share in spinning.
 */
export const SPIN_SHARE = 0.05;

/**
 * Waits until all `n` workers have called this for the current generation (the last to arrive
 * opens it), spinning up to `spinMs` before it sleeps (Atomics.wait). Throws when another worker
 * aborted the run or `deadline` passes. Returns how many times it slept (0: it arrived last, or the
 * others arrived while it spun).
 */
export function barrier(memory: WebAssembly.Memory, sync: number, n: number, deadline: number, spinMs = SPIN_MS): number {
  const ctl = header(memory, sync);
  const gen = Atomics.load(ctl, GENERATION);
  if (Atomics.add(ctl, ARRIVED, 1) + 1 === n) {
    Atomics.store(ctl, ARRIVED, 0);
    Atomics.add(ctl, GENERATION, 1);
    Atomics.notify(ctl, GENERATION);
    return 0;
  }
  const spinUntil = performance.now() + spinMs;
  let sleeps = 0;
  while (Atomics.load(ctl, GENERATION) === gen) {
    if (Atomics.load(ctl, ABORTED) !== 0) throw new Error(STOPPED);
    const now = performance.now();
    if (now < spinUntil) continue;
    if (now > deadline) throw new Error(`other workers did not reach the step's barrier within the timeout`);
    // NOTE: a short wait, so the abort flag is seen even if nobody notifies.
    if (Atomics.wait(ctl, GENERATION, gen, Math.min(50, deadline - now)) !== 'not-equal') sleeps++;
  }
  return sleeps;
}

/**
 * One worker's barriers of a run, each spinning at most SPIN_SHARE of the time the worker worked
 * since it left the last one (and at most SPIN_MS).
 */
export class Pacer {
  private left = performance.now();
  /** Barriers at which this worker slept (bench/pool-profile.ts). */
  sleeps = 0;
  constructor(private readonly memory: WebAssembly.Memory, private readonly sync: number, private readonly n: number) {}

  meet(deadline: number): void {
    const now = performance.now();
    if (barrier(this.memory, this.sync, this.n, deadline, Math.min(SPIN_MS, SPIN_SHARE * (now - this.left))) > 0) this.sleeps++;
    this.left = performance.now();
  }
}

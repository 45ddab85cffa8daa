// The job registry: modules above the pool add work its workers serve (model/parallel: the model's
// replica) without the pool importing them. A module declares its jobs in protocol.ts's `Jobs` (by
// declaration merging) and registers a maker of their handlers; every handler set (a worker's, or an
// in-thread pool's) makes its own, so state such as a worker's models is per worker.
import type { Tensor } from '../tensor.js';
import type { JobArgs, JobName, JobReply, TensorRef } from './protocol.js';

/** What a job's handlers get from the worker that runs them. */
export interface JobContext {
  /** The handlers run in the caller's own thread (`createPool({ workers: 0 })`). */
  readonly inThread: boolean;
  /** Shared mode: keeps `t` for the caller, who reads it by address until it calls `release`. */
  hold(t: Tensor): TensorRef;
}

/** Handlers of some jobs, by name, typed by `Jobs`. */
export type JobHandlers = { [K in JobName]?: (...args: JobArgs<K>) => JobReply<K> | Promise<JobReply<K>> };

const makers: ((ctx: JobContext) => JobHandlers)[] = [];

/** Adds jobs to every worker started after this call in this thread, and to in-thread pools. Once per maker. */
export function registerJobs(make: (ctx: JobContext) => JobHandlers): void {
  if (!makers.includes(make)) makers.push(make);
}

/** @internal The registered makers (a handler set makes the ones it has not made yet on first use). */
export function jobMakers(): readonly ((ctx: JobContext) => JobHandlers)[] {
  return makers;
}

// Data-parallel work on models over the pool's workers, loaded on first use (eg.createPool, fit with
// `workers` or `pool`): the replica jobs (replica.ts), pool.predict (client.ts), data-parallel fit
// (train.ts). The pool below (src/pool/) imports none of it.

// NOTE: the library through its entry, as pool.ts does, so this lazy chunk does not split the app's.
import '../../core.js';
import { createPool as startPool, type Pool, type PoolOptions } from '../../pool/pool.js';
import { enableModelJobs } from './client.js';
export { fitDataParallel, fitOnPool } from './train.js';

/** eg.createPool: a pool whose workers (and in-thread handlers) serve the model's jobs. */
export function createPool(opts?: PoolOptions): Promise<Pool> {
  enableModelJobs();
  return startPool(opts);
}

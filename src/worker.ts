// The pool's worker script (the package's `edgegrad/worker`; createPool loads it by URL): the
// library, the jobs of the model's replica (model/parallel/replica.ts), then the protocol. A worker
// script of one's own imports this file after registering its layer classes (eg.layers.registerLayer)
// or its jobs (registerJobs).
import './index.js';
import { registerReplicaJobs } from './model/parallel/replica.js';
import { serve } from './pool/worker.js';

registerReplicaJobs();
// NOTE: no top-level await: Vite bundles workers as classic scripts (IIFE) by default, which cannot
// have one. A failure to start is thrown outside the promise, so the pool sees the worker's error.
serve().catch((e: unknown) => setTimeout(() => { throw e; }));

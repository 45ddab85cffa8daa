// The pool's worker script (the package's `edgegrad/worker`; createPool loads it by URL): the
// library, the jobs of the model's replica (model/parallel/replica.ts), then the protocol. A worker
// script of one's own imports this file after registering its layer classes (eg.layers.registerLayer)
// or its jobs (registerJobs).
import './core.js';
import { modelLayers } from './model/topology.js';
import { modelFromConfig } from './onnx/index.js';
import { registerReplicaJobs } from './model/parallel/replica.js';
import { serve } from './pool/worker.js';

// The library without index.ts' lazily loaded importers (core.ts): Vite's default worker build (IIFE)
// cannot split a dynamic import out, so the worker takes the ONNX graph builder (models imported with
// eg.loadOnnx, sent to the pool) as a static import instead.
modelLayers.set('OnnxGraph', async () => modelFromConfig);
registerReplicaJobs();
// NOTE: no top-level await: Vite bundles workers as classic scripts (IIFE) by default, which cannot
// have one. A failure to start is thrown outside the promise, so the pool sees the worker's error.
serve().catch((e: unknown) => setTimeout(() => { throw e; }));

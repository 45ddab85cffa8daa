// edgegrad's public entry: setup, tensors, ops, autograd and losses (see ../shared/API.md).
import { engine, type InitOptions } from './engine.js';
import type { BackendName } from './backends/backend.js';
import type { Tensor } from './tensor.js';
import './ops/methods.js';
import './autograd/gradients.js';
import { detectWasmFeatures } from '../bindings/loader.js';
import * as lossOps from './ops/losses.js';

export { Tensor, Variable, type NestedArray } from './tensor.js';
export type { DType, TypedArray } from './kernels.js';
export type { InitOptions } from './engine.js';
export type { Backend, BackendName } from './backends/backend.js';
export * from './ops/creation.js';
export * from './ops/elementwise.js';
export * from './ops/reduce.js';
export * from './ops/shape.js';
export * from './ops/linalg.js';
export * from './ops/nn.js';
export { variable, valueAndGrads, valueAndGrad, grad } from './autograd/index.js';

export const losses = {
  meanSquaredError: lossOps.meanSquaredError,
  binaryCrossentropy: lossOps.binaryCrossentropy,
  categoricalCrossentropy: lossOps.categoricalCrossentropy,
  softmaxCrossEntropy: lossOps.softmaxCrossEntropy,
  sparseSoftmaxCrossEntropy: lossOps.sparseSoftmaxCrossEntropy,
};

let cores = 1;

/** Starts (or switches to) a backend: 'auto' (default), 'wasm', 'webgpu' or 'js'. */
export async function init(opts: InitOptions = {}): Promise<void> {
  cores = await countCores();
  await engine.init(opts);
}

/** The active backend's name. */
export function backend(): BackendName {
  return engine.requireBackend('backend').name;
}

export interface Features {
  simd: boolean;
  relaxedSimd: boolean;
  webgpu: boolean;
  sharedMemory: boolean;
  threads: number;
  /** The WASM build in use when the wasm backend is active. */
  wasmBuild?: string;
}

/** What this platform offers edgegrad. */
export function features(): Features {
  const w = detectWasmFeatures();
  const f: Features = {
    simd: w.simd,
    relaxedSimd: w.relaxedSimd,
    webgpu: typeof navigator !== 'undefined' && !!(navigator as { gpu?: unknown }).gpu,
    sharedMemory: typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false,
    threads: cores,
  };
  const b = engine.backend;
  if (b?.name === 'wasm') f.wasmBuild = String(b.info.build);
  return f;
}

/** Live tensors and bytes on all backends, plus the active backend's own figures. */
export function memory(): { tensors: number; bytes: number; [key: string]: number } {
  const own = engine.backend ? engine.backend.memory() : {};
  return { ...own, tensors: engine.tensors, bytes: engine.bytes };
}

export function tidy<T>(fn: () => T): T { return engine.tidy(fn); }
export function keep<T extends Tensor>(t: T): T { return engine.keep(t); }
export function dispose(x: Tensor | Tensor[] | Record<string, Tensor>): void {
  for (const t of Array.isArray(x) ? x : x instanceof Object && !('dispose' in x) ? Object.values(x) : [x as Tensor]) t.dispose();
}

async function countCores(): Promise<number> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  if (typeof process !== 'undefined' && process.versions?.node) {
    // NOTE: a variable specifier keeps browser bundlers from trying to resolve 'node:os'.
    const spec = 'node:os';
    const os = (await import(/* @vite-ignore */ spec)) as typeof import('node:os');
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return 1;
}

// The library without its three importers (ONNX, int8 quantize, tfjs-layers files), which index.ts adds
// as lazily loaded parts. The pool's worker (worker.ts) and the library's own modules import this file,
// so the worker's bundle holds no dynamic import of a part that only index.ts reaches: Vite's default
// (IIFE) worker build cannot split one out (vitejs/vite#5402).
// edgegrad's public entry is index.ts: setup, tensors, ops, autograd and losses (see ../shared/API.md).
import { engine, type InitOptions } from './engine.js';
import type { BackendName } from './backends/backend.js';
import type { Tensor } from './tensor.js';
import './ops/methods.js';
import './autograd/gradients.js';
import { detectWasmFeatures } from '../bindings/features.js';
import * as lossOps from './ops/losses.js';
import { isNode, nodeModule } from './platform.js';

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
export * from './ops/conv.js';
export * from './ops/attention.js';
export * from './ops/composite.js';
export { variable, valueAndGrads, valueAndGrad, grad } from './autograd/index.js';
// The worker pool (src/pool/, with the model's jobs from src/model/parallel/): loaded on first use,
// so apps that never start one don't ship it (nor Comlink); its worker script (src/worker.ts) is
// loaded by URL, never imported here.
import type { Pool, PoolOptions } from './pool/pool.js';
export type { Pool, PoolOptions, PoolMode } from './pool/pool.js';
/** Starts a pool of workers, each running the caller's backend; resolves once all serve. */
export async function createPool(opts?: PoolOptions): Promise<Pool> {
  return (await import('./model/parallel/index.js')).createPool(opts);
}

// Training: optimizers, learning-rate schedules, regularizers, metrics.
import * as optimizerFns from './optimizers/optimizers.js';
import * as scheduleFns from './optimizers/schedules.js';
import * as regularizerFns from './optimizers/regularizers.js';
import * as metricFns from './ops/metrics.js';
export type { Optimizer, Regularizer, Schedule } from './optimizers/optimizer.js';
export type { OptimizerOptions, SgdOptions, AdamOptions, RmspropOptions, AdagradOptions, OptimizerSpec, OptimizerName } from './optimizers/optimizers.js';
export type { ConfiguredSchedule, ScheduleConfig } from './optimizers/schedules.js';
export type { MetricOptions, AveragedMetricOptions, MetricFn, MetricName } from './ops/metrics.js';
export const optimizers = {
  sgd: optimizerFns.sgd, adam: optimizerFns.adam, adamw: optimizerFns.adamw, rmsprop: optimizerFns.rmsprop,
  adagrad: optimizerFns.adagrad, get: optimizerFns.get, fromConfig: optimizerFns.fromConfig,
};
export const schedules = {
  stepDecay: scheduleFns.stepDecay, exponentialDecay: scheduleFns.exponentialDecay,
  cosineDecay: scheduleFns.cosineDecay, fromConfig: scheduleFns.fromConfig,
};
export const regularizers = {
  l1: regularizerFns.l1, l2: regularizerFns.l2, l1l2: regularizerFns.l1l2,
  get: regularizerFns.get, fromConfig: regularizerFns.fromConfig,
};
export const metrics = {
  accuracy: metricFns.accuracy, precision: metricFns.precision, recall: metricFns.recall, f1: metricFns.f1,
  auc: metricFns.auc, confusionMatrix: metricFns.confusionMatrix, get: metricFns.get, compute: metricFns.compute,
};

// Models: layers, sequential models (compile/fit/evaluate/predict), save/load (src/layers, src/model, src/io).
export { layers, Layer, SymbolicTensor, InputLayer, input } from './layers/index.js';
export type * from './layers/index.js';
export { sequential, Sequential, model, Model, loadModel, earlyStopping, textProgress } from './model/index.js';
export type { TfjsArtifacts } from './model/index.js';
export type { FitDatasetArgs, FitDatasetSource, BatchWeights, TrainOnBatchArgs, TextProgressOptions, TrainingParams } from './model/index.js';
// Data pipelines (src/data/dataset.ts): eg.data.array / slices / generator / fromIterable / zip, and Dataset's stages.
export { data, Dataset } from './data/dataset.js';
export type { CompileArgs, FitArgs, EvaluateArgs, PredictArgs, History, Callbacks, EarlyStoppingArgs, Logs, LossName, LossSpec, ModelArgs, Data, PerOutput } from './model/index.js';
export type { NamedTensor, Safetensors } from './io/safetensors.js';
export { io } from './io/index.js';
export type { QuantizeOptions } from './model/quantize.js';
export { qmatmul, qpack, int8Levels, type QmatmulOptions } from './ops/quant.js';

// Transformers: sampling and generation with a KV cache; tokenizers (src/model/generate.ts, src/text/).
export { sample, generate, type SampleOptions, type GenerateOptions } from './model/generate.js';
export { text, CharTokenizer, WordTokenizer, SubwordHasher, NEGATED, type TokenizerJSON, type WordTokenizerOptions, type SubwordHasherOptions } from './text/tokenizers.js';

export const losses = {
  meanSquaredError: lossOps.meanSquaredError,
  binaryCrossentropy: lossOps.binaryCrossentropy,
  categoricalCrossentropy: lossOps.categoricalCrossentropy,
  softmaxCrossEntropy: lossOps.softmaxCrossEntropy,
  sparseSoftmaxCrossEntropy: lossOps.sparseSoftmaxCrossEntropy,
  meanAbsoluteError: lossOps.meanAbsoluteError,
  huber: lossOps.huber,
  hinge: lossOps.hinge,
  cosineSimilarity: lossOps.cosineSimilarity,
};

let cores = 1;

/** Starts (or switches to) a backend: 'auto' (default), 'wasm', 'webgpu' or 'js'. */
export async function init(opts: InitOptions | BackendName | 'auto' = {}): Promise<void> {
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
  /** SharedArrayBuffer exists here (Node; browser pages that are cross-origin isolated). */
  sharedMemory: boolean;
  /**
   * How a worker pool created now moves data: 'shared' when the wasm backend runs on a shared
   * WebAssembly.Memory (workers read and write tensors in place), else 'transfer' (copies).
   */
  poolMemory: 'shared' | 'transfer';
  threads: number;
  /** The WASM build in use when the wasm backend is active. */
  wasmBuild?: string;
  /** The WebGPU adapter init found, and whether it is a software fallback (SwiftShader, llvmpipe). */
  webgpuAdapter?: string;
  webgpuFallback?: boolean;
  /**
   * How the active backend runs int8 layers (eg.quantize): 'relaxed' (wasm, relaxed dot, only after
   * its run-time probe agreed; activations in 7 bits), 'simd' (wasm, i32x4.dot_i16x8_s), 'js' (the
   * reference), 'webgpu' (int8 weights kept int8 on the device, WGSL packed dot products; the
   * activations quantised per row as the reference does). 'widened' (int8 weights widened to
   * float32 once) is what a backend without the int8 kernels would report; none does today.
   */
  int8?: 'relaxed' | 'simd' | 'js' | 'webgpu' | 'widened';
  /**
   * wasm's relaxed build: which form of the relaxed dot the probe found exact ('fused', or the i16
   * dot + extadd, or none), and how the engine read its 7-bit operand with the top bit set.
   */
  relaxedDot?: string;
  /** wasm: the GEMM register tile (rows x columns) this backend runs, and how it was chosen (timed at start, or requested). */
  gemmTile?: string;
  gemmTileChoice?: string;
}

/** What this platform offers edgegrad. */
export function features(): Features {
  const w = detectWasmFeatures();
  const f: Features = {
    simd: w.simd,
    relaxedSimd: w.relaxedSimd,
    // an adapter found by init (webgpu or 'auto'); before any probe, whether the browser has WebGPU
    webgpu: engine.webgpu !== undefined ? engine.webgpu !== null
      : typeof navigator !== 'undefined' && !!(navigator as { gpu?: unknown }).gpu,
    sharedMemory: typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false,
    poolMemory: engine.backend?.name === 'wasm' && engine.backend.info.sharedMemory === true ? 'shared' : 'transfer',
    threads: cores,
  };
  const b = engine.backend;
  if (b?.name === 'wasm') {
    f.wasmBuild = String(b.info.build);
    f.int8 = b.info.int8 === 'relaxed' ? 'relaxed' : 'simd';
    f.gemmTile = String(b.info.gemmTile);
    f.gemmTileChoice = String(b.info.gemmTileChoice);
    if (b.info.build === 'relaxed') f.relaxedDot = `${String(b.info.relaxedDotForm)}; top bit: ${String(b.info.relaxedDotTopBit)}`;
  } else if (b) {
    f.int8 = b.kernels.qmatmul === undefined ? 'widened' : b.name === 'js' ? 'js' : 'webgpu';
  }
  if (engine.webgpu) { f.webgpuAdapter = engine.webgpu.name; f.webgpuFallback = engine.webgpu.fallback; }
  return f;
}

/**
 * Live tensors and bytes on all backends, the bytes of compiled steps' plans (planBytes), the
 * tensors freed by the safety net since start (collected: dropped without dispose(), so leaks),
 * plus the active backend's own figures. NOTE: `tensors + collected` changes only when a tensor is
 * made or disposed, not when V8 happens to collect one: leak checks across an await compare it.
 */
export function memory(): { tensors: number; bytes: number; collected: number; [key: string]: number } {
  const own = engine.backend ? engine.backend.memory() : {};
  return { ...own, tensors: engine.tensors, bytes: engine.bytes, planBytes: engine.planBytes, collected: engine.collected };
}

export function tidy<T>(fn: () => T): T { return engine.tidy(fn); }
export function keep<T extends Tensor>(t: T): T { return engine.keep(t); }
export function dispose(x: Tensor | Tensor[] | Record<string, Tensor>): void {
  for (const t of Array.isArray(x) ? x : x instanceof Object && !('dispose' in x) ? Object.values(x) : [x as Tensor]) t.dispose();
}

async function countCores(): Promise<number> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  if (isNode()) {
    const os = await nodeModule<typeof import('node:os')>('os');
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return 1;
}

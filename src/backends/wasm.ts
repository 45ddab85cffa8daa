// The wasm backend: tensors live in one WebAssembly.Memory owned by the arena; every kernel runs in
// the AssemblyScript SIMD module. TypeScript here only does shapes, strides and allocation.
import type { Backend, BackendMemory } from './backend.js';
import {
  type DType, type KernelTable, type TensorInfo, type TypedArray,
  UNARY, BINARY, UNARY_GRAD, COMPARISONS, sizeOf, stridesOf, padLayout, concatLayout,
  AllocationError, checkAllocation, formatBytes,
} from '../kernels.js';
import { Arena } from '../../bindings/arena.js';
import { GemmActivation, ParamsLayout, type WasmKernels } from '../../bindings/abi.js';
import { loadKernels, memoryMaxBytes, type WasmBuild } from '../../bindings/loader.js';

/** A tensor's storage: a 16-byte aligned block of the memory (ptr 0, bytes 0 when empty). */
export interface WasmBuf {
  readonly ptr: number;
  readonly bytes: number;
  /** Another thread's block (shared memory): read and written here, never freed here. */
  readonly borrowed?: true;
}

export interface WasmBackendOptions {
  build?: 'auto' | WasmBuild;
  enableRelaxedSimdFlag?: boolean;
  /** Link a shared memory (default: where SharedArrayBuffer exists). */
  shared?: boolean;
  /**
   * A pool worker: the caller's shared memory and compiled module, and the range the caller's arena
   * ceded for this thread's arena to start in (it grows the memory for more).
   */
  attach?: { memory: WebAssembly.Memory; module: WebAssembly.Module; region?: [number, number] };
}

/** One GEMM on raw pointers: C = op(A)·op(B), C [M, N] with row strides lda/ldb/ldc (elements). */
export interface RawGemm {
  a: number; b: number; c: number;
  M: number; N: number; K: number;
  lda: number; ldb: number; ldc: number;
  transposeA: boolean; transposeB: boolean;
}

/** What the worker pool needs of a wasm backend whose memory is shared (`backend.shared`). */
export interface WasmSharedMemory {
  readonly memory: WebAssembly.Memory;
  readonly module: WebAssembly.Module;
  readonly build: WasmBuild;
  /** A buffer over `bytes` bytes at `ptr` that another thread's arena owns. */
  borrow(ptr: number, bytes: number): WasmBuf;
  gemm(g: RawGemm): void;
  /** The byte ranges this thread's arena grew (a worker reports them before it ends). */
  regions(): [number, number][];
  /** Takes over ranges a thread that has ended owned (see Arena.adopt). */
  adopt(regions: [number, number][]): void;
  /** A range of at least `bytes` for a new worker's arena to start in (see Arena.cede). */
  cede(bytes: number): [number, number];
}

export type WasmBackend = Backend<WasmBuf> & { readonly shared?: WasmSharedMemory };

type Info = TensorInfo<WasmBuf>;
type Impl = (inputs: readonly Info[], attrs: any) => Info | Info[];

const EMPTY: WasmBuf = Object.freeze({ ptr: 0, bytes: 0 });
const MAX_RANK = ParamsLayout.maxRank;

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Shape and per-dim element strides of an N-d walk, with size-1 dims dropped and contiguous runs merged. */
function collapse(shape: readonly number[], sa: readonly number[], sb: readonly number[]): [number[], number[], number[]] {
  const S: number[] = [], A: number[] = [], B: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const k = S.length - 1;
    if (k >= 0 && A[k] === sa[d] * shape[d] && B[k] === sb[d] * shape[d]) {
      S[k] *= shape[d]; A[k] = sa[d]; B[k] = sb[d];
    } else {
      S.push(shape[d]); A.push(sa[d]); B.push(sb[d]);
    }
  }
  if (S.length === 0) return [[1], [0], [0]];
  return [S, A, B];
}

// Bit-level views for float32 rounding and patterns.
const f32Box = new Float32Array(1);
const u32Box = new Uint32Array(f32Box.buffer);
const i32Box = new Int32Array(f32Box.buffer);

/** The float32 next to `f` toward +Infinity (up) or -Infinity. */
function nextF32(f: number, up: boolean): number {
  f32Box[0] = f;
  if (f === 0) u32Box[0] = up ? 1 : 0x80000001;
  else if ((f > 0) === up) u32Box[0]++;
  else u32Box[0]--;
  return f32Box[0];
}

/** The smallest float32 >= v (so `x >= v` and `x >= it` agree for every float32 x). */
function f32AtLeast(v: number): number {
  const f = Math.fround(v);
  return f >= v || Number.isNaN(v) ? f : nextF32(f, true);
}

function f32AtMost(v: number): number {
  const f = Math.fround(v);
  return f <= v || Number.isNaN(v) ? f : nextF32(f, false);
}

export async function createWasmBackend(opts: WasmBackendOptions = {}): Promise<WasmBackend> {
  const { build, shared, kernels: K, memory, module, heapBase } = await loadKernels({
    build: opts.build, enableRelaxedSimdFlag: opts.enableRelaxedSimdFlag,
    shared: opts.attach ? true : opts.shared, memory: opts.attach?.memory, module: opts.attach?.module,
  });
  const arena = new Arena(memory, heapBase, { claimOnly: opts.attach !== undefined, region: opts.attach?.region });
  let liveBytes = 0;

  // NOTE: what lies below heapBase (the module's static data) is never the arena's.
  const maxBytes = memoryMaxBytes(memory) - heapBase;
  const alloc = (dtype: DType, size: number): WasmBuf => {
    const bytes = checkAllocation('wasm', dtype, size, 4, maxBytes);
    if (size === 0) return EMPTY;
    let ptr: number;
    try {
      ptr = arena.alloc(bytes);
    } catch (e) {
      throw new AllocationError(`wasm: out of memory: cannot allocate ${size} ${dtype} elements (${formatBytes(bytes)}); `
        + `the memory has ${formatBytes(memory.buffer.byteLength)} of at most ${formatBytes(memoryMaxBytes(memory))}, `
        + `${formatBytes(liveBytes)} of it in live tensors (${(e as Error).message})`);
    }
    liveBytes += bytes;
    return { ptr, bytes };
  };
  const out = (shape: readonly number[], dtype: DType): Info => ({ shape: [...shape], dtype, buf: alloc(dtype, sizeOf(shape)) });

  /** Writes an N-d params block; `what` names the kernel for the rank error. */
  const params = (what: string, shape: readonly number[], sa: readonly number[], sb: readonly number[]): number => {
    if (shape.length > MAX_RANK) {
      throw new Error(`${what}: the wasm backend handles at most ${MAX_RANK} dims (after merging contiguous ones), got ${shape.length}`);
    }
    const p = arena.params();
    p[ParamsLayout.rank / 4] = shape.length;
    for (let d = 0; d < shape.length; d++) {
      p[ParamsLayout.shape / 4 + d] = shape[d];
      p[ParamsLayout.strideA / 4 + d] = sa[d];
      p[ParamsLayout.strideB / 4 + d] = sb[d];
    }
    return arena.paramsPtr;
  };

  /** dst[i] = src[i] over `shape` with element strides on both sides (4-byte elements). */
  const copyNd = (what: string, src: number, dst: number, shape: readonly number[], ss: readonly number[], ds: readonly number[]): void => {
    if (sizeOf(shape) === 0) return;
    const [S, A, B] = collapse(shape, ss, ds);
    K.x32_copy_nd(src, dst, params(what, S, A, B));
  };

  const k: Record<string, Impl> = {};

  for (const op of UNARY) {
    const f32 = K[`f32_${snake(op)}` as keyof WasmKernels] as (x: number, o: number, n: number, a?: number, b?: number) => void;
    const i32 = K[`i32_${snake(op)}` as keyof WasmKernels] as ((x: number, o: number, n: number) => void) | undefined;
    k[op] = ([x], attrs) => {
      const o = out(x.shape, x.dtype);
      const n = sizeOf(x.shape);
      if (n === 0) return o;
      if (x.dtype === 'int32') {
        if (!i32) throw new Error(`${op}: int32 is not supported by the wasm backend`);
        i32(x.buf.ptr, o.buf.ptr, n);
      } else if (op === 'leakyRelu') {
        f32(x.buf.ptr, o.buf.ptr, n, attrs.alpha);
      } else if (op === 'clip') {
        f32(x.buf.ptr, o.buf.ptr, n, Math.fround(attrs.min), Math.fround(attrs.max));
      } else {
        f32(x.buf.ptr, o.buf.ptr, n);
      }
      return o;
    };
  }

  for (const op of BINARY) {
    const f32 = K[`f32_${snake(op)}` as keyof WasmKernels] as (a: number, b: number, o: number, p: number) => void;
    const i32 = K[`i32_${snake(op)}` as keyof WasmKernels] as ((a: number, b: number, o: number, p: number) => void) | undefined;
    const cmp = COMPARISONS.has(op);
    k[op] = ([a, b]) => {
      const shape = a.shape.map((d, i) => (d === 0 || b.shape[i] === 0 ? 0 : d > b.shape[i] ? d : b.shape[i]));
      const o = out(shape, cmp ? 'float32' : a.dtype);
      if (sizeOf(shape) === 0) return o;
      const sa = stridesOf(a.shape).map((s, i) => (a.shape[i] === 1 ? 0 : s));
      const sb = stridesOf(b.shape).map((s, i) => (b.shape[i] === 1 ? 0 : s));
      const [S, A, B] = collapse(shape, sa, sb);
      const fn = a.dtype === 'int32' ? i32 : f32;
      if (!fn) throw new Error(`${op}: int32 is not supported by the wasm backend`);
      fn(a.buf.ptr, b.buf.ptr, o.buf.ptr, params(op, S, A, B));
      return o;
    };
  }

  for (const op of UNARY_GRAD) {
    const fn = K[`f32_${snake(op)}` as keyof WasmKernels] as (dy: number, v: number, o: number, n: number, a?: number, b?: number) => void;
    k[op] = ([dy, v], attrs) => {
      const o = out(dy.shape, 'float32');
      const n = sizeOf(dy.shape);
      if (n === 0) return o;
      if (op === 'leakyReluGrad') fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n, attrs.alpha);
      else if (op === 'clipGrad') fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n, f32AtLeast(attrs.min), f32AtMost(attrs.max));
      else fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n);
      return o;
    };
  }

  for (const op of ['sum', 'max', 'min', 'argmax', 'argmin'] as const) {
    k[op] = ([x]) => {
      const [outer, R, inner] = x.shape;
      const o = out([outer, inner], op.startsWith('arg') ? 'int32' : x.dtype);
      if (outer * inner === 0) return o;
      const fn = x.dtype === 'int32' ? K[`i32_${op}`] : K[`f32_${op}`];
      fn(x.buf.ptr, o.buf.ptr, outer, R, inner);
      return o;
    };
  }

  k.softmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, 'float32');
    if (rows * C > 0) K.f32_softmax(x.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };
  k.logSoftmax = ([x]) => {
    const [rows, C] = x.shape;
    const o = out(x.shape, 'float32');
    if (rows * C > 0) K.f32_log_softmax(x.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };
  k.softmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], 'float32');
    if (rows > 0) K.f32_softmax_cross_entropy(logits.buf.ptr, labels.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };
  k.sparseSoftmaxCrossEntropy = ([logits, labels]) => {
    const [rows, C] = logits.shape;
    const o = out([rows], 'float32');
    if (rows > 0) K.f32_sparse_softmax_cross_entropy(logits.buf.ptr, labels.buf.ptr, o.buf.ptr, rows, C);
    return o;
  };

  // The gemm kernels' scratch (packed panels): one arena block, grown on demand, never a tensor.
  let work = { ptr: 0, bytes: 0 };
  const gemmWork = (bytes: number): number => {
    if (bytes > work.bytes) {
      const ptr = arena.alloc(bytes);
      if (work.bytes > 0) arena.free(work.ptr);
      work = { ptr, bytes };
    }
    return work.ptr;
  };
  /** act(op(a) op(b) + bias) for the matmul forms; bias: pointer to N floats or 0. */
  const gemm = (a: Info, b: Info, bias: number, act: number, transposeA: boolean, transposeB: boolean): Info => {
    const [Ba, ar, ac] = a.shape;
    const [Bb, br, bc] = b.shape;
    const M = transposeA ? ac : ar, K_ = transposeA ? ar : ac, N = transposeB ? br : bc;
    // NOTE: Ba and Bb are each 1 or B, and B may be 0 (an empty batch).
    const B = Ba === 1 ? Bb : Ba;
    const o = out([B, M, N], 'float32');
    if (B * M * N === 0) return o;
    const fn = transposeA ? (transposeB ? K.f32_gemm_tt : K.f32_gemm_tn) : (transposeB ? K.f32_gemm_nt : K.f32_gemm_nn);
    const w = gemmWork(K.f32_gemm_work_bytes(M, N, K_));
    fn(a.buf.ptr, b.buf.ptr, o.buf.ptr, M, N, K_, ac, bc, N, B, Ba === 1 ? 0 : ar * ac, Bb === 1 ? 0 : br * bc, M * N, bias, act, w);
    return o;
  };
  k.matmul = ([a, b], { transposeA, transposeB }) => gemm(a, b, 0, GemmActivation.linear, transposeA, transposeB);
  k.fusedMatmul = ([a, b, bias], { transposeA, transposeB, activation }) =>
    gemm(a, b, bias ? bias.buf.ptr : 0, GemmActivation[activation as keyof typeof GemmActivation], transposeA, transposeB);

  k.transpose = ([x], { perm }) => {
    const shape = perm.map((p: number) => x.shape[p]);
    const xs = stridesOf(x.shape);
    const o = out(shape, x.dtype);
    copyNd('transpose', x.buf.ptr, o.buf.ptr, shape, perm.map((p: number) => xs[p]), stridesOf(shape));
    return o;
  };
  k.slice = ([x], { begin, size }) => {
    const xs = stridesOf(x.shape);
    const o = out(size, x.dtype);
    const base = begin.reduce((acc: number, b: number, i: number) => acc + b * xs[i], 0);
    copyNd('slice', x.buf.ptr + 4 * base, o.buf.ptr, size, xs, stridesOf(size));
    return o;
  };
  k.pad = ([x], { before, after }) => {
    const { shape, strides, offset } = padLayout(x.shape, before, after);
    const o = out(shape, x.dtype);
    const n = sizeOf(shape);
    if (n === 0) return o;
    K.x32_fill(o.buf.ptr, n, 0);
    copyNd('pad', x.buf.ptr, o.buf.ptr + 4 * offset, x.shape, stridesOf(x.shape), strides);
    return o;
  };
  k.concat = (xs, { axis }) => {
    const { shape, strides, offsets } = concatLayout(xs.map((x) => x.shape), axis);
    const o = out(shape, xs[0].dtype);
    xs.forEach((x, n) => copyNd('concat', x.buf.ptr, o.buf.ptr + 4 * offsets[n], x.shape, stridesOf(x.shape), strides));
    return o;
  };
  k.gather = ([x, idx]) => {
    const [outer, N, inner] = x.shape;
    const M = idx.shape[0];
    const o = out([outer, M, inner], x.dtype);
    if (outer * M * inner > 0) K.x32_gather(x.buf.ptr, idx.buf.ptr, o.buf.ptr, outer, N, inner, M);
    return o;
  };
  k.scatterAdd = ([dy, idx], { n }) => {
    const [outer, M, inner] = dy.shape;
    const o = out([outer, n, inner], 'float32');
    if (outer * n * inner > 0) K.f32_scatter_add(dy.buf.ptr, idx.buf.ptr, o.buf.ptr, outer, M, inner, n);
    return o;
  };
  k.oneHot = ([idx], { depth }) => {
    const n = idx.shape[0];
    const o = out([n, depth], 'float32');
    if (n * depth > 0) K.f32_one_hot(idx.buf.ptr, o.buf.ptr, n, depth);
    return o;
  };
  k.cast = ([x], { dtype }) => {
    const o = out(x.shape, dtype);
    const n = sizeOf(x.shape);
    if (n === 0) return o;
    if (x.dtype === dtype) arena.u8().copyWithin(o.buf.ptr, x.buf.ptr, x.buf.ptr + 4 * n);
    else if (dtype === 'int32') K.f32_cast_i32(x.buf.ptr, o.buf.ptr, n);
    else K.i32_cast_f32(x.buf.ptr, o.buf.ptr, n);
    return o;
  };
  k.fill = (_, { shape, dtype, value }) => {
    const o = out(shape, dtype);
    const n = sizeOf(shape);
    if (n === 0) return o;
    if (dtype === 'int32') i32Box[0] = value;
    else f32Box[0] = value;
    K.x32_fill(o.buf.ptr, n, i32Box[0]);
    return o;
  };

  // ---- optimizer updates, in place: [param, ...slots, grad] (see kernels.ts, assembly/optim.ts) --
  k.sgdUpdate = (ts, { lr, momentum, nesterov, weightDecay }) => {
    const n = sizeOf(ts[0].shape), g = ts[ts.length - 1].buf.ptr;
    if (n === 0) return [];
    if (momentum === 0) K.f32_sgd_update(ts[0].buf.ptr, g, n, lr, lr * weightDecay);
    else K.f32_sgd_momentum_update(ts[0].buf.ptr, g, ts[1].buf.ptr, n, lr, momentum, nesterov ? 1 : 0, lr * weightDecay);
    return [];
  };
  k.adamUpdate = ([p, m, v, g], { lr, beta1, beta2, epsilon, step, weightDecay }) => {
    const n = sizeOf(p.shape);
    if (n === 0) return [];
    const alpha = (lr * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
    K.f32_adam_update(p.buf.ptr, g.buf.ptr, m.buf.ptr, v.buf.ptr, n, alpha, 1 - beta1, 1 - beta2, epsilon, lr * weightDecay);
    return [];
  };
  k.rmspropUpdate = (ts, { lr, rho, momentum, epsilon, centered, weightDecay }) => {
    const n = sizeOf(ts[0].shape);
    if (n === 0) return [];
    const mom = momentum > 0 ? ts[2].buf.ptr : 0, mg = centered ? ts[momentum > 0 ? 3 : 2].buf.ptr : 0;
    K.f32_rmsprop_update(ts[0].buf.ptr, ts[ts.length - 1].buf.ptr, ts[1].buf.ptr, mom, mg, n,
      lr, rho, 1 - rho, momentum, epsilon, lr * weightDecay);
    return [];
  };
  k.adagradUpdate = ([p, a, g], { lr, epsilon, weightDecay }) => {
    const n = sizeOf(p.shape);
    if (n > 0) K.f32_adagrad_update(p.buf.ptr, g.buf.ptr, a.buf.ptr, n, lr, epsilon, lr * weightDecay);
    return [];
  };

  const read = (buf: WasmBuf, dtype: DType, size: number): TypedArray => {
    if (size === 0) return dtype === 'int32' ? new Int32Array(0) : new Float32Array(0);
    if (size * 4 > buf.bytes) throw new Error(`wasm: read of ${size} elements from a buffer of ${buf.bytes / 4}`);
    // NOTE: pointers reach 2^32 (a 4 GiB memory): `ptr >> 2` is a signed 32-bit shift, negative from 2 GiB up.
    const at = buf.ptr / 4;
    return dtype === 'int32' ? arena.i32().slice(at, at + size) : arena.f32().slice(at, at + size);
  };

  return {
    name: 'wasm',
    info: { build, simd: true, relaxedSimd: build === 'relaxed', sharedMemory: shared },
    shared: shared ? {
      memory, module, build,
      borrow: (ptr, bytes) => ({ ptr, bytes, borrowed: true }),
      gemm: (g) => {
        if (g.M * g.N === 0) return;
        const fn = g.transposeA ? (g.transposeB ? K.f32_gemm_tt : K.f32_gemm_tn) : (g.transposeB ? K.f32_gemm_nt : K.f32_gemm_nn);
        fn(g.a, g.b, g.c, g.M, g.N, g.K, g.lda, g.ldb, g.ldc, 1, 0, 0, 0, 0, GemmActivation.linear, gemmWork(K.f32_gemm_work_bytes(g.M, g.N, g.K)));
      },
      regions: () => arena.regions(),
      adopt: (regions) => { for (const [a, b] of regions) arena.adopt(a, b); },
      cede: (bytes) => arena.cede(bytes),
    } : undefined,
    kernels: k as KernelTable<WasmBuf>,
    alloc,
    write(buf, values, dtype) {
      if (values.length === 0) return;
      if (values.length * 4 > buf.bytes) throw new Error(`wasm: write of ${values.length} elements into a buffer of ${buf.bytes / 4}`);
      if (dtype === 'int32') arena.i32().set(values, buf.ptr / 4);
      else arena.f32().set(values, buf.ptr / 4);
    },
    read,
    readAsync: async (buf, dtype, size) => read(buf, dtype, size),
    free(buf) {
      if (buf.bytes === 0 || buf.borrowed) return;
      arena.free(buf.ptr);
      liveBytes -= buf.bytes;
    },
    memory(): BackendMemory {
      return { bytes: liveBytes, ...arena.usage() };
    },
  };
}

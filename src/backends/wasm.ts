// The wasm backend: tensors live in one WebAssembly.Memory owned by the arena; every kernel runs in
// the AssemblyScript SIMD module. Outputs come allocated by the engine; TypeScript here only writes
// strides into the params block and calls the export bindings/exports.ts names for the kernel.
import type { Backend, BackendMemory } from './backend.js';
import {
  type KernelSet, type TensorInfo,
  UNARY, BINARY, UNARY_GRAD, REDUCE, family, sizeOf, stridesOf, broadcastStrides, collapseDims, checkRank, padLayout, concatLayout,
  type Conv2dGeometry, convOutShape, matmulDims, adamStepSize, sliceOffset, AllocationError, checkAllocation, formatBytes,
} from '../kernels.js';
import { type DType, type StorageArray, type TypedArray, bytesOf, readValues, toHalf, writeValues } from '../dtypes.js';
import { Arena } from '../../bindings/arena.js';
import { ConvParams, GemmActivation, GemmTile, type GemmTileName, ParamsLayout, type WasmKernels } from '../../bindings/abi.js';
import { WASM_EXPORTS, exportsOf } from '../../bindings/exports.js';
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
  /**
   * The GEMM register tile: 'auto' (default) times each tile's kernel at start (probeGemmTile) and
   * keeps the fastest; a name runs that tile (tests, benches, and pool workers, which take their
   * caller's so that every thread runs the same code).
   */
  gemmTile?: 'auto' | GemmTileName;
}

/** The GEMM register tiles, rows x columns (see assembly/gemm.ts). */
export const GEMM_TILES = Object.keys(GemmTile) as GemmTileName[];

/**
 * The default tile, kept unless another times TILE_MARGIN faster at start. NOTE: the probe times
 * full tiles only; at the edges of power-of-two shapes 3x12 runs narrower tiles than 4x8 (measured
 * on an AMD EPYC: equal kernels, 3x12 up to 10% slower on the MLP shapes), so it must win clearly.
 */
const DEFAULT_TILE: GemmTileName = '4x8';
const TILE_MARGIN = 1.1;

export interface GemmTileProbe {
  tile: GemmTileName;
  /** The best GFLOP/s each tile's register kernel reached. */
  gflops: Record<GemmTileName, number>;
  /** Milliseconds the probe took. */
  ms: number;
  /** The probe ran past its budget (a busy machine: the engine's optimizing compile waits) and kept the default. */
  cut: boolean;
}

/** The most milliseconds the probe may take before it gives up and keeps the default tile. */
const PROBE_BUDGET_MS = 30;

/**
 * Times each register tile's kernel (f32_gemm_tile_probe: kc steps over packed A and B that stay
 * in L1) in alternating rounds and picks the fastest, the default unless another is TILE_MARGIN
 * faster. Untimed calls first, until a tile's calls stop getting faster, let the engine compile it
 * with its optimizing tier (V8 starts wasm in a baseline compiler); each timed call lasts about
 * 0.2 ms, the order of the tiles alternating between rounds. Past PROBE_BUDGET_MS it stops and
 * keeps the default.
 */
export function probeGemmTile(K: WasmKernels, arena: Arena, rounds = 6): GemmTileProbe {
  const t0 = performance.now();
  const kc = 128, geometry: Record<GemmTileName, number> = { '4x8': 32, '4x16': 64, '3x12': 36 };
  const work = arena.alloc(K.f32_gemm_tile_probe_bytes(kc));
  const gflops = { '4x8': 0, '4x16': 0, '3x12': 0 } as Record<GemmTileName, number>;
  let cut = false;
  const late = () => (cut ||= performance.now() - t0 > PROBE_BUDGET_MS);
  try {
    for (const t of GEMM_TILES) {
      let first = 0, prev = Infinity;
      for (let i = 0; i < 16; i++) {
        const a = performance.now();
        K.f32_gemm_tile_probe(GemmTile[t], work, kc, 64);
        const ms = performance.now() - a;
        if (i === 0) first = ms;
        else if (ms < 0.6 * first && ms > 0.9 * prev) break; // tiered up and steady
        prev = ms;
        if (late()) break;
      }
    }
    // reps for about 0.2 ms of the default tile at its speed after the warm-up.
    const s = performance.now();
    K.f32_gemm_tile_probe(GemmTile[DEFAULT_TILE], work, kc, 256);
    const perRep = Math.max((performance.now() - s) / 256, 1e-6);
    const reps = Math.min(4096, Math.max(64, Math.round(0.2 / perRep)));
    for (let r = 0; r < rounds && !late(); r++) {
      for (const t of r % 2 ? [...GEMM_TILES].reverse() : GEMM_TILES) {
        const a = performance.now();
        K.f32_gemm_tile_probe(GemmTile[t], work, kc, reps);
        const ms = performance.now() - a;
        if (ms > 0) gflops[t] = Math.max(gflops[t], (2 * geometry[t] * kc * reps) / (ms * 1e6));
      }
    }
  } finally {
    arena.free(work);
  }
  let tile = DEFAULT_TILE;
  if (!cut) for (const t of GEMM_TILES) if (gflops[t] > gflops[tile] * TILE_MARGIN && gflops[t] > gflops[DEFAULT_TILE] * TILE_MARGIN) tile = t;
  return { tile, gflops, ms: performance.now() - t0, cut };
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
  /** The GEMM register tile this thread runs (workers run the same). */
  readonly gemmTile: GemmTileName;
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

const EMPTY: WasmBuf = Object.freeze({ ptr: 0, bytes: 0 });

/** The kernels the wasm backend does not implement (none). */
export const WASM_UNSUPPORTED = [] as const;

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

  // The GEMM register tile: named, or timed here (this instance's every GEMM, conv and packed panel uses it).
  const tileOpt = opts.gemmTile ?? 'auto';
  if (tileOpt !== 'auto' && !(tileOpt in GemmTile)) {
    throw new Error(`wasm: unknown gemmTile '${String(tileOpt)}'; expected 'auto', ${GEMM_TILES.map((t) => `'${t}'`).join(', ')}`);
  }
  const tileProbe = tileOpt === 'auto' ? probeGemmTile(K, arena) : null;
  const gemmTile: GemmTileName = tileProbe ? tileProbe.tile : tileOpt as GemmTileName;
  if (!K.f32_gemm_set_tile(GemmTile[gemmTile])) throw new Error(`wasm: the module refused gemm tile '${gemmTile}'`);

  // NOTE: what lies below heapBase (the module's static data) is never the arena's.
  const maxBytes = memoryMaxBytes(memory) - heapBase;
  // The packed-weight cache: a B operand seen again at the same storage version (no in-place write
  // since, see Storage.version) keeps its panels packed whole in an arena block, one per operand
  // form (B stored [K, N] or [N, K]) and shape. The first sighting only records the version, so operands used
  // once (activations, a weight between two optimizer steps) cost a map entry, never a copy. A stale
  // entry is dropped at its next use; free() drops a buffer's entries; borrowed buffers (another
  // thread's, written without this thread's versions) are never cached.
  // The conv filter cache (packedBy[2]) works the same way for a conv2d filter, keyed also on the
  // forward path's packed form (`form`: the bytes f32_conv_packed_bytes gives and the filter's shape).
  interface Packed { version: number; N: number; K: number; ptr: number; bytes: number; form?: string }
  const packedBy = [new Map<WasmBuf, Packed>(), new Map<WasmBuf, Packed>(), new Map<WasmBuf, Packed>()];
  let packedBytes = 0, packedCount = 0;
  const dropPacked = (e: Packed): void => {
    if (e.bytes === 0) return;
    arena.free(e.ptr);
    packedBytes -= e.bytes;
    packedCount--;
    e.bytes = 0;
    e.ptr = 0;
  };
  /** Frees every cached panel set (the memory is needed for tensors); whether there were any. */
  const dropAllPacked = (): boolean => {
    if (packedCount === 0) return false;
    for (const cache of packedBy) for (const e of cache.values()) dropPacked(e);
    return true;
  };
  const alloc = (dtype: DType, size: number): WasmBuf => {
    const bytes = checkAllocation('wasm', dtype, size, bytesOf(dtype), maxBytes);
    if (size === 0) return EMPTY;
    let ptr: number;
    try {
      ptr = arena.alloc(bytes);
    } catch (e) {
      // NOTE: packed panels are a cache: a tensor that does not fit takes their memory first.
      if (dropAllPacked()) return alloc(dtype, size);
      throw new AllocationError(`wasm: out of memory: cannot allocate ${size} ${dtype} elements (${formatBytes(bytes)}); `
        + `the memory has ${formatBytes(memory.buffer.byteLength)} of at most ${formatBytes(memoryMaxBytes(memory))}, `
        + `${formatBytes(liveBytes)} of it in live tensors (${(e as Error).message})`);
    }
    liveBytes += bytes;
    return { ptr, bytes };
  };
  /** A view of the memory in `dtype`'s storage elements (float16: bits). */
  const view = (dtype: DType): StorageArray => {
    switch (dtype) {
      case 'float32': return arena.f32();
      case 'int32': return arena.i32();
      case 'uint8': return arena.u8();
      case 'int8': return arena.i8();
      default: return arena.u16();
    }
  };
  /** Element index of `buf`'s first element in view(dtype). NOTE: `ptr / bytes`, never a shift (see below). */
  const at = (buf: WasmBuf, dtype: DType): number => buf.ptr / bytesOf(dtype);

  /** Writes an N-d params block (rank, shape, two stride lists); `what` names the kernel for the rank error. */
  const params = (what: string, shape: readonly number[], sa: readonly number[], sb: readonly number[]): number => {
    checkRank(what, 'wasm', shape.length);
    const p = arena.params();
    p[ParamsLayout.rank / 4] = shape.length;
    for (let d = 0; d < shape.length; d++) {
      p[ParamsLayout.shape / 4 + d] = shape[d];
      p[ParamsLayout.strideA / 4 + d] = sa[d];
      p[ParamsLayout.strideB / 4 + d] = sb[d];
    }
    return arena.paramsPtr;
  };

  /** The params block of a contiguous walk over n elements. */
  const flat = (n: number): number => {
    const p = arena.params();
    p[ParamsLayout.rank / 4] = 1;
    p[ParamsLayout.shape / 4] = n;
    p[ParamsLayout.strideA / 4] = 1;
    p[ParamsLayout.strideB / 4] = 1;
    return arena.paramsPtr;
  };

  const copy = WASM_EXPORTS.transpose.word;
  /** dst[i] = src[i] over `shape` with element strides on both sides (4-byte elements). */
  const copyNd = (what: string, src: number, dst: number, shape: readonly number[], ss: readonly number[], ds: readonly number[]): void => {
    if (sizeOf(shape) === 0) return;
    const c = collapseDims(shape, [ss, ds]);
    K[copy](src, dst, params(what, c.shape, c.strides[0], c.strides[1]));
  };

  const unsupportedDtype = (op: string, dtype: DType) => new Error(`${op}: ${dtype} is not supported by the wasm backend`);

  // The gemm kernels' scratch (packed panels): one arena block, grown on demand, never a tensor.
  let work = { ptr: 0, bytes: 0 };
  const gemmWork = (bytes: number): number => {
    if (bytes > work.bytes) {
      let ptr: number;
      try {
        ptr = arena.alloc(bytes);
      } catch (e) {
        if (!dropAllPacked()) throw e;
        ptr = arena.alloc(bytes);
      }
      if (work.bytes > 0) arena.free(work.ptr);
      work = { ptr, bytes };
    }
    return work.ptr;
  };
  const G = exportsOf(K, 'matmul');
  const gemmFn = (tA: boolean, tB: boolean) => (tA ? (tB ? G.tt : G.tn) : (tB ? G.nt : G.nn));

  /** The cached panels of b (stored [N, K] when transposeB) at `version` for this N and K, packing them on the second sighting; 0 when not cached. */
  const packedB = (b: WasmBuf, version: number, N: number, K_: number, ldb: number, transposeB: boolean): number => {
    const cache = packedBy[transposeB ? 1 : 0];
    const e = cache.get(b);
    // NOTE: N and K are part of the key: a reshaped view shares the buffer and its version.
    if (e === undefined || e.version !== version || e.N !== N || e.K !== K_) {
      if (e === undefined) cache.set(b, { version, N, K: K_, ptr: 0, bytes: 0 });
      else { dropPacked(e); e.version = version; e.N = N; e.K = K_; }
      return 0;
    }
    if (e.bytes === 0) {
      const bytes = G.packedBytes(N, K_);
      try {
        e.ptr = arena.alloc(bytes);
      } catch {
        return 0; // NOTE: no room for the panels: this call packs as usual, as it would without a cache.
      }
      e.bytes = bytes;
      packedBytes += bytes;
      packedCount++;
      G.pack(b.ptr, N, K_, ldb, transposeB ? 1 : 0, e.ptr);
    }
    return e.ptr;
  };
  const forgetPacked = (buf: WasmBuf): void => {
    for (const cache of packedBy) {
      const e = cache.get(buf);
      if (e !== undefined) { dropPacked(e); cache.delete(buf); }
    }
  };

  /** act(op(a) op(b) + bias) into o; bias: pointer to N floats or 0. */
  const gemm = (a: Info, b: Info, o: Info, bias: number, act: number, transposeA: boolean, transposeB: boolean): void => {
    const { B, M, N, K: K_, strideA, strideB, lda, ldb } = matmulDims(a.shape, b.shape, transposeA, transposeB);
    if (B * M * N === 0) return;
    const w = gemmWork(G.work(M, N, K_));
    if (b.version !== undefined && K_ > 0 && (B === 1 || strideB === 0) && !b.buf.borrowed) {
      const p = packedB(b.buf, b.version, N, K_, ldb, transposeB);
      if (p !== 0) {
        G.packed(a.buf.ptr, p, o.buf.ptr, M, N, K_, lda, N, B, strideA, M * N, bias, act, w, transposeA ? 1 : 0);
        return;
      }
    }
    gemmFn(transposeA, transposeB)(a.buf.ptr, b.buf.ptr, o.buf.ptr, M, N, K_, lda, ldb, N, B, strideA, strideB, M * N, bias, act, w);
  };

  // ---- int8: probe the relaxed dot once; take its path only where it computes the sums we rely on ----
  const Qx = exportsOf(K, 'qmatmul');
  // NOTE: the probe (and, where both forms are exact, their timing: ~10 ms) runs at the first int8
  // kernel or features() call, not at start-up: most programs never quantise. Kernels call it
  // before they fill the params block or take the GEMM scratch, which the probe also uses.
  let int8Choice: RelaxedDotChoice | undefined;
  const int8 = (): RelaxedDotChoice => int8Choice ??= probeRelaxedDot(arena, Qx.probe, (v) => int8SelfTest(arena, Qx, v), () => timeRelaxedForms(Qx, arena));

  /**
   * The conv family's params block for x [N, H, W, C], out [N, OH, OW, O] and a KH x KW window
   * (see ConvParams); its pointer. `at`: the first slot (a second block after the first: at = CONV_SLOTS).
   */
  const convParams = (x: readonly number[], out: readonly number[], kh: number, kw: number, g: Conv2dGeometry, groups: number, at = 0): number => {
    const p = arena.params().subarray(at);
    const P = ConvParams;
    [p[P.N], p[P.H], p[P.W], p[P.C]] = x;
    [, p[P.OH], p[P.OW], p[P.O]] = out;
    p[P.KH] = kh; p[P.KW] = kw;
    [p[P.strideH], p[P.strideW]] = g.strides;
    [p[P.dilationH], p[P.dilationW]] = g.dilations;
    p[P.padTop] = g.pads[0]; p[P.padLeft] = g.pads[2];
    p[P.groups] = groups;
    return arena.paramsPtr + at * 4;
  };
  const CONV_SLOTS = 16;
  /**
   * The conv filter cache: w's panels packed whole for the forward conv of params, on w's second
   * sighting at the same storage version (as packedB); 0 when not cached (the conv packs per call).
   */
  const packedFilter = (w: Info, params: number): number => {
    if (w.version === undefined || w.buf.borrowed) return 0;
    const bytes = K.f32_conv_packed_bytes(params);
    if (bytes === 0) return 0;
    const cache = packedBy[2], form = `${bytes}:${w.shape.join('x')}`;
    const e = cache.get(w.buf);
    if (e === undefined || e.version !== w.version || e.form !== form) {
      if (e === undefined) cache.set(w.buf, { version: w.version, N: 0, K: 0, ptr: 0, bytes: 0, form });
      else { dropPacked(e); e.version = w.version; e.form = form; }
      return 0;
    }
    if (e.bytes === 0) {
      try {
        e.ptr = arena.alloc(bytes);
      } catch {
        return 0; // NOTE: no room: this call packs as usual.
      }
      e.bytes = bytes;
      packedBytes += bytes;
      packedCount++;
      K.f32_conv_pack_filter(w.buf.ptr, params, e.ptr);
    }
    return e.ptr;
  };
  const CONV_WORK = { forward: 0, input: 1, filter: 2 } as const;
  const convWork = (params: number, kind: keyof typeof CONV_WORK): number => gemmWork(K.f32_conv_work_bytes(params, CONV_WORK[kind]));

  const fillWords = WASM_EXPORTS.fill.word;
  const cast = exportsOf(K, 'cast');
  const sgd = exportsOf(K, 'sgdUpdate');

  const kernels = {
    ...family(UNARY, (op) => {
      const { float32: f32, int32: i32 } = exportsOf(K, op) as { float32: (x: number, o: number, n: number, a?: number, b?: number) => void; int32?: (x: number, o: number, n: number) => void };
      return ([x]: readonly Info[], [o]: readonly Info[], attrs: { alpha?: number; min?: number; max?: number }) => {
        const n = sizeOf(x.shape);
        if (n === 0) return;
        if (x.dtype === 'int32') {
          if (!i32) throw unsupportedDtype(op, 'int32');
          i32(x.buf.ptr, o.buf.ptr, n);
        } else if (op === 'leakyRelu') {
          f32(x.buf.ptr, o.buf.ptr, n, attrs.alpha);
        } else if (op === 'clip') {
          f32(x.buf.ptr, o.buf.ptr, n, Math.fround(attrs.min!), Math.fround(attrs.max!));
        } else {
          f32(x.buf.ptr, o.buf.ptr, n);
        }
      };
    }),

    ...family(BINARY, (op) => {
      const { float32: f32, int32: i32 } = exportsOf(K, op) as { float32: (a: number, b: number, o: number, p: number) => void; int32?: (a: number, b: number, o: number, p: number) => void };
      return (inputs: readonly Info[], outputs: readonly Info[]) => {
        const a = inputs[0], b = inputs[1], o = outputs[0];
        const n = o.buf.bytes / 4;
        if (n === 0) return;
        const fn = a.dtype === 'int32' ? i32 : f32;
        if (!fn) throw unsupportedDtype(op, a.dtype);
        // NOTE: operands of the output's size need no stride work (the common case in training).
        if (a.buf.bytes === o.buf.bytes && b.buf.bytes === o.buf.bytes) { fn(a.buf.ptr, b.buf.ptr, o.buf.ptr, flat(n)); return; }
        const c = collapseDims(o.shape, [broadcastStrides(a.shape), broadcastStrides(b.shape)]);
        fn(a.buf.ptr, b.buf.ptr, o.buf.ptr, params(op, c.shape, c.strides[0], c.strides[1]));
      };
    }),

    ...family(UNARY_GRAD, (op) => {
      const fn = exportsOf(K, op).float32 as (dy: number, v: number, o: number, n: number, a?: number, b?: number) => void;
      return ([dy, v]: readonly Info[], [o]: readonly Info[], attrs: { alpha?: number; min?: number; max?: number }) => {
        const n = sizeOf(dy.shape);
        if (n === 0) return;
        if (op === 'leakyReluGrad') fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n, attrs.alpha);
        else if (op === 'clipGrad') fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n, f32AtLeast(attrs.min!), f32AtMost(attrs.max!));
        else fn(dy.buf.ptr, v.buf.ptr, o.buf.ptr, n);
      };
    }),

    ...family(REDUCE, (op) => {
      const fns = exportsOf(K, op);
      return ([x]: readonly Info[], [o]: readonly Info[]) => {
        const [outer, R, inner] = x.shape;
        if (outer * inner === 0) return;
        (x.dtype === 'int32' ? fns.int32 : fns.float32)(x.buf.ptr, o.buf.ptr, outer, R, inner);
      };
    }),

    softmax: ([x], [o]) => {
      const [rows, C] = x.shape;
      if (rows * C > 0) K[WASM_EXPORTS.softmax.float32](x.buf.ptr, o.buf.ptr, rows, C);
    },
    logSoftmax: ([x], [o]) => {
      const [rows, C] = x.shape;
      if (rows * C > 0) K[WASM_EXPORTS.logSoftmax.float32](x.buf.ptr, o.buf.ptr, rows, C);
    },
    softmaxCrossEntropy: ([logits, labels], [o]) => {
      const [rows, C] = logits.shape;
      if (rows > 0) K[WASM_EXPORTS.softmaxCrossEntropy.float32](logits.buf.ptr, labels.buf.ptr, o.buf.ptr, rows, C);
    },
    sparseSoftmaxCrossEntropy: ([logits, labels], [o]) => {
      const [rows, C] = logits.shape;
      if (rows > 0) K[WASM_EXPORTS.sparseSoftmaxCrossEntropy.float32](logits.buf.ptr, labels.buf.ptr, o.buf.ptr, rows, C);
    },

    matmul: ([a, b], [o], { transposeA, transposeB }) => gemm(a, b, o, 0, GemmActivation.linear, transposeA, transposeB),
    fusedMatmul: ([a, b, bias], [o], { transposeA, transposeB, activation }) =>
      gemm(a, b, o, bias ? bias.buf.ptr : 0, GemmActivation[activation], transposeA, transposeB),

    transpose: ([x], [o], { perm }) => {
      const xs = stridesOf(x.shape);
      copyNd('transpose', x.buf.ptr, o.buf.ptr, o.shape, perm.map((p) => xs[p]), stridesOf(o.shape));
    },
    slice: ([x], [o], { begin, size }) => {
      copyNd('slice', x.buf.ptr + bytesOf(x.dtype) * sliceOffset(x.shape, begin), o.buf.ptr, size, stridesOf(x.shape), stridesOf(size));
    },
    pad: ([x], [o], { before, after }) => {
      const { shape, strides, offset } = padLayout(x.shape, before, after);
      const n = sizeOf(shape);
      if (n === 0) return;
      K[fillWords](o.buf.ptr, n, 0);
      copyNd('pad', x.buf.ptr, o.buf.ptr + bytesOf(x.dtype) * offset, x.shape, stridesOf(x.shape), strides);
    },
    concat: (xs, [o], { axis }) => {
      const { strides, offsets } = concatLayout(xs.map((x) => x.shape), axis);
      xs.forEach((x, n) => copyNd('concat', x.buf.ptr, o.buf.ptr + bytesOf(x.dtype) * offsets[n], x.shape, stridesOf(x.shape), strides));
    },
    gather: ([x, idx], [o]) => {
      const [outer, N, inner] = x.shape;
      const M = idx.shape[0];
      if (outer * M * inner > 0) K[WASM_EXPORTS.gather.word](x.buf.ptr, idx.buf.ptr, o.buf.ptr, outer, N, inner, M);
    },
    scatterAdd: ([dy, idx], [o], { n }) => {
      const [outer, M, inner] = dy.shape;
      if (outer * n * inner > 0) K[WASM_EXPORTS.scatterAdd.float32](dy.buf.ptr, idx.buf.ptr, o.buf.ptr, outer, M, inner, n);
    },
    oneHot: ([idx], [o], { depth }) => {
      const n = idx.shape[0];
      if (n * depth > 0) K[WASM_EXPORTS.oneHot.float32](idx.buf.ptr, o.buf.ptr, n, depth);
    },
    cast: ([x], [o], { dtype }) => {
      const n = sizeOf(x.shape);
      if (n === 0) return;
      if (x.dtype === dtype) arena.u8().copyWithin(o.buf.ptr, x.buf.ptr, x.buf.ptr + bytesOf(dtype) * n);
      else if (x.dtype === 'float32' && dtype === 'int32') cast.float32_int32(x.buf.ptr, o.buf.ptr, n);
      else if (x.dtype === 'int32' && dtype === 'float32') cast.int32_float32(x.buf.ptr, o.buf.ptr, n);
      else {
        // NOTE: the storage-only dtypes convert on the host side of the memory, by the rule of
        // js.ts (truncation toward zero, then the typed array's wrap; float16 rounds to nearest even).
        const v = readValues(view(x.dtype), x.dtype, at(x.buf, x.dtype), n);
        if (dtype !== 'float16' && dtype !== 'float32' && !(x.dtype === 'int8' || x.dtype === 'uint8' || x.dtype === 'int32')) {
          for (let i = 0; i < n; i++) v[i] = Math.trunc(v[i]);
        }
        writeValues(view(dtype), dtype, v, at(o.buf, dtype));
      }
    },
    fill: (_, [o], { dtype, value }) => {
      const n = sizeOf(o.shape);
      if (n === 0) return;
      if (bytesOf(dtype) === 4) {
        if (dtype === 'int32') i32Box[0] = value;
        else f32Box[0] = value;
        K[fillWords](o.buf.ptr, n, i32Box[0]);
      } else {
        const i = at(o.buf, dtype);
        view(dtype).fill(dtype === 'float16' ? toHalf(value) : value, i, i + n);
      }
    },

    // ---- conv, NHWC (assembly/conv.ts); the scratch is the gemm kernels' work block ------------
    conv2d: ([x, w, bias], [o], attrs) => {
      if (sizeOf(o.shape) === 0) return;
      const p = convParams(x.shape, o.shape, w.shape[0], w.shape[1], attrs, attrs.groups);
      const work = convWork(p, 'forward');
      // NOTE: convWork may drop every cached panel set (to make room), so the filter's is looked up after it.
      const packed = packedFilter(w, p);
      if (packed !== 0) K.f32_conv2d_packed(x.buf.ptr, packed, bias ? bias.buf.ptr : 0, o.buf.ptr, GemmActivation[attrs.activation], p, work);
      else K[WASM_EXPORTS.conv2d.float32](x.buf.ptr, w.buf.ptr, bias ? bias.buf.ptr : 0, o.buf.ptr, GemmActivation[attrs.activation], p, work);
    },
    conv2dBackpropInput: ([dy, w], [o], attrs) => {
      if (sizeOf(o.shape) === 0) return;
      const p = convParams(o.shape, dy.shape, w.shape[0], w.shape[1], attrs, attrs.groups);
      K[WASM_EXPORTS.conv2dBackpropInput.float32](dy.buf.ptr, w.buf.ptr, o.buf.ptr, p, convWork(p, 'input'));
    },
    conv2dBackpropFilter: ([x, dy], [o], attrs) => {
      if (sizeOf(o.shape) === 0) return;
      const p = convParams(x.shape, dy.shape, attrs.filterShape[0], attrs.filterShape[1], attrs, attrs.groups);
      K[WASM_EXPORTS.conv2dBackpropFilter.float32](x.buf.ptr, dy.buf.ptr, o.buf.ptr, p, convWork(p, 'filter'));
    },
    conv2dMaxPool: ([x, w, bias], [o], attrs) => {
      if (sizeOf(o.shape) === 0) return;
      const y = [...convOutShape(x.shape, w.shape[0], w.shape[1], attrs), w.shape[3]];
      const p = convParams(x.shape, y, w.shape[0], w.shape[1], attrs, attrs.groups);
      const pool = convParams(y, o.shape, attrs.pool.poolSize[0], attrs.pool.poolSize[1], attrs.pool, 1, CONV_SLOTS);
      const work = gemmWork(K.f32_conv2d_max_pool_work_bytes(p));
      // NOTE: gemmWork may drop every cached panel set (to make room), so the filter's is looked up after it.
      K[WASM_EXPORTS.conv2dMaxPool.float32](x.buf.ptr, w.buf.ptr, packedFilter(w, p), bias ? bias.buf.ptr : 0, o.buf.ptr,
        GemmActivation[attrs.activation], p, pool, work);
    },
    maxPool2d: ([x], [o], attrs) => {
      if (sizeOf(o.shape) > 0) K[WASM_EXPORTS.maxPool2d.float32](x.buf.ptr, o.buf.ptr, convParams(x.shape, o.shape, attrs.poolSize[0], attrs.poolSize[1], attrs, 1));
    },
    maxPool2dGrad: ([x, dy], [o], attrs) => {
      if (sizeOf(o.shape) > 0) K[WASM_EXPORTS.maxPool2dGrad.float32](x.buf.ptr, dy.buf.ptr, o.buf.ptr, convParams(x.shape, dy.shape, attrs.poolSize[0], attrs.poolSize[1], attrs, 1));
    },
    avgPool2d: ([x], [o], attrs) => {
      if (sizeOf(o.shape) > 0) K[WASM_EXPORTS.avgPool2d.float32](x.buf.ptr, o.buf.ptr, convParams(x.shape, o.shape, attrs.poolSize[0], attrs.poolSize[1], attrs, 1));
    },
    // ---- int8 (assembly/qgemm.ts) --------------------------------------------------------------
    qpack: ([w], [o], { k, n }) => {
      if (k * n > 0) K[WASM_EXPORTS.qpack.int8](w.buf.ptr, o.buf.ptr, k, n);
      else if (o.buf.bytes > 0) arena.u8().fill(0, o.buf.ptr, o.buf.ptr + o.buf.bytes);
    },
    qmatmul: ([x, wp, s, bias], [o], { activation, inputRange }) => {
      const [M, N] = o.shape, Kx = x.shape[1];
      if (M * N === 0) return;
      const form = int8().variant;
      const w = gemmWork(Qx.work(M, N, Kx));
      Qx.float32(x.buf.ptr, wp.buf.ptr, s.buf.ptr, bias ? bias.buf.ptr : 0, o.buf.ptr, M, N, Kx, inputRange,
        GemmActivation[activation], w, form);
    },
    qconv2d: ([x, wp, s, bias], [o], a) => {
      const [n, oh, ow, O] = o.shape;
      if (n * oh * ow * O === 0) return;
      const [kh, kw] = a.kernelSize;
      const form = int8().variant;
      const w = gemmWork(Qx.work(n * oh * ow, O, kh * kw * x.shape[3]));
      const p = convParams(x.shape, o.shape, kh, kw, a, 1);
      K[WASM_EXPORTS.qconv2d.float32](x.buf.ptr, wp.buf.ptr, s.buf.ptr, bias ? bias.buf.ptr : 0, o.buf.ptr, p, a.inputRange,
        GemmActivation[a.activation], w, form);
    },
    im2col: ([x], [o], a) => {
      if (o.buf.bytes === 0) return;
      const [n, oh, ow] = convOutShape(x.shape, a.kernelSize[0], a.kernelSize[1], a);
      const p = convParams(x.shape, [n, oh, ow, 0], a.kernelSize[0], a.kernelSize[1], a, 1);
      K[WASM_EXPORTS.im2col.float32](x.buf.ptr, o.buf.ptr, p);
    },
    avgPool2dGrad: ([dy], [o], attrs) => {
      if (sizeOf(o.shape) > 0) K[WASM_EXPORTS.avgPool2dGrad.float32](dy.buf.ptr, o.buf.ptr, convParams(attrs.inShape, dy.shape, attrs.poolSize[0], attrs.poolSize[1], attrs, 1));
    },

    // ---- batch normalization, training mode (assembly/conv.ts); an empty batch has NaN statistics, as on js
    batchNormTrain: ([x, g, b], [y, mean, variance], { epsilon }) => {
      const [rows, C] = x.shape;
      if (C === 0) return;
      if (rows === 0) { const f = arena.f32(); f.fill(NaN, mean.buf.ptr / 4, mean.buf.ptr / 4 + C); f.fill(NaN, variance.buf.ptr / 4, variance.buf.ptr / 4 + C); return; }
      K[WASM_EXPORTS.batchNormTrain.float32](x.buf.ptr, g.buf.ptr, b.buf.ptr, y.buf.ptr, mean.buf.ptr, variance.buf.ptr, rows, C, epsilon);
    },
    batchNormTrainGrad: ([x, g, mean, variance, dy, dmean, dvar], [dx, dg, db], { epsilon }) => {
      const [rows, C] = x.shape;
      if (rows * C === 0) { const f = arena.f32(); f.fill(0, dg.buf.ptr / 4, dg.buf.ptr / 4 + C); f.fill(0, db.buf.ptr / 4, db.buf.ptr / 4 + C); return; }
      K[WASM_EXPORTS.batchNormTrainGrad.float32](x.buf.ptr, g.buf.ptr, mean.buf.ptr, variance.buf.ptr, dy.buf.ptr, dmean.buf.ptr, dvar.buf.ptr,
        dx.buf.ptr, dg.buf.ptr, db.buf.ptr, rows, C, epsilon);
    },

    // ---- fused attention (assembly/attention.ts); the scratch is the gemm kernels' work block ------
    attention: ([q, k, v, mask], [o, lse], { scale, causal }) => {
      const [B, Tq, D] = q.shape, [, Tk, Dv] = v.shape;
      if (B * Tq === 0) return;
      const A = exportsOf(K, 'attention');
      const w = gemmWork(A.work(Tk, D, Dv));
      A.float32(q.buf.ptr, k.buf.ptr, v.buf.ptr, mask ? mask.buf.ptr : 0, o.buf.ptr, lse.buf.ptr,
        B, Tq, Tk, D, Dv, mask && mask.shape[0] !== 1 ? Tq * Tk : 0, scale, causal ? 1 : 0, w);
    },
    attentionGrad: ([q, k, v, out, lse, dy, mask], [dq, dk, dv], { scale, causal }) => {
      const [B, Tq, D] = q.shape, [, Tk, Dv] = v.shape;
      if (B * (Tq * D + Tk * (D + Dv)) === 0) return;
      const A = exportsOf(K, 'attentionGrad');
      const w = gemmWork(A.work(Tk, D, Dv));
      A.float32(q.buf.ptr, k.buf.ptr, v.buf.ptr, out.buf.ptr, lse.buf.ptr, dy.buf.ptr, mask ? mask.buf.ptr : 0,
        dq.buf.ptr, dk.buf.ptr, dv.buf.ptr, B, Tq, Tk, D, Dv, mask && mask.shape[0] !== 1 ? Tq * Tk : 0, scale, causal ? 1 : 0, w);
    },
    layerNorm: ([x, g, b], [y, mean, rstd], { epsilon }) => {
      const [rows, C] = x.shape;
      if (rows * C > 0) K[WASM_EXPORTS.layerNorm.float32](x.buf.ptr, g.buf.ptr, b.buf.ptr, y.buf.ptr, mean.buf.ptr, rstd.buf.ptr, rows, C, epsilon);
    },
    layerNormGrad: ([x, g, mean, rstd, dy], [dx, dg, db]) => {
      const [rows, C] = x.shape;
      if (C > 0) K[WASM_EXPORTS.layerNormGrad.float32](x.buf.ptr, g.buf.ptr, mean.buf.ptr, rstd.buf.ptr, dy.buf.ptr, dx.buf.ptr, dg.buf.ptr, db.buf.ptr, rows, C);
    },

    // ---- optimizer updates, in place: [param, ...slots, grad] (see kernels.ts, assembly/optim.ts) --
    sgdUpdate: (ts, _, { lr, momentum, nesterov, weightDecay }) => {
      const n = sizeOf(ts[0].shape), g = ts[ts.length - 1].buf.ptr;
      if (n === 0) return;
      if (momentum === 0) sgd.plain(ts[0].buf.ptr, g, n, lr, lr * weightDecay);
      else sgd.momentum(ts[0].buf.ptr, g, ts[1].buf.ptr, n, lr, momentum, nesterov ? 1 : 0, lr * weightDecay);
    },
    adamUpdate: ([p, m, v, g], _, attrs) => {
      const n = sizeOf(p.shape);
      if (n === 0) return;
      K[WASM_EXPORTS.adamUpdate.float32](p.buf.ptr, g.buf.ptr, m.buf.ptr, v.buf.ptr, n, adamStepSize(attrs),
        1 - attrs.beta1, 1 - attrs.beta2, attrs.epsilon, attrs.lr * attrs.weightDecay);
    },
    rmspropUpdate: (ts, _, { lr, rho, momentum, epsilon, centered, weightDecay }) => {
      const n = sizeOf(ts[0].shape);
      if (n === 0) return;
      const mom = momentum > 0 ? ts[2].buf.ptr : 0, mg = centered ? ts[momentum > 0 ? 3 : 2].buf.ptr : 0;
      K[WASM_EXPORTS.rmspropUpdate.float32](ts[0].buf.ptr, ts[ts.length - 1].buf.ptr, ts[1].buf.ptr, mom, mg, n,
        lr, rho, 1 - rho, momentum, epsilon, lr * weightDecay);
    },
    adagradUpdate: ([p, a, g], _, { lr, epsilon, weightDecay }) => {
      const n = sizeOf(p.shape);
      if (n > 0) K[WASM_EXPORTS.adagradUpdate.float32](p.buf.ptr, g.buf.ptr, a.buf.ptr, n, lr, epsilon, lr * weightDecay);
    },
  } satisfies KernelSet<WasmBuf, (typeof WASM_UNSUPPORTED)[number]>;

  const read = (buf: WasmBuf, dtype: DType, size: number): TypedArray => {
    if (size * bytesOf(dtype) > buf.bytes) throw new Error(`wasm: read of ${size} ${dtype} elements from a buffer of ${buf.bytes} bytes`);
    if (size === 0) return readValues(view(dtype), dtype, 0, 0);
    // NOTE: pointers reach 2^32 (a 4 GiB memory): `ptr >> 2` is a signed 32-bit shift, negative from 2 GiB up.
    return readValues(view(dtype), dtype, at(buf, dtype), size);
  };

  return {
    name: 'wasm',
    info: {
      build, simd: true, relaxedSimd: build === 'relaxed', sharedMemory: shared,
      get int8() { return int8().variant ? 'relaxed' : 'simd'; },
      get int8Levels() { return Qx.levels(int8().variant); },
      get relaxedDotTopBit() { return int8().topBit; },
      get relaxedDotForm() { return relaxedDotForm(int8()); },
      gemmTile,
      gemmTileChoice: tileProbe
        ? `${tileProbe.cut ? `the default: the timing at start ran past ${PROBE_BUDGET_MS} ms (a busy machine); so far` : 'timed at start in'} `
          + `${tileProbe.ms.toFixed(1)} ms: ${GEMM_TILES.map((t) => `${t} ${tileProbe.gflops[t].toFixed(1)}`).join(', ')} GFLOP/s`
        : 'requested',
    },
    shared: shared ? {
      memory, module, build, gemmTile,
      borrow: (ptr, bytes) => ({ ptr, bytes, borrowed: true }),
      gemm: (g) => {
        if (g.M * g.N === 0) return;
        gemmFn(g.transposeA, g.transposeB)(g.a, g.b, g.c, g.M, g.N, g.K, g.lda, g.ldb, g.ldc, 1, 0, 0, 0, 0, GemmActivation.linear, gemmWork(G.work(g.M, g.N, g.K)));
      },
      regions: () => arena.regions(),
      adopt: (regions) => { for (const [a, b] of regions) arena.adopt(a, b); },
      cede: (bytes) => arena.cede(bytes),
    } : undefined,
    kernels,
    alloc,
    write(buf, values, dtype) {
      if (values.length === 0) return;
      if (values.length * bytesOf(dtype) > buf.bytes) throw new Error(`wasm: write of ${values.length} ${dtype} elements into a buffer of ${buf.bytes} bytes`);
      writeValues(view(dtype), dtype, values, at(buf, dtype));
    },
    read,
    hostView(buf, dtype, size) {
      if (dtype === 'float16' || size === 0 || size * bytesOf(dtype) > buf.bytes) return null;
      const i = at(buf, dtype);
      return view(dtype).subarray(i, i + size) as TypedArray;
    },
    readAsync: async (buf, dtype, size) => read(buf, dtype, size),
    free(buf) {
      if (buf.bytes === 0 || buf.borrowed) return;
      forgetPacked(buf);
      arena.free(buf.ptr);
      liveBytes -= buf.bytes;
    },
    memory(): BackendMemory {
      // packedBytes: the packed-weight cache's panels (not tensors, so not in bytes), packedTensors: its entries.
      return { bytes: liveBytes, ...arena.usage(), packedBytes, packedTensors: packedCount };
    },
  };
}

/**
 * The run-time probe of the relaxed dot (XNNPACK does the same): its result is defined only for a
 * second operand in [0, 127], and even there an engine may differ (x86's pmaddubsw saturates pair
 * sums to i16; Node 20's V8 on x64 computes the fused form as 2 * dot, the addend dropped, in its
 * baseline tier: scripts/relaxed-dot-repro.mjs). The int8 GEMM's relaxed path relies on exact sums
 * for a in [-128, 127], b in [0, 127]: `variant` is the form (1: `i32x4.relaxed_dot_i8x16_i7x16_add_s`,
 * 2: the i16 dot + extadd_pairwise + add) that computes them here, 0 for none (the simd path runs).
 * Where both do, `time` (if given) rates them (the GEMM, timed): form 2 runs if it is FORM_MARGIN faster (x64 without
 * AVX-VNNI: V8 lowers form 1 to 5 instructions, form 2 to 3), else form 1 (one instruction on arm64
 * and AVX-VNNI). `topBit` says how the engine read a b with the top bit set (for features(); never
 * relied on). The params block is the scratch.
 */
export function probeRelaxedDot(arena: Arena, probe: (a: number, b: number, c: number, out: number, variant: number) => number,
  selfTest: (variant: number) => boolean, time?: () => RelaxedFormRates | null): RelaxedDotChoice {
  const base = arena.paramsPtr;
  const run = (a: number[], b: number[], c: number[], variant: number): number[] | null => {
    const u8 = arena.u8(), i32 = arena.i32();
    for (let i = 0; i < 16; i++) { u8[base + i] = a[i] & 255; u8[base + 16 + i] = b[i] & 255; }
    for (let i = 0; i < 4; i++) i32[(base + 32) / 4 + i] = c[i];
    if (probe(base, base + 16, base + 32, base + 48, variant) === 0) return null;
    return Array.from(arena.i32().subarray((base + 48) / 4, (base + 64) / 4));
  };
  const exact = (a: number[], b: number[], c: number[]) => c.map((ci, l) => {
    let s = ci;
    for (let t = 0; t < 4; t++) s += a[4 * l + t] * b[4 * l + t];
    return s;
  });
  // the lanes the GEMM feeds: a over [-128, 127], b over [0, 127] (0, 1, 63, 64, 126 and 127 among them)
  const cases: [number[], number[], number[]][] = [
    [[-128, 127, -127, 1, 5, -6, 7, -8, 100, -100, 50, -50, 0, 1, -1, 2], [127, 127, 127, 0, 1, 2, 3, 4, 127, 126, 125, 1, 0, 127, 64, 63], [7, -9, 1 << 20, -(1 << 20)]],
    [Array(16).fill(-128), Array(16).fill(127), [0, 0, 0, 0]],
    [Array(16).fill(127), Array(16).fill(127), [1, 2, 3, 4]],
    [[1, 2, 3, 4, 0, 0, 0, 0, -1, -2, -3, -4, 9, 9, 9, 9], [1, 1, 1, 1, 5, 5, 5, 5, 2, 2, 2, 2, 0, 1, 0, 1], [100, 200, 300, 400]],
  ];
  const exactForms: number[] = [];
  for (const v of [1, 2]) {
    let ok = true;
    for (const [a, b, c] of cases) {
      const got = run(a, b, c, v);
      if (got === null) return { variant: 0, topBit: 'absent' };
      const want = exact(a, b, c);
      if (got.some((x, i) => x !== want[i])) ok = false;
    }
    // NOTE: the instruction alone is not enough: V8 (Node 20, x64) computes the fused form right or
    // wrong depending on its tier and the registers around it, so the GEMM itself must agree too.
    if (ok && selfTest(v)) exactForms.push(v);
  }
  let variant = exactForms[0] ?? 0, rates: RelaxedFormRates | undefined;
  if (exactForms.length === 2 && time) {
    rates = time() ?? undefined;
    if (rates && rates.i16 > rates.fused * FORM_MARGIN) variant = 2;
  }
  const top = run(Array(16).fill(1), Array(16).fill(-1), [0, 0, 0, 0], variant || 2);
  const topBit = top === null ? 'absent' : top[0] === -4 ? 'signed' : top[0] === 1020 ? 'unsigned' : `other (${top[0]})`;
  return { variant, topBit, exactForms, rates };
}

/** What probeRelaxedDot chose: the form, how the engine read a top bit, which forms were exact, and their rates if timed. */
export interface RelaxedDotChoice {
  variant: number;
  topBit: string;
  exactForms?: number[];
  rates?: RelaxedFormRates;
}

/** GOP/s of the relaxed 4x8 tile in each form of the dot. */
export interface RelaxedFormRates { fused: number; i16: number }

/** How much faster the i16 form must time to replace the fused one. */
const FORM_MARGIN = 1.05;

/** features().relaxedDot's first part: the form that runs and why. */
function relaxedDotForm(c: RelaxedDotChoice): string {
  const r = c.rates && { fused: c.rates.fused.toFixed(0), i16: c.rates.i16.toFixed(0) };
  if (c.variant === 1) return r ? `fused (timed ${r.fused} against the i16 dot's ${r.i16} GOP/s)` : 'fused';
  if (c.variant === 2) return r ? `i16 dot + extadd (timed ${r.i16} against the fused form's ${r.fused} GOP/s)` : 'i16 dot + extadd (the fused form failed the probe)';
  return 'none';
}

/**
 * Rates the relaxed path in each form on a 32x256x64 int8 GEMM (its data in L1), as probeGemmTile
 * rates the float tiles: untimed calls until a form's calls stop getting faster (its optimizing
 * tier), then alternating rounds, the best of each. Null past PROBE_BUDGET_MS (a busy machine).
 */
function timeRelaxedForms(Q: Int8Gemm, arena: Arena, rounds = 6): RelaxedFormRates | null {
  const t0 = performance.now(), M = 32, K = 256, N = 64, ops = 2 * M * K * N;
  const ptrs = [M * K * 4, N * K + N * 4, N * 4, M * N * 4, Q.work(M, N, K)].map((b) => arena.alloc(b));
  const [x, wp, cs, out, work] = ptrs;
  const late = () => performance.now() - t0 > PROBE_BUDGET_MS;
  const call = (v: number, reps: number) => {
    const a = performance.now();
    for (let i = 0; i < reps; i++) Q.float32(x, wp, cs, 0, out, M, N, K, 0, GemmActivation.linear, work, v);
    return performance.now() - a;
  };
  try {
    const f32 = arena.f32();
    for (let i = 0; i < M * K; i++) f32[x / 4 + i] = ((i * 29) % 255) / 127 - 1;
    arena.i8().fill(3, wp, wp + N * K + N * 4);
    for (const v of [1, 2]) {
      let first = 0, prev = Infinity;
      for (let i = 0; i < 16; i++) {
        const ms = call(v, 4);
        if (i === 0) first = ms;
        else if (ms < 0.6 * first && ms > 0.9 * prev) break; // tiered up and steady
        prev = ms;
        if (late()) return null;
      }
    }
    // reps for about 0.2 ms of form 2 at its speed after the warm-up
    const reps = Math.min(256, Math.max(4, Math.round(0.2 / Math.max(call(2, 8) / 8, 1e-6))));
    const best = [0, 0];
    for (let r = 0; r < rounds; r++) {
      for (const v of r % 2 ? [2, 1] : [1, 2]) {
        const ms = call(v, reps);
        if (ms > 0) best[v - 1] = Math.max(best[v - 1], (ops * reps) / (ms * 1e6));
      }
      if (late()) return null;
    }
    return { fused: best[0], i16: best[1] };
  } finally {
    for (const p of ptrs) arena.free(p);
  }
}

/** The int8 GEMM exports the probe's self-test and timing call. */
type Int8Gemm = { float32: (...a: number[]) => void; work: (M: number, N: number, K: number) => number; levels: (r: number) => number };

/**
 * Runs the int8 GEMM's relaxed path in form `variant` on a small integer problem that reaches its
 * 4-row and 1-row tiles, a full and an edge panel and a padded k group, against exact sums.
 */
function int8SelfTest(arena: Arena, Q: Int8Gemm, variant: number): boolean {
  const M = 5, N = 11, K = 9, L = Q.levels(variant);
  const k4 = 12, n8 = 16, packedBytes = n8 * k4 + n8 * 4;
  const sizes = [M * K * 4, packedBytes, N * 4, M * N * 4, Q.work(M, N, K)];
  const ptrs = sizes.map((b) => arena.alloc(b));
  try {
    const [x, wp, cs, out, work] = ptrs;
    const f32 = arena.f32(), i8 = arena.i8(), i32 = arena.i32();
    const xv: number[] = [], wv: number[] = [];
    for (let i = 0; i < M * K; i++) xv.push(((i * 29) % (2 * L + 1)) - L);
    for (let i = 0; i < M; i++) xv[i * K + (i % K)] = i % 2 ? L : -L; // every row reaches ±L: scale 1
    for (let i = 0; i < K * N; i++) wv.push(((i * 53) % 255) - 127);
    xv.forEach((v, i) => { f32[x / 4 + i] = v; });
    i8.fill(0, wp, wp + packedBytes);
    for (let col = 0; col < N; col++) {
      let s = 0;
      for (let k = 0; k < K; k++) {
        const v = wv[k * N + col];
        i8[wp + (col >> 3) * k4 * 8 + (k >> 2) * 32 + (col & 7) * 4 + (k & 3)] = v;
        s += v;
      }
      i32[(wp + n8 * k4) / 4 + col] = s;
    }
    for (let j = 0; j < N; j++) f32[cs / 4 + j] = 1;
    Q.float32(x, wp, cs, 0, out, M, N, K, 0, GemmActivation.linear, work, variant);
    const got = arena.f32();
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += xv[i * K + k] * wv[k * N + j];
        if (got[out / 4 + i * N + j] !== s) return false;
      }
    }
    return true;
  } finally {
    for (const p of ptrs) arena.free(p);
  }
}

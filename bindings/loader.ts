// Picks and instantiates the kernel module: probes SIMD support, chooses the simd or relaxed build
// (each in a plain and a shared-memory variant), and links it to a WebAssembly.Memory created here.
// With a shared memory, the pool's workers instantiate the same module over the same memory.
import type { WasmKernels } from './abi.js';
import { type WasmFeatures, detectWasmFeatures } from './features.js';

export { type WasmFeatures, detectWasmFeatures };

export type WasmBuild = 'simd' | 'relaxed';

export interface LoadOptions {
  /** 'auto' (default) takes 'relaxed' where relaxed SIMD validates, else 'simd'. */
  build?: 'auto' | WasmBuild;
  /** Node only: turn on V8's --experimental-wasm-relaxed-simd first (needed on Node 20). */
  enableRelaxedSimdFlag?: boolean;
  /**
   * Link a shared memory (the -shared builds), so workers can run kernels on the same memory.
   * Default: where SharedArrayBuffer exists (Node; cross-origin-isolated pages).
   */
  shared?: boolean;
  /** Memory to link (shared exactly when `shared`); by default a fresh one of `initialPages` pages. */
  memory?: WebAssembly.Memory;
  /** A module compiled earlier for the same build (a worker receives its pool's), to skip compiling. */
  module?: WebAssembly.Module;
  initialPages?: number;
}

export interface LoadedKernels {
  build: WasmBuild;
  /** Whether `memory` is a shared WebAssembly.Memory. */
  shared: boolean;
  kernels: WasmKernels;
  memory: WebAssembly.Memory;
  module: WebAssembly.Module;
  /** First byte above the module's static data. */
  heapBase: number;
}

const NO_SIMD = "WebAssembly SIMD128 is not supported here; the wasm backend needs it — use backend: 'js'";
const NO_RELAXED =
  "wasm build 'relaxed' was requested, but relaxed SIMD does not validate here. On Node 20 run node with " +
  "--experimental-wasm-relaxed-simd (or pass enableRelaxedSimdFlag: true); otherwise request build 'simd' or 'auto'";

/** The build to load for a request, or an error saying why none can run. */
export function chooseBuild(requested: 'auto' | WasmBuild, features: WasmFeatures): WasmBuild {
  if (requested !== 'auto' && requested !== 'simd' && requested !== 'relaxed') {
    throw new Error(`unknown wasm build '${String(requested)}'; expected 'auto', 'simd' or 'relaxed'`);
  }
  if (!features.simd) throw new Error(NO_SIMD);
  if (requested === 'relaxed' && !features.relaxedSimd) throw new Error(NO_RELAXED);
  if (requested === 'auto') return features.relaxedSimd ? 'relaxed' : 'simd';
  return requested;
}

/** Whether this thread can share a WebAssembly.Memory with workers. */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function'
    && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false;
}

// NOTE: a shared memory needs a maximum, and engines reserve it up front (address space, not RAM).
// The modules declare 4 GiB; where that reservation fails (32-bit devices), smaller ones are tried.
const SHARED_MAX_PAGES = [65536, 16384, 4096];

const PAGE_BYTES = 65536;
const maxPages = new WeakMap<WebAssembly.Memory, number>();

/**
 * The most bytes `memory` can grow to: the maximum it was created with here, else 4 GiB (a wasm32
 * memory's ceiling, and what engines grant a memory created without a maximum).
 */
export function memoryMaxBytes(memory: WebAssembly.Memory): number {
  return (maxPages.get(memory) ?? 65536) * PAGE_BYTES;
}

/** A shared memory of `initial` pages with the largest maximum this platform grants. */
export function createSharedMemory(initial: number): WebAssembly.Memory {
  let last: unknown;
  for (const maximum of SHARED_MAX_PAGES) {
    try {
      const m = new WebAssembly.Memory({ initial, maximum, shared: true });
      maxPages.set(m, maximum);
      return m;
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`wasm: cannot create a shared WebAssembly.Memory (${(last as Error)?.message ?? last})`);
}

/** Sets V8's relaxed-SIMD flag when running on Node; returns whether it could. */
export async function enableRelaxedSimdFlag(): Promise<boolean> {
  if (typeof process !== 'object' || process === null || !process.versions?.node) return false;
  // NOTE: the specifier is a variable so that browser bundlers leave 'node:v8' alone.
  const spec = 'node:v8';
  const v8 = (await import(/* @vite-ignore */ /* webpackIgnore: true */ spec)) as { setFlagsFromString(flags: string): void };
  v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  return true;
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes of the chosen build; each build is its own chunk so a bundler can leave the other out. */
async function moduleBytes(build: WasmBuild, shared: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const { wasmBase64 } = shared
    ? (build === 'relaxed' ? await import('./wasm-relaxed-shared.gen.js') : await import('./wasm-simd-shared.gen.js'))
    : (build === 'relaxed' ? await import('./wasm-relaxed.gen.js') : await import('./wasm-simd.gen.js'));
  return decodeBase64(wasmBase64);
}

export async function loadKernels(opts: LoadOptions = {}): Promise<LoadedKernels> {
  if (opts.enableRelaxedSimdFlag) await enableRelaxedSimdFlag();
  const build = chooseBuild(opts.build ?? 'auto', detectWasmFeatures());
  const shared = opts.shared ?? (opts.memory ? canShareMemory() && opts.memory.buffer instanceof SharedArrayBuffer : canShareMemory());
  if (shared && !canShareMemory()) {
    throw new Error('wasm: a shared memory needs SharedArrayBuffer (in browsers, a cross-origin-isolated page)');
  }
  const initial = opts.initialPages ?? 16;
  try {
    const module = opts.module ?? await WebAssembly.compile(await moduleBytes(build, shared));
    const memory = opts.memory ?? (shared ? createSharedMemory(initial) : new WebAssembly.Memory({ initial }));
    const instance = await WebAssembly.instantiate(module, { env: { memory } });
    const kernels = instance.exports as unknown as WasmKernels;
    return { build, shared, kernels, memory, module, heapBase: kernels.heap_base() };
  } catch (e) {
    // NOTE: a platform with SharedArrayBuffer but no WebAssembly threads (or no room for a shared
    // memory) still runs the plain build, unless a shared memory was asked for.
    if (!shared || opts.shared === true || opts.memory || opts.module) throw e;
    return loadKernels({ ...opts, shared: false, enableRelaxedSimdFlag: false });
  }
}

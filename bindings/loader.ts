// Picks and instantiates the kernel module: probes SIMD support, chooses the simd or relaxed build,
// and links it to a WebAssembly.Memory created here (the arena and, later, workers share it).
import type { WasmKernels } from './abi.js';

export type WasmBuild = 'simd' | 'relaxed';

export interface WasmFeatures {
  simd: boolean;
  relaxedSimd: boolean;
}

export interface LoadOptions {
  /** 'auto' (default) takes 'relaxed' where relaxed SIMD validates, else 'simd'. */
  build?: 'auto' | WasmBuild;
  /** Node only: turn on V8's --experimental-wasm-relaxed-simd first (needed on Node 20). */
  enableRelaxedSimdFlag?: boolean;
  /** Memory to link; by default a fresh one of `initialPages` pages. */
  memory?: WebAssembly.Memory;
  initialPages?: number;
}

export interface LoadedKernels {
  build: WasmBuild;
  kernels: WasmKernels;
  memory: WebAssembly.Memory;
  module: WebAssembly.Module;
  /** First byte above the module's static data. */
  heapBase: number;
}

/** () -> v128: i32.const 0; i8x16.splat; i8x16.popcnt. */
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
/** () -> v128: three splats of i32.const 0, then f32x4.relaxed_madd (0xfd 0x105). */
const RELAXED_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15, 65, 0, 253, 15, 253, 133, 2, 11,
];

const NO_SIMD = "WebAssembly SIMD128 is not supported here; the wasm backend needs it — use backend: 'js'";
const NO_RELAXED =
  "wasm build 'relaxed' was requested, but relaxed SIMD does not validate here. On Node 20 run node with " +
  "--experimental-wasm-relaxed-simd (or pass enableRelaxedSimdFlag: true); otherwise request build 'simd' or 'auto'";

export function detectWasmFeatures(): WasmFeatures {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return { simd: false, relaxedSimd: false };
  const simd = WebAssembly.validate(new Uint8Array(SIMD_PROBE));
  return { simd, relaxedSimd: simd && WebAssembly.validate(new Uint8Array(RELAXED_PROBE)) };
}

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

/** Sets V8's relaxed-SIMD flag when running on Node; returns whether it could. */
export async function enableRelaxedSimdFlag(): Promise<boolean> {
  if (typeof process !== 'object' || process === null || !process.versions?.node) return false;
  // NOTE: the specifier is a variable so that browser bundlers leave 'node:v8' alone.
  const spec = 'node:v8';
  const v8 = (await import(/* @vite-ignore */ spec)) as { setFlagsFromString(flags: string): void };
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
async function moduleBytes(build: WasmBuild): Promise<Uint8Array<ArrayBuffer>> {
  const { wasmBase64 } = build === 'relaxed' ? await import('./wasm-relaxed.gen.js') : await import('./wasm-simd.gen.js');
  return decodeBase64(wasmBase64);
}

export async function loadKernels(opts: LoadOptions = {}): Promise<LoadedKernels> {
  if (opts.enableRelaxedSimdFlag) await enableRelaxedSimdFlag();
  const build = chooseBuild(opts.build ?? 'auto', detectWasmFeatures());
  const module = await WebAssembly.compile(await moduleBytes(build));
  const memory = opts.memory ?? new WebAssembly.Memory({ initial: opts.initialPages ?? 16 });
  const instance = await WebAssembly.instantiate(module, { env: { memory } });
  const kernels = instance.exports as unknown as WasmKernels;
  return { build, kernels, memory, module, heapBase: kernels.heap_base() };
}

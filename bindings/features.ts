// WebAssembly feature probes (SIMD128, relaxed SIMD): the loader's choice of build, and
// eg.features() before any backend starts. Apart from the loader, so the page's main chunk holds
// only the probes and the loader stays in the wasm backend's chunk.

export interface WasmFeatures {
  simd: boolean;
  relaxedSimd: boolean;
}

/** () -> v128: i32.const 0; i8x16.splat; i8x16.popcnt. */
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
/** () -> v128: three splats of i32.const 0, then f32x4.relaxed_madd (0xfd 0x105). */
const RELAXED_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15, 65, 0, 253, 15, 253, 133, 2, 11,
];

export function detectWasmFeatures(): WasmFeatures {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return { simd: false, relaxedSimd: false };
  const simd = WebAssembly.validate(new Uint8Array(SIMD_PROBE));
  return { simd, relaxedSimd: simd && WebAssembly.validate(new Uint8Array(RELAXED_PROBE)) };
}

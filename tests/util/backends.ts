// Which backends the suites run on (env EDGEGRAD_TEST_BACKENDS), and how to start each one.
import * as eg from '../../src/index.js';
import type { TypedArray } from '../../src/kernels.js';

export interface BackendConfig {
  /** Label used in test names. */
  label: string;
  /** Backend name as eg.backend() reports it. */
  backend: string;
  /** Options passed to eg.init. */
  options: Record<string, unknown>;
  /** True when float32 tensors are stored in float64 (the js reference mode). */
  float64: boolean;
}

/** The float64 js backend: the reference for gradient checks and the tightest conformance run. */
export const JS_F64: BackendConfig = {
  label: 'js-f64', backend: 'js', options: { backend: 'js', precision: 'float64' }, float64: true,
};

export const WASM_BUILD = process.env.EDGEGRAD_WASM_BUILD || undefined;
/** EDGEGRAD_GEMM_TILE: the wasm backend's GEMM register tile (default: timed at start). */
export const GEMM_TILE = process.env.EDGEGRAD_GEMM_TILE || undefined;

const LIST = (process.env.EDGEGRAD_TEST_BACKENDS ?? 'js,wasm').split(',').map((s) => s.trim()).filter(Boolean);

/** EDGEGRAD_REQUIRE_WEBGPU=1: a missing WebGPU adapter fails the run instead of skipping webgpu. */
export const REQUIRE_WEBGPU = process.env.EDGEGRAD_REQUIRE_WEBGPU === '1';

/**
 * Whether a WebGPU adapter exists (probed once, only when webgpu is asked for): its name, or the
 * reason there is none. Node: Dawn from the 'webgpu' package, SwiftShader by default when Debian's
 * chromium is installed.
 */
export const WEBGPU: WebgpuProbe | null = LIST.includes('webgpu') ? await probeWebgpu() : null;

type WebgpuProbe = { ok: true; name: string; fallback: boolean } | { ok: false; reason: string };

async function probeWebgpu(): Promise<WebgpuProbe> {
  const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
  const { existsSync } = await import('node:fs');
  if (!process.env.VK_ICD_FILENAMES && existsSync(icd)) process.env.VK_ICD_FILENAMES = icd;
  try {
    const wg = await import('../../src/backends/webgpu/index.js');
    const facts = wg.adapterFacts(await wg.requestAdapter(await wg.findGpu()));
    return { ok: true, ...facts };
  } catch (e) {
    const reason = (e as Error).message;
    if (REQUIRE_WEBGPU) throw new Error(`EDGEGRAD_REQUIRE_WEBGPU=1 but there is no WebGPU adapter: ${reason}`);
    console.warn(`tests: skipping the webgpu backend: ${reason}`);
    return { ok: false, reason };
  }
}

/**
 * For the webgpu-only test files: the adapter when webgpu is asked for (listed in
 * EDGEGRAD_TEST_BACKENDS, or required) and exists, else null and the reason, for the suite's title.
 */
export async function webgpuAdapter(): Promise<{ adapter: { name: string; fallback: boolean } | null; reason: string }> {
  if (!REQUIRE_WEBGPU && !LIST.includes('webgpu')) return { adapter: null, reason: 'not asked for (EDGEGRAD_TEST_BACKENDS=webgpu runs it)' };
  const probe = WEBGPU ?? await probeWebgpu();
  return probe.ok ? { adapter: { name: probe.name, fallback: probe.fallback }, reason: '' } : { adapter: null, reason: probe.reason };
}

export function testBackends(): BackendConfig[] {
  const list = LIST.filter((name) => name !== 'webgpu' || WEBGPU?.ok);
  return list.map((name) => {
    const options: Record<string, unknown> = { backend: name };
    if (name === 'wasm' && WASM_BUILD) options.wasmBuild = WASM_BUILD;
    if (name === 'wasm' && GEMM_TILE) options.gemmTile = GEMM_TILE;
    const label = name === 'wasm' && WASM_BUILD ? `wasm-${WASM_BUILD}` : name;
    return { label, backend: name, options, float64: false };
  });
}

export async function use(cfg: BackendConfig): Promise<void> {
  await eg.init(cfg.options as Parameters<typeof eg.init>[0]);
}

/**
 * A tensor's values: dataSync() where the backend reads synchronously (so js/wasm keep testing it),
 * `await data()` on webgpu, whose dataSync() throws by design.
 */
export async function values(t: { dataSync(): TypedArray; data(): Promise<TypedArray> }): Promise<TypedArray> {
  return eg.backend() === 'webgpu' ? t.data() : t.dataSync();
}

/** Float32 data for a tensor made from reference values. */
export function typed(dtype: 'float32' | 'int32', values: ArrayLike<number>): Float32Array | Int32Array {
  return dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
}

/**
 * Tensors made and not yet disposed: the live ones plus those the safety net collected. Leak checks
 * compare this, not `memory().tensors`: a tensor an earlier test dropped may be collected by V8 at
 * any await in between, which lowers the live count but not this one.
 */
export function undisposed(): number {
  const m = eg.memory();
  return m.tensors + m.collected;
}

// Which backends the suites run on (env EDGEGRAD_TEST_BACKENDS), and how to start each one.
import * as eg from '../../src/index.js';

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

export function testBackends(): BackendConfig[] {
  const list = (process.env.EDGEGRAD_TEST_BACKENDS ?? 'js,wasm').split(',').map((s) => s.trim()).filter(Boolean);
  return list.map((name) => {
    const options: Record<string, unknown> = { backend: name };
    if (name === 'wasm' && WASM_BUILD) options.wasmBuild = WASM_BUILD;
    const label = name === 'wasm' && WASM_BUILD ? `wasm-${WASM_BUILD}` : name;
    return { label, backend: name, options, float64: false };
  });
}

export async function use(cfg: BackendConfig): Promise<void> {
  await eg.init(cfg.options as Parameters<typeof eg.init>[0]);
}

/** Float32 data for a tensor made from reference values. */
export function typed(dtype: 'float32' | 'int32', values: ArrayLike<number>): Float32Array | Int32Array {
  return dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
}

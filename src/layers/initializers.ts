// Weight initialisers (Glorot, He, LeCun, constants), seeded on the host so every backend agrees.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import { nextSeed, normalValues, uniformValues } from '../random.js';
import type { Tensor } from '../tensor.js';

export type InitializerName =
  | 'glorotUniform' | 'glorotNormal' | 'heUniform' | 'heNormal' | 'lecunUniform' | 'lecunNormal'
  | 'zeros' | 'ones' | 'randomNormal' | 'randomUniform';

/** A name, or a config with options (`seed`, `stddev` for randomNormal, `minval`/`maxval` for randomUniform). */
export type InitializerSpec = InitializerName | { name: InitializerName; seed?: number; [key: string]: unknown };

const NAMES: readonly InitializerName[] = [
  'glorotUniform', 'glorotNormal', 'heUniform', 'heNormal', 'lecunUniform', 'lecunNormal',
  'zeros', 'ones', 'randomNormal', 'randomUniform',
];

/** Fan-in and fan-out of a weight shape: [in, out] for dense kernels, [vocab, dim] for embeddings. */
function fans(shape: readonly number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  const receptive = sizeOf(shape.slice(0, -2));
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

/** Normal values truncated to two standard deviations (resampled), as Keras' variance-scaling normal. */
function truncatedNormal(n: number, seed: number, std: number): Float32Array {
  const out = new Float32Array(n);
  const pool = normalValues(2 * n + 16, seed, 0, 1);
  let k = 0, extra = seed;
  for (let i = 0; i < n; i++) {
    for (;;) {
      if (k === pool.length) { pool.set(normalValues(pool.length, ++extra, 0, 1)); k = 0; }
      const v = pool[k++];
      if (Math.abs(v) <= 2) { out[i] = v * std; break; }
    }
  }
  return out;
}

export function checkInitializer(where: string, spec: InitializerSpec): { name: InitializerName; options: Record<string, unknown> } {
  const name = typeof spec === 'string' ? spec : spec?.name;
  if (!NAMES.includes(name as InitializerName)) {
    throw new Error(`${where}: unknown initializer ${JSON.stringify(name)}; expected one of ${NAMES.join(', ')}`);
  }
  return { name: name as InitializerName, options: typeof spec === 'string' ? {} : { ...spec } };
}

/** A new float32 tensor of `shape` drawn from the initialiser; `seed` applies when the spec has none. */
export function initialize(where: string, spec: InitializerSpec, shape: number[], seed?: number): Tensor {
  const { name, options } = checkInitializer(where, spec);
  const s = (options.seed as number | undefined) ?? seed ?? nextSeed();
  const [fanIn, fanOut] = fans(shape);
  // NOTE: the storage comes first, so a weight too large to hold is refused before values are drawn.
  return engine.fromMaker(where, shape, 'float32', (n) => values(name, options, n, s, fanIn, fanOut));
}

function values(name: InitializerName, options: Record<string, unknown>, n: number, s: number, fanIn: number, fanOut: number): Float32Array {
  let v: Float32Array;
  switch (name) {
    case 'zeros': v = new Float32Array(n); break;
    case 'ones': v = new Float32Array(n).fill(1); break;
    case 'glorotUniform': { const l = Math.sqrt(6 / (fanIn + fanOut)); v = uniformValues(n, s, -l, l); break; }
    case 'heUniform': { const l = Math.sqrt(6 / fanIn); v = uniformValues(n, s, -l, l); break; }
    case 'lecunUniform': { const l = Math.sqrt(3 / fanIn); v = uniformValues(n, s, -l, l); break; }
    // 0.8796...: the std of a unit normal truncated at ±2, so the result has the intended variance.
    case 'glorotNormal': v = truncatedNormal(n, s, Math.sqrt(2 / (fanIn + fanOut)) / 0.87962566); break;
    case 'heNormal': v = truncatedNormal(n, s, Math.sqrt(2 / fanIn) / 0.87962566); break;
    case 'lecunNormal': v = truncatedNormal(n, s, Math.sqrt(1 / fanIn) / 0.87962566); break;
    case 'randomNormal': v = normalValues(n, s, Number(options.mean ?? 0), Number(options.stddev ?? 0.05)); break;
    case 'randomUniform': v = uniformValues(n, s, Number(options.minval ?? -0.05), Number(options.maxval ?? 0.05)); break;
  }
  return v;
}

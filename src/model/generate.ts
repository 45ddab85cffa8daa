// Text generation: sampling a token from logits (temperature, top-k, top-p, seeded) and
// autoregressive decoding with a KV cache (each new token runs one position through the model).
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import type { TypedArray } from '../kernels.js';
import type { KVCache, Layer } from '../layers/layer.js';
import { nextSeed, rng } from '../random.js';
import { tensor } from '../ops/creation.js';
import { reshape, slice } from '../ops/shape.js';
import { checkTensor, fmt } from '../ops/util.js';

export interface SampleOptions {
  /** Divides the logits (default 1); 0 picks the most likely token (greedy). */
  temperature?: number;
  /** Keep only the k most likely tokens (ties: the lower id first). */
  topK?: number;
  /** Keep the fewest most likely tokens whose probabilities sum to at least topP (default 1: all). */
  topP?: number;
  /** Seeds the draw: the same seed and logits give the same tokens. */
  seed?: number;
}

function checkSampleOptions(op: string, o: SampleOptions): Required<Omit<SampleOptions, 'topK' | 'seed'>> & { topK: number | undefined; seed: number } {
  if (!o || typeof o !== 'object') throw new Error(`${op}: options must be an object`);
  const { temperature = 1, topK, topP = 1, seed } = o;
  if (typeof temperature !== 'number' || !(temperature >= 0) || !Number.isFinite(temperature)) throw new Error(`${op}: temperature must be a finite number >= 0, got ${temperature}`);
  if (topK !== undefined && (!Number.isInteger(topK) || topK <= 0)) throw new Error(`${op}: topK must be a positive integer, got ${topK}`);
  if (typeof topP !== 'number' || !(topP > 0 && topP <= 1)) throw new Error(`${op}: topP must be in (0, 1], got ${topP}`);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`${op}: seed must be an integer, got ${seed}`);
  return { temperature, topK, topP, seed: seed ?? nextSeed() };
}

/** One id drawn from a row of logits; `u` is a uniform draw in [0, 1). */
function sampleRow(op: string, z: ArrayLike<number>, o: { temperature: number; topK?: number; topP: number }, u: number): number {
  const V = z.length;
  let best = -1;
  for (let i = 0; i < V; i++) {
    if (Number.isNaN(z[i])) throw new Error(`${op}: logit ${i} is NaN`);
    if (z[i] > -Infinity && (best < 0 || z[i] > z[best])) best = i;
  }
  if (best < 0) throw new Error(`${op}: every logit is -Infinity, so no token can be drawn`);
  if (o.temperature === 0 || o.topK === 1 || z[best] === Infinity) return best;
  // candidates by descending logit, ties by id
  const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => z[b] - z[a] || a - b);
  const k = Math.min(o.topK ?? V, V);
  const p = new Float64Array(k);
  let total = 0;
  for (let j = 0; j < k; j++) { p[j] = Math.exp((z[order[j]] - z[best]) / o.temperature); total += p[j]; }
  let n = k;
  if (o.topP < 1) {
    let cum = 0;
    for (n = 0; n < k;) { cum += p[n++] / total; if (cum >= o.topP) break; }
    total = 0;
    for (let j = 0; j < n; j++) total += p[j];
  }
  let acc = 0;
  const target = u * total;
  for (let j = 0; j < n; j++) {
    acc += p[j];
    if (target < acc && p[j] > 0) return order[j];
  }
  for (let j = n - 1; j >= 0; j--) if (p[j] > 0) return order[j];
  return best;
}

/**
 * Draws one token id per row of `logits` ([V] or [..., V]), after temperature, then top-k, then
 * top-p filtering; one id per row, in row order. Reads the values (async for webgpu).
 */
export async function sample(logits: Tensor, opts: SampleOptions = {}): Promise<Int32Array> {
  checkTensor('sample', logits, 'logits');
  if (logits.dtype !== 'float32') throw new Error(`sample: logits must be float32, got ${logits.dtype}`);
  if (logits.rank < 1 || logits.shape[logits.rank - 1] === 0) throw new Error(`sample: logits need a non-empty last axis (the vocabulary), got shape ${fmt(logits.shape)}`);
  const o = checkSampleOptions('sample', opts);
  const values = await logits.data();
  const V = logits.shape[logits.rank - 1], rows = values.length / V;
  const r = rng(o.seed);
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) out[i] = sampleRow('sample', values.subarray(i * V, (i + 1) * V), o, r());
  return out;
}

export interface GenerateOptions extends SampleOptions {
  /** Tokens to add (default 16). */
  maxNewTokens?: number;
  /** Keep keys and values of past positions (default true); false reruns the whole sequence per token. */
  useCache?: boolean;
  /** Called with each step's logits for the next token (a copy). */
  onLogits?: (logits: Float32Array, step: number) => void;
}

/** What generate runs: a model (or layer) mapping int32 ids [1, T] to logits [1, T, V]. */
type Decoder = Pick<Layer, 'call'>;

/**
 * Continues `promptIds` with a decoder model (ids [batch, T] -> logits [batch, T, V], e.g.
 * embedding, positions, transformerDecoder blocks, a linear dense; a model ending in a softmax
 * layer is sampled from the log of its probabilities): returns the prompt followed by the new ids. With the cache the prompt runs once and each new token runs one position; the
 * prompt plus maxNewTokens must fit the model's position table.
 */
export async function generate(model: Decoder, promptIds: ArrayLike<number>, opts: GenerateOptions = {}): Promise<number[]> {
  if (!model || typeof (model as Layer).call !== 'function') throw new Error('generate: model must be a model or layer (ids [1, T] -> logits [1, T, V])');
  const ids = Array.from(promptIds ?? [], Number);
  if (ids.length === 0) throw new Error('generate: promptIds must hold at least one token id');
  if (ids.some((id) => !Number.isInteger(id) || id < 0)) throw new Error(`generate: promptIds must be non-negative integers, got [${ids.slice(0, 8)}${ids.length > 8 ? ', ...' : ''}]`);
  const { maxNewTokens = 16, useCache = true, onLogits } = opts;
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 0) throw new Error(`generate: maxNewTokens must be a non-negative integer, got ${maxNewTokens}`);
  const o = checkSampleOptions('generate', opts);
  const r = rng(o.seed);
  const cache: KVCache | undefined = useCache ? { offset: 0, entries: new Map() } : undefined;
  // a model whose output is a softmax layer gives probabilities: sample from their log
  const probabilities = (model as { canFuseSoftmax?: (o: number) => boolean }).canFuseSoftmax?.(0) === true;
  try {
    let feed = ids;
    for (let step = 0; step < maxNewTokens; step++) {
      const last = engine.tidy(() => {
        const x = tensor(Int32Array.from(feed), [1, feed.length], 'int32');
        const y = model.call(x, cache ? { cache } : {});
        if (y.rank !== 3 || y.shape[0] !== 1 || y.shape[1] !== feed.length) throw new Error(`generate: the model must map ids [1, T] to logits [1, T, V]; for [1, ${feed.length}] it gave ${fmt(y.shape)}`);
        const V = y.shape[2];
        return reshape(slice(y, [0, feed.length - 1, 0], [1, 1, V]), [V]);
      });
      let values: TypedArray;
      try { values = Float32Array.from(await last.data()); } finally { last.dispose(); }
      if (probabilities) for (let i = 0; i < values.length; i++) values[i] = Math.log(values[i]);
      if (cache) cache.offset += feed.length;
      if (onLogits) onLogits(Float32Array.from(values), step);
      const id = sampleRow('generate', values, o, r());
      ids.push(id);
      feed = cache ? [id] : ids;
    }
    return ids;
  } finally {
    if (cache) for (const { key, value } of cache.entries.values()) { key.dispose(); value.dispose(); }
  }
}

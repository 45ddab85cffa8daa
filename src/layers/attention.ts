// Transformer layers (Keras names): multi-head attention, learned and sinusoidal positions, RMS
// normalisation, and encoder/decoder blocks that own their sublayers. Under a KV cache
// (CallOptions.cache, model/generate.ts) self-attention runs only the new positions.
import { engine } from '../engine.js';
import type { Tensor, Variable } from '../tensor.js';
import { add } from '../ops/elementwise.js';
import { fusedMatmul } from '../ops/linalg.js';
import { concat, expandDims, reshape, slice, transpose } from '../ops/shape.js';
import { attention, rmsNorm, sinusoidalEncoding } from '../ops/attention.js';
import { nextSeed, rng, streamSeed } from '../random.js';
import { type ActivationName, checkActivation } from './activations.js';
import { Dense, Dropout } from './core.js';
import { LayerNormalization } from './normalization.js';
import { type InitializerSpec, checkInitializer, initialize } from './initializers.js';
import { type CallOptions, type LayerArgs, type LayerConfig, type Shape, Layer, SymbolicTensor, checkPositiveInt, fmtShape } from './layer.js';

export interface MultiHeadAttentionArgs extends LayerArgs {
  numHeads: number;
  /** Size of each head for query and key. */
  keyDim: number;
  /** Size of each head for value (default keyDim). */
  valueDim?: number;
  /** Dropout rate on the attention probabilities in training (default 0). */
  dropout?: number;
  useBias?: boolean;
  /** Last axis of the output (default: the query's). */
  outputShape?: number;
  kernelInitializer?: InitializerSpec;
  biasInitializer?: InitializerSpec;
  seed?: number;
}

export interface AttentionCallOptions extends CallOptions {
  /** [batch, Tq, Tk] (Keras) or [batch, Tk] (a padding mask for every query): 1 = attend, 0 = masked. */
  attentionMask?: Tensor | SymbolicTensor;
  /** Query i attends keys up to position i (a decoder's self-attention). */
  useCausalMask?: boolean;
}

/** How a symbolic application feeds the layer (saved in its config): which inputs follow query and value. */
interface Wiring { key: boolean; mask: boolean; causal: boolean }

/**
 * Keras' MultiHeadAttention: query [batch, Tq, dq], value [batch, Tv, dv], key (default value)
 * [batch, Tv, dk] -> [batch, Tq, outputShape]. Weights as Keras: query/key/value kernels
 * [d, numHeads, keyDim|valueDim] with biases [numHeads, keyDim|valueDim], output kernel
 * [numHeads, valueDim, outputShape] with bias [outputShape].
 */
export class MultiHeadAttention extends Layer {
  readonly className = 'MultiHeadAttention';
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  readonly outputShape?: number;
  readonly kernelInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  readonly seed?: number;
  private wiring: Wiring | null;
  private w: Record<'qk' | 'qb' | 'kk' | 'kb' | 'vk' | 'vb' | 'ok' | 'ob', Variable | null> = { qk: null, qb: null, kk: null, kb: null, vk: null, vb: null, ok: null, ob: null };
  private outDim = 0;
  /** Seeds of the dropout on the attention probabilities, one per training call: from `seed` when given. */
  private dropSeeds: () => number;

  constructor(args: MultiHeadAttentionArgs) {
    super(args ?? {}, 'multi_head_attention');
    const where = `multiHeadAttention '${this.name}'`;
    if (!args || typeof args !== 'object') throw new Error('multiHeadAttention: expects an options object such as { numHeads: 4, keyDim: 32 }');
    this.numHeads = checkPositiveInt(where, 'numHeads', args.numHeads);
    this.keyDim = checkPositiveInt(where, 'keyDim', args.keyDim);
    this.valueDim = args.valueDim === undefined ? this.keyDim : checkPositiveInt(where, 'valueDim', args.valueDim);
    this.dropout = args.dropout ?? 0;
    if (typeof this.dropout !== 'number' || !(this.dropout >= 0 && this.dropout < 1)) throw new Error(`${where}: dropout must be a number in [0, 1), got ${JSON.stringify(args.dropout)}`);
    this.useBias = args.useBias ?? true;
    if (args.outputShape !== undefined) this.outputShape = checkPositiveInt(where, 'outputShape', args.outputShape);
    this.kernelInitializer = args.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = args.biasInitializer ?? 'zeros';
    checkInitializer(where, this.kernelInitializer);
    checkInitializer(where, this.biasInitializer);
    this.seed = args.seed;
    // NOTE: its own stream, as Dropout's: a seeded layer drops the same probabilities on every run.
    this.dropSeeds = rng(args.seed === undefined ? nextSeed() : (args.seed ^ 0x5bd1e995) >>> 0);
    this.wiring = (args as { wiring?: Wiring }).wiring ?? null;
  }

  private get where(): string { return `multiHeadAttention '${this.name}'`; }

  /**
   * `[query, value, key?]`, with `{ attentionMask, useCausalMask }`. On symbolic tensors the mask is
   * a symbolic input too; the way the layer is fed is fixed by its first symbolic application.
   */
  override apply(x: SymbolicTensor | SymbolicTensor[], opts?: AttentionCallOptions): SymbolicTensor;
  override apply(x: Tensor | Tensor[], opts?: AttentionCallOptions): Tensor;
  override apply(x: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], opts: AttentionCallOptions = {}): Tensor | SymbolicTensor {
    const list = (Array.isArray(x) ? x : [x]) as (Tensor | SymbolicTensor)[];
    const w = this.wiring;
    // a loaded model re-applies the layer to the inputs its node lists: query, value, key?, mask?
    const wired = list[0] instanceof SymbolicTensor && w !== null && opts.attentionMask === undefined && opts.useCausalMask === undefined
      && list.length === 2 + (w.key ? 1 : 0) + (w.mask ? 1 : 0);
    if (wired) return super.apply(list as SymbolicTensor[]);
    if (list.length < 2 || list.length > 3) throw new Error(`${this.where}: apply expects [query, value] or [query, value, key], got ${list.length} input(s)`);
    if (!(list[0] instanceof SymbolicTensor)) return super.apply(list as Tensor[], opts);
    const mask = opts.attentionMask;
    if (mask !== undefined && !(mask instanceof SymbolicTensor)) throw new Error(`${this.where}: on symbolic inputs attentionMask must be a symbolic tensor (eg.input) too`);
    const wiring: Wiring = { key: list.length === 3, mask: mask !== undefined, causal: !!opts.useCausalMask };
    if (w && (w.key !== wiring.key || w.mask !== wiring.mask || w.causal !== wiring.causal)) {
      throw new Error(`${this.where}: every graph application must pass the same inputs and options (first: ${JSON.stringify(w)}, now: ${JSON.stringify(wiring)})`);
    }
    this.wiring = wiring;
    return super.apply([...list, ...(mask ? [mask] : [])] as SymbolicTensor[]);
  }

  /** Splits a node's inputs by the wiring: query, value, key, mask. */
  private parts<T>(xs: T[]): { q: T; v: T; k: T; mask?: T } {
    const w = this.wiring;
    const n = 2 + (w?.key ? 1 : 0);
    if (w && xs.length !== n + (w.mask ? 1 : 0)) throw new Error(`${this.where}: expected ${n + (w.mask ? 1 : 0)} inputs (${JSON.stringify(w)}), got ${xs.length}`);
    return { q: xs[0], v: xs[1], k: w?.key || (!w && xs.length === 3) ? xs[2] : xs[1], mask: w?.mask ? xs[n] : undefined };
  }

  computeOutputShape(s: Shape | Shape[]): Shape {
    if (!Array.isArray(s[0])) throw new Error(`${this.where}: expects a list [query, value] or [query, value, key], got one input of shape ${fmtShape(s as Shape)}`);
    const { q, v, k, mask } = this.parts(s as Shape[]);
    for (const [name, sh] of [['query', q], ['value', v], ['key', k]] as const) {
      if (sh.length !== 2) throw new Error(`${this.where}: ${name} must be [batch, T, features], got per-sample shape ${fmtShape(sh)}`);
    }
    if (v[0] !== k[0]) throw new Error(`${this.where}: key and value must have one length, got ${fmtShape(k)} and ${fmtShape(v)}`);
    if (mask && !(mask.length === 2 && mask[0] === q[0] && mask[1] === v[0])) {
      throw new Error(`${this.where}: attentionMask must be [batch, ${q[0]}, ${v[0]}] ([batch, Tq, Tv]), got per-sample shape ${fmtShape(mask)}`);
    }
    if (this.built) {
      const want = [this.w.qk!.shape[0], this.w.vk!.shape[0], this.w.kk!.shape[0]];
      const got = [q[1], v[1], k[1]];
      if (want.some((d, i) => d !== got[i])) throw new Error(`${this.where}: built for query/value/key features ${want.join('/')}, got ${got.join('/')}`);
    }
    return [q[0], this.outputShape ?? q[1]];
  }

  override build(s: Shape | Shape[]): void {
    const { q, v, k } = this.parts(s as Shape[]);
    const H = this.numHeads, seed = this.seed;
    this.outDim = this.outputShape ?? q[1];
    const kernel = (short: string, shape: number[]) => this.addWeight(short, shape, (sh) => {
      const fan = sh.length === 3 && short.startsWith('output') ? [sh[0] * sh[1], sh[2]] : [sh[0], sh[1] * sh[2]];
      return engine.tidy(() => reshape(initialize(this.where, this.kernelInitializer, fan, seed ?? nextSeed()), sh));
    });
    const bias = (short: string, shape: number[]) => (this.useBias ? this.addWeight(short, shape, (sh) => initialize(this.where, this.biasInitializer, sh)) : null);
    this.w.qk = kernel('query/kernel', [q[1], H, this.keyDim]);
    this.w.qb = bias('query/bias', [H, this.keyDim]);
    this.w.kk = kernel('key/kernel', [k[1], H, this.keyDim]);
    this.w.kb = bias('key/bias', [H, this.keyDim]);
    this.w.vk = kernel('value/kernel', [v[1], H, this.valueDim]);
    this.w.vb = bias('value/bias', [H, this.valueDim]);
    this.w.ok = kernel('attention_output/kernel', [H, this.valueDim, this.outDim]);
    this.w.ob = bias('attention_output/bias', [this.outDim]);
    super.build(s);
  }

  /** [batch, T, d] -> [batch, heads, T, size] */
  private project(x: Tensor, k: Variable, b: Variable | null, size: number): Tensor {
    const H = this.numHeads, [B, T] = x.shape;
    const y = fusedMatmul(x, reshape(k, [k.shape[0], H * size]), b ? reshape(b, [H * size]) : null);
    return transpose(reshape(y, [B, T, H, size]), [0, 2, 1, 3]);
  }

  call(x: Tensor | Tensor[], opts: AttentionCallOptions): Tensor {
    const xs = Array.isArray(x) ? x : [x];
    const { q: query, v: value, k: key, mask: wiredMask } = this.parts(xs);
    const mask = (wiredMask ?? opts.attentionMask) as Tensor | undefined;
    const causal = opts.useCausalMask ?? this.wiring?.causal ?? false;
    const [B, Tq] = query.shape;
    if (mask !== undefined && !(mask.rank === 3 || mask.rank === 2)) throw new Error(`${this.where}: attentionMask must be [batch, Tq, Tk] or [batch, Tk], got shape [${mask.shape}]`);
    return engine.tidy(() => {
      const q = this.project(query, this.w.qk!, this.w.qb, this.keyDim);
      let k = this.project(key, this.w.kk!, this.w.kb, this.keyDim);
      let v = this.project(value, this.w.vk!, this.w.vb, this.valueDim);
      const cache = opts.cache;
      if (cache) {
        if (key !== query || value !== query) throw new Error(`${this.where}: a KV cache serves self-attention only (query, value and key one tensor)`);
        const past = cache.entries.get(this);
        if (past) {
          if (past.key.shape[2] !== cache.offset) throw new Error(`${this.where}: the cache holds ${past.key.shape[2]} positions but its offset is ${cache.offset}`);
          k = concat([past.key, k], 2);
          v = concat([past.value, v], 2);
          past.key.dispose();
          past.value.dispose();
        }
        cache.entries.set(this, { key: engine.keep(k), value: engine.keep(v) });
      }
      let m: Tensor | null = null;
      if (mask) m = mask.rank === 3 ? expandDims(mask, 1) : reshape(mask, [mask.shape[0], 1, 1, mask.shape[1]]);
      const drop = opts.training && this.dropout > 0 ? this.dropout : 0;
      const o = attention(q, k, v, { causal, mask: m, dropout: drop, seed: drop ? streamSeed(this.dropSeeds) : undefined });
      const merged = reshape(transpose(o, [0, 2, 1, 3]), [B, Tq, this.numHeads * this.valueDim]);
      return fusedMatmul(merged, reshape(this.w.ok!, [this.numHeads * this.valueDim, this.outDim]), this.w.ob);
    });
  }

  override getConfig(): LayerConfig {
    const c: LayerConfig = {
      ...super.getConfig(), numHeads: this.numHeads, keyDim: this.keyDim, valueDim: this.valueDim, dropout: this.dropout,
      useBias: this.useBias, kernelInitializer: this.kernelInitializer, biasInitializer: this.biasInitializer,
    };
    if (this.outputShape !== undefined) c.outputShape = this.outputShape;
    if (this.seed !== undefined) c.seed = this.seed;
    if (this.wiring) c.wiring = { ...this.wiring };
    return c;
  }
}

export interface PositionalEmbeddingArgs extends LayerArgs {
  /** Longest sequence: the position table has this many rows. */
  maxLength: number;
  /** Features (default: the input's last axis). */
  outputDim?: number;
  embeddingsInitializer?: InitializerSpec;
  seed?: number;
}

/** Adds a learned position table to token embeddings: [batch, T, d] -> same, T <= maxLength. */
export class PositionalEmbedding extends Layer {
  readonly className = 'PositionalEmbedding';
  readonly maxLength: number;
  readonly outputDim?: number;
  readonly embeddingsInitializer: InitializerSpec;
  readonly seed?: number;
  embeddings: Variable | null = null;

  constructor(args: PositionalEmbeddingArgs) {
    super(args ?? {}, 'positional_embedding');
    const where = `positionalEmbedding '${this.name}'`;
    if (!args || typeof args !== 'object') throw new Error('positionalEmbedding: expects an options object such as { maxLength: 64 }');
    this.maxLength = checkPositiveInt(where, 'maxLength', args.maxLength);
    if (args.outputDim !== undefined) this.outputDim = checkPositiveInt(where, 'outputDim', args.outputDim);
    this.embeddingsInitializer = args.embeddingsInitializer ?? 'glorotUniform';
    checkInitializer(where, this.embeddingsInitializer);
    this.seed = args.seed;
  }

  computeOutputShape(s: Shape): Shape {
    const where = `positionalEmbedding '${this.name}'`;
    if (s.length !== 2) throw new Error(`${where}: expects [batch, T, features], got per-sample shape ${fmtShape(s)}`);
    checkLength(where, s[0], 0, this.maxLength);
    if (this.outputDim !== undefined && s[1] !== this.outputDim) throw new Error(`${where}: outputDim is ${this.outputDim} but the input has ${s[1]} features`);
    return [...s];
  }

  override build(s: Shape): void {
    const where = `positionalEmbedding '${this.name}'`;
    this.embeddings = this.addWeight('embeddings', [this.maxLength, s[1]], (sh) => initialize(where, this.embeddingsInitializer, sh, this.seed ?? nextSeed()));
    super.build(s);
  }

  call(x: Tensor, opts: CallOptions): Tensor {
    const T = x.shape[1], offset = opts.cache?.offset ?? 0;
    checkLength(`positionalEmbedding '${this.name}'`, T, offset, this.maxLength);
    return engine.tidy(() => add(x, slice(this.embeddings!, [offset, 0], [T, this.embeddings!.shape[1]])));
  }

  override getConfig(): LayerConfig {
    const c: LayerConfig = { ...super.getConfig(), maxLength: this.maxLength, embeddingsInitializer: this.embeddingsInitializer };
    if (this.outputDim !== undefined) c.outputDim = this.outputDim;
    if (this.seed !== undefined) c.seed = this.seed;
    return c;
  }
}

function checkLength(where: string, T: number, offset: number, maxLength: number): void {
  if (offset + T > maxLength) {
    throw new Error(`${where}: positions ${offset}..${offset + T - 1} go past the position table (maxLength ${maxLength}); `
      + `feed at most ${maxLength} tokens (crop the sequence or the generation context)`);
  }
}

export interface SinusoidalPositionalEncodingArgs extends LayerArgs {
  /** Longest wavelength (default 10000). */
  maxWavelength?: number;
}

/** Adds the sinusoidal encoding (no weights) to [batch, T, d]; any T. */
export class SinusoidalPositionalEncoding extends Layer {
  readonly className = 'SinusoidalPositionalEncoding';
  readonly maxWavelength: number;

  constructor(args: SinusoidalPositionalEncodingArgs = {}) {
    super(args, 'sinusoidal_positional_encoding');
    this.maxWavelength = args.maxWavelength ?? 10000;
    if (!(this.maxWavelength > 0)) throw new Error(`sinusoidalPositionalEncoding '${this.name}': maxWavelength must be positive, got ${args.maxWavelength}`);
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length !== 2) throw new Error(`sinusoidalPositionalEncoding '${this.name}': expects [batch, T, features], got per-sample shape ${fmtShape(s)}`);
    return [...s];
  }

  call(x: Tensor, opts: CallOptions): Tensor {
    return engine.tidy(() => add(x, sinusoidalEncoding(x.shape[1], x.shape[2], { maxWavelength: this.maxWavelength, offset: opts.cache?.offset ?? 0 })));
  }

  override getConfig(): LayerConfig { return { ...super.getConfig(), maxWavelength: this.maxWavelength }; }
}

export interface RmsNormalizationArgs extends LayerArgs {
  /** Added to the mean square (default 1e-6, as Keras). */
  epsilon?: number;
}

/** Keras' RMSNormalization over the last axis, with a learned scale (initialised to ones). */
export class RMSNormalization extends Layer {
  readonly className = 'RMSNormalization';
  readonly epsilon: number;
  scale: Variable | null = null;

  constructor(args: RmsNormalizationArgs = {}) {
    super(args, 'rms_normalization');
    this.epsilon = args.epsilon ?? 1e-6;
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0)) throw new Error(`rmsNormalization '${this.name}': epsilon must be positive, got ${args.epsilon}`);
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length < 1) throw new Error(`rmsNormalization '${this.name}': needs per-sample features, got shape ${fmtShape(s)}`);
    return [...s];
  }

  override build(s: Shape): void {
    this.scale = this.addWeight('scale', [s[s.length - 1]], (sh) => initialize(`rmsNormalization '${this.name}'`, 'ones', sh));
    super.build(s);
  }

  call(x: Tensor): Tensor { return rmsNorm(x, this.scale, { epsilon: this.epsilon }); }

  override getConfig(): LayerConfig { return { ...super.getConfig(), epsilon: this.epsilon }; }
}

export interface TransformerArgs extends LayerArgs {
  numHeads: number;
  /** Per-head size (default: features / numHeads, which must divide). */
  keyDim?: number;
  /** Width of the feed-forward block's hidden layer. */
  ffDim: number;
  /** Dropout after attention and after the feed-forward block, and on the attention probabilities (default 0). */
  dropout?: number;
  /** Pre-norm (normalise before attention and feed-forward, as GPT-2) instead of post-norm (default false, as the original). */
  normFirst?: boolean;
  /** The feed-forward hidden activation (default 'relu'). */
  activation?: ActivationName;
  /** Layer normalisation epsilon (default 1e-5, as keras-hub). */
  epsilon?: number;
  seed?: number;
}

/**
 * A transformer encoder block on [batch, T, d]: self-attention and a two-layer feed-forward block,
 * each with a residual connection and layer normalisation (after it, or before with normFirst).
 * Real calls take `{ attentionMask }` as multiHeadAttention does.
 */
export class TransformerEncoder extends Layer {
  readonly className: string = 'TransformerEncoder';
  protected readonly causal: boolean = false;
  readonly numHeads: number;
  readonly keyDim?: number;
  readonly ffDim: number;
  readonly dropout: number;
  readonly normFirst: boolean;
  readonly activation: ActivationName;
  readonly epsilon: number;
  readonly seed?: number;
  private masked: boolean;
  private parts: { mha: MultiHeadAttention; norm1: LayerNormalization; norm2: LayerNormalization; ff1: Dense; ff2: Dense; drop1: Dropout; drop2: Dropout } | null = null;

  constructor(args: TransformerArgs, prefix = 'transformer_encoder') {
    super(args ?? {}, prefix);
    const where = `${prefix} '${this.name}'`;
    if (!args || typeof args !== 'object') throw new Error(`${prefix}: expects an options object such as { numHeads: 4, ffDim: 256 }`);
    this.numHeads = checkPositiveInt(where, 'numHeads', args.numHeads);
    if (args.keyDim !== undefined) this.keyDim = checkPositiveInt(where, 'keyDim', args.keyDim);
    this.ffDim = checkPositiveInt(where, 'ffDim', args.ffDim);
    this.dropout = args.dropout ?? 0;
    if (typeof this.dropout !== 'number' || !(this.dropout >= 0 && this.dropout < 1)) throw new Error(`${where}: dropout must be a number in [0, 1), got ${JSON.stringify(args.dropout)}`);
    this.normFirst = args.normFirst ?? false;
    this.activation = checkActivation(where, args.activation ?? 'relu');
    this.epsilon = args.epsilon ?? 1e-5;
    this.seed = args.seed;
    this.masked = (args as { masked?: boolean }).masked === true;
  }

  /**
   * x, with `{ attentionMask }` ([batch, T] padding or [batch, T, T]); on symbolic tensors the mask
   * is a symbolic float32 input too, fixed by the first symbolic application (`masked` in the config).
   */
  override apply(x: SymbolicTensor | SymbolicTensor[], opts?: AttentionCallOptions): SymbolicTensor;
  override apply(x: Tensor | Tensor[], opts?: AttentionCallOptions): Tensor;
  override apply(x: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], opts: AttentionCallOptions = {}): Tensor | SymbolicTensor {
    const list = (Array.isArray(x) ? x : [x]) as (Tensor | SymbolicTensor)[];
    if (!(list[0] instanceof SymbolicTensor)) {
      if (list.length !== 1) throw new Error(`${this.className} '${this.name}': apply expects one tensor [batch, T, features] (a mask goes in { attentionMask }), got ${list.length}`);
      return super.apply(list[0] as Tensor, opts);
    }
    // a loaded model re-applies the layer to the inputs its node lists: x, mask
    if (list.length === 2 && this.masked && opts.attentionMask === undefined) return super.apply(list as SymbolicTensor[]);
    if (list.length !== 1) throw new Error(`${this.className} '${this.name}': apply expects one tensor [batch, T, features] (a mask goes in { attentionMask }), got ${list.length}`);
    const mask = opts.attentionMask;
    if (mask !== undefined && !(mask instanceof SymbolicTensor)) throw new Error(`${this.className} '${this.name}': on symbolic inputs attentionMask must be a symbolic tensor (eg.input) too`);
    if (this.inboundNodes.length > 0 && (mask !== undefined) !== this.masked) throw new Error(`${this.className} '${this.name}': every graph application must pass a mask, or none`);
    this.masked = mask !== undefined;
    return super.apply(mask ? [list[0] as SymbolicTensor, mask] : list[0] as SymbolicTensor);
  }

  computeOutputShape(shape: Shape | Shape[]): Shape {
    const where = `${this.className} '${this.name}'`;
    const s = (Array.isArray(shape[0]) ? shape[0] : shape) as Shape;
    if (Array.isArray(shape[0])) {
      const m = shape[1] as Shape;
      if (!(m.length === 1 && m[0] === s[0]) && !(m.length === 2 && m[0] === s[0] && m[1] === s[0])) {
        throw new Error(`${where}: attentionMask must be [batch, ${s[0]}] or [batch, ${s[0]}, ${s[0]}], got per-sample shape ${fmtShape(m)}`);
      }
    }
    if (s.length !== 2) throw new Error(`${where}: expects [batch, T, features], got per-sample shape ${fmtShape(s)}`);
    if (this.keyDim === undefined && s[1] % this.numHeads !== 0) {
      throw new Error(`${where}: features ${s[1]} do not split into numHeads ${this.numHeads} heads; give keyDim or make features a multiple of numHeads`);
    }
    return [...s];
  }

  override build(shape: Shape | Shape[]): void {
    const s = (Array.isArray(shape[0]) ? shape[0] : shape) as Shape;
    const d = s[1], n = this.name, seed = this.seed;
    const sub = (i: number) => (seed === undefined ? undefined : seed + i);
    const p = {
      mha: new MultiHeadAttention({ name: `${n}.attention`, numHeads: this.numHeads, keyDim: this.keyDim ?? d / this.numHeads, dropout: this.dropout, seed: sub(1) }),
      norm1: new LayerNormalization({ name: `${n}.norm1`, epsilon: this.epsilon }),
      norm2: new LayerNormalization({ name: `${n}.norm2`, epsilon: this.epsilon }),
      ff1: new Dense({ name: `${n}.ff1`, units: this.ffDim, activation: this.activation, seed: sub(2) }),
      ff2: new Dense({ name: `${n}.ff2`, units: d, seed: sub(3) }),
      drop1: new Dropout({ name: `${n}.drop1`, rate: this.dropout, seed: sub(4) }),
      drop2: new Dropout({ name: `${n}.drop2`, rate: this.dropout, seed: sub(5) }),
    };
    for (const l of Object.values(p)) this.addLayer(l);
    p.mha.build([s, s]);
    p.norm1.build(s);
    p.norm2.build(s);
    p.ff1.build(s);
    p.ff2.build([s[0], this.ffDim]);
    this.parts = p;
    super.build(s);
  }

  call(input: Tensor | Tensor[], callOpts: AttentionCallOptions): Tensor {
    const p = this.parts!;
    const [x, mask] = Array.isArray(input) ? input : [input];
    const opts = mask ? { ...callOpts, attentionMask: mask } : callOpts;
    return engine.tidy(() => {
      const attend = (h: Tensor) => p.drop1.call(p.mha.call([h, h], { ...opts, useCausalMask: this.causal }), opts);
      const ff = (h: Tensor) => p.drop2.call(p.ff2.call(p.ff1.call(h, opts), opts), opts);
      if (this.normFirst) {
        const h = add(x, attend(p.norm1.call(x)));
        return add(h, ff(p.norm2.call(h)));
      }
      const h = p.norm1.call(add(x, attend(x)));
      return p.norm2.call(add(h, ff(h)));
    });
  }

  override getConfig(): LayerConfig {
    const c: LayerConfig = {
      ...super.getConfig(), numHeads: this.numHeads, ffDim: this.ffDim, dropout: this.dropout,
      normFirst: this.normFirst, activation: this.activation, epsilon: this.epsilon,
    };
    if (this.keyDim !== undefined) c.keyDim = this.keyDim;
    if (this.seed !== undefined) c.seed = this.seed;
    if (this.masked) c.masked = true;
    return c;
  }
}

/** A decoder-only (GPT) block: the encoder block with causal self-attention; no cross-attention. */
export class TransformerDecoder extends TransformerEncoder {
  override readonly className: string = 'TransformerDecoder';
  protected override readonly causal: boolean = true;
  constructor(args: TransformerArgs) { super(args, 'transformer_decoder'); }
}

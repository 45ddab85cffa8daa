// eg.quantize (loaded on first use): a float32 model -> a new model whose Dense and Conv2D (groups 1)
// layers are QuantizedDense / QuantizedConv2D with int8 kernels, symmetric per output channel.
// The model's own files are rewritten (model.json's layer nodes, the safetensors tensors) and
// loaded back, so a quantised model is exactly what saving and loading it gives.
import '../core.js';
import { engine } from '../engine.js';
import { Tensor } from '../tensor.js';
import { abs } from '../ops/elementwise.js';
import { max } from '../ops/reduce.js';
import { tensor } from '../ops/creation.js';
import { quantizeColumns } from '../ops/quant.js';
import { type NamedTensor, encodeSafetensors } from '../io/safetensors.js';
import { decodeSafetensors } from '../io/safetensors-decode.js';
import type { Layer, LayerConfig } from '../layers/layer.js';
import type { QuantizedBase } from '../layers/quantized.js';
import type { Model } from './graph.js';
import { readArtifactValues, toArtifacts } from './artifacts.js';
import { type ModelJson, fnv1a } from './format.js';
import { loadModel } from './load.js';

type AnyModel = Model<Tensor | Tensor[]>;

export interface QuantizeOptions {
  /** The only one for now: 'int8'. */
  dtype?: 'int8';
  /**
   * Input batches (a tensor, or a list of them, or nested arrays) run through the float model to
   * record each quantised layer's input range: the layers then quantise activations with that
   * static range. Without it, each row is quantised with its own range at run time (dynamic).
   */
  calibration?: Tensor | Tensor[] | number[][] | number[][][] | number[][][][];
  /**
   * Layers whose GEMM depth (a dense layer's inputs, a convolution's kh·kw·channels) is below this
   * stay float32 (default 32): quantising each row of a product that shallow costs more than the
   * int8 product saves (the reference CNN's first 3x3x1 convolution), and their weights are few.
   * 0 quantises every Dense and Conv2D.
   */
  minDepth?: number;
}

/** The layers quantize rewrites: Dense, and Conv2D with groups 1, at least minDepth deep. */
function quantizable(l: Layer, minDepth: number): boolean {
  if (l.className !== 'Dense' && !(l.className === 'Conv2D' && (l as Layer & { groups: number }).groups === 1)) return false;
  const k = (l as Layer & { kernel: Tensor | null }).kernel;
  const depth = k ? k.shape.slice(0, -1).reduce((a, d) => a * d, 1) : 0;
  return depth >= minDepth;
}

/** Every layer of a model, nested models' included. */
function allLayers(m: AnyModel): Layer[] {
  const out: Layer[] = [];
  for (const l of m.layers) {
    out.push(l);
    const inner = l as AnyModel;
    if (Array.isArray(inner.layers) && Array.isArray(inner.nodes)) out.push(...allLayers(inner));
  }
  return out;
}

/** Runs the calibration batches through `model`, recording max |input| of each target layer. */
async function calibrate(model: AnyModel, targets: Layer[], batches: Tensor[]): Promise<Map<string, number>> {
  const seen = new Map<string, Tensor[]>();
  const originals = targets.map((l) => l.call);
  targets.forEach((l) => {
    const call = l.call;
    seen.set(l.name, []);
    l.call = function (this: Layer, x, opts) {
      seen.get(l.name)!.push(engine.keep(max(abs(x as Tensor))));
      return call.call(this, x, opts);
    } as Layer['call'];
  });
  try {
    for (const b of batches) {
      const y = model.predict(b);
      for (const t of Array.isArray(y) ? y : [y]) t.dispose();
    }
  } finally {
    targets.forEach((l, i) => { l.call = originals[i]; });
  }
  const ranges = new Map<string, number>();
  for (const [name, ts] of seen) {
    let r = 0;
    for (const t of ts) { r = Math.max(r, (await t.data())[0]); t.dispose(); }
    if (!Number.isFinite(r)) throw new Error(`quantize: the calibration data gives layer '${name}' an input range of ${r}; only finite inputs can calibrate`);
    ranges.set(name, r);
  }
  return ranges;
}

function batchesOf(c: NonNullable<QuantizeOptions['calibration']>): Tensor[] {
  if (c instanceof Tensor) return [c];
  if (Array.isArray(c) && c.length > 0 && c.every((t) => t instanceof Tensor)) return c as Tensor[];
  if (Array.isArray(c) && c.length > 0) return [tensor(c as number[][])];
  throw new Error('quantize: calibration must be a tensor, a non-empty list of tensors (input batches) or nested arrays of numbers');
}

/** Walks model.json's node lists (nested models' too), calling `fn` on each layer node. */
function eachNode(config: { nodes?: { className?: string; config?: LayerConfig }[] }, fn: (n: { className: string; config: LayerConfig }) => void): void {
  for (const n of config.nodes ?? []) {
    if (typeof n.className !== 'string' || !n.config) continue;
    fn(n as { className: string; config: LayerConfig });
    if (n.className === 'Model' || n.className === 'Sequential') eachNode(n.config as never, fn);
  }
}

export async function quantize(model: AnyModel, opts: QuantizeOptions = {}): Promise<AnyModel> {
  if (!model || typeof model !== 'object' || !Array.isArray((model as AnyModel).layers) || typeof (model as AnyModel).predict !== 'function') {
    throw new Error('quantize: expects a model (eg.sequential or eg.model)');
  }
  if (opts === null || typeof opts !== 'object') throw new Error(`quantize: options must be an object such as { dtype: 'int8' }, got ${JSON.stringify(opts)}`);
  const dtype = opts.dtype ?? 'int8';
  if (dtype !== 'int8') throw new Error(`quantize: dtype ${JSON.stringify(dtype)} is not supported; quantize supports 'int8'`);
  if (!model.built) throw new Error(`quantize: model '${model.name}' is not built; give the first layer an inputShape or call fit/predict first`);
  const layers = allLayers(model);
  if (layers.some((l) => l.className.startsWith('Quantized'))) throw new Error(`quantize: model '${model.name}' is already quantised`);
  const minDepth = opts.minDepth ?? 32;
  if (typeof minDepth !== 'number' || !Number.isInteger(minDepth) || minDepth < 0) throw new Error(`quantize: minDepth must be an integer >= 0, got ${JSON.stringify(opts.minDepth)}`);
  const targets = layers.filter((l) => quantizable(l, minDepth));
  if (targets.length === 0) throw new Error(`quantize: model '${model.name}' has no Dense or Conv2D (groups 1) layer at least ${minDepth} deep (minDepth) to quantise`);
  const ranges = opts.calibration !== undefined ? await calibrate(model, targets, batchesOf(opts.calibration)) : new Map<string, number>();

  const values = await readArtifactValues(model, { includeOptimizer: false });
  const art = toArtifacts(model, { includeOptimizer: false }, values);
  const json = JSON.parse(art.modelJson) as ModelJson;
  const st = decodeSafetensors(art.weights, 'quantize');
  const byName = new Map(st.tensors.map((t) => [t.name, t]));
  const names = new Set(targets.map((l) => l.name));

  const topo = json.modelTopology as { config: { nodes?: { className?: string; config?: LayerConfig }[] } };
  eachNode(topo.config, (n) => {
    if (!names.has(n.config.name)) return;
    const c = n.config;
    const base: LayerConfig = { name: c.name, trainable: false, activation: c.activation, useBias: c.useBias };
    if (c.inputShape) base.inputShape = c.inputShape as number[];
    if (c.alpha !== undefined) base.alpha = c.alpha;
    const r = ranges.get(c.name);
    if (r !== undefined && r > 0) base.inputRange = r;
    if (n.className === 'Dense') {
      n.className = 'QuantizedDense';
      n.config = { ...base, units: c.units };
    } else {
      n.className = 'QuantizedConv2D';
      n.config = { ...base, filters: c.filters, kernelSize: c.kernelSize, strides: c.strides, padding: c.padding, dilationRate: c.dilationRate };
    }
  });

  const tensors: NamedTensor[] = [];
  const manifest: ModelJson['weights'] = [];
  for (const m of json.weights) {
    const t = byName.get(m.name)!;
    const layer = m.name.slice(0, m.name.lastIndexOf('/'));
    if (names.has(layer) && m.name.endsWith('/kernel')) {
      const N = t.shape[t.shape.length - 1], K = t.shape.reduce((a, d) => a * d, 1) / Math.max(N, 1);
      const q = quantizeColumns(`quantize: layer '${layer}'`, t.data, K, N);
      tensors.push({ name: m.name, dtype: 'int8', shape: [...t.shape], data: q.values });
      manifest.push({ name: m.name, shape: [...t.shape], dtype: 'int8' });
      tensors.push({ name: `${layer}/scale`, dtype: 'float32', shape: [N], data: q.scales });
      manifest.push({ name: `${layer}/scale`, shape: [N], dtype: 'float32' });
    } else {
      tensors.push({ name: m.name, dtype: t.dtype, shape: [...t.shape], data: t.data });
      manifest.push(m);
    }
  }
  const weights = encodeSafetensors(tensors, { format: 'edgegrad', layout: 'dense kernels are [in, out]; int8 kernels are symmetric per output channel: w = kernel * scale[out]' });
  json.weights = manifest;
  json.weightsBytes = weights.length;
  json.weightsHash = fnv1a(weights);
  delete json.optimizerState;
  const q = await loadModel({ modelJson: JSON.stringify(json, null, 2), weights, weightsFile: art.weightsFile });
  for (const l of allLayers(q)) if (l.className.startsWith('Quantized')) (l as QuantizedBase).prepare();
  return q;
}

// eg.loadTfjsModel: a TensorFlow.js layers model (model.json of format 'layers-model' with its
// modelTopology and weightsManifest, plus the .bin shards; what tfjs's model.save and
// tensorflowjs_converter write) rebuilt as an edgegrad model, for the layer types edgegrad has:
// Dense, Dropout, Flatten, Reshape, Activation, LayerNormalization, Embedding, Conv2D,
// DepthwiseConv2D, Max/AveragePooling2D, GlobalMax/AveragePooling2D, ZeroPadding2D,
// BatchNormalization, and the merges Add/Multiply/Average/Concatenate in functional models. Anything
// else is refused by name. Loaded on first use (src/model/index.ts).
import '../core.js';
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import { isNode, nodeModule } from '../platform.js';
import { type Layer, type SymbolicTensor, withWeightSource } from '../layers/layer.js';
import * as L from '../layers/factories.js';
import { input as symbolicInput } from '../layers/input.js';
import { ACTIVATIONS, type ActivationName } from '../layers/activations.js';
import { Model } from './graph.js';
import { Sequential } from './sequential.js';

type Json = Record<string, unknown>;
type AnyModel = Model<Tensor | Tensor[]>;

/** model.json and its weight bytes in memory (the shards concatenated in manifest order). */
export interface TfjsArtifacts {
  /** model.json's content: the object or its text. */
  modelJson: Json | string;
  /** The weight shards' bytes, concatenated in the order of the manifest's paths. */
  weightData: ArrayBuffer | Uint8Array;
}

const bad = (msg: string): never => { throw new Error(`loadTfjsModel: ${msg}`); };

interface ManifestEntry { name: string; shape: number[]; dtype: string; quantization?: unknown }

// ---- reading ----------------------------------------------------------------------------------

async function readArtifacts(source: string | TfjsArtifacts): Promise<{ json: Json; bytes: Uint8Array }> {
  if (source && typeof source === 'object') {
    const json = typeof source.modelJson === 'string' ? parse(source.modelJson) : source.modelJson;
    const wd = source.weightData;
    if (!(wd instanceof ArrayBuffer) && !(wd instanceof Uint8Array)) bad('weightData must be an ArrayBuffer or Uint8Array');
    return { json, bytes: wd instanceof Uint8Array ? wd : new Uint8Array(wd) };
  }
  if (typeof source !== 'string') return bad(`expects a URL, a directory (or its model.json) or { modelJson, weightData }, got ${typeof source}`);
  const isUrl = /^https?:\/\//.test(source);
  if (isUrl || !isNode()) {
    const url = /\.json(\?|$)/.test(source) ? source : `${source.replace(/\/$/, '')}/model.json`;
    const get = async (u: string) => {
      const res = await fetch(u).catch((e) => bad(`cannot fetch ${u}: ${(e as Error).message}`));
      if (!res.ok) bad(`fetching ${u} gave HTTP ${res.status}`);
      return res;
    };
    const json = parse(await (await get(url)).text());
    const parts: Uint8Array[] = [];
    for (const p of shardPaths(json)) parts.push(new Uint8Array(await (await get(new URL(p, new URL(url, globalThis.location?.href)).href)).arrayBuffer()));
    return { json, bytes: concatBytes(parts) };
  }
  const fs = await nodeModule<typeof import('node:fs/promises')>('fs/promises');
  const path = await nodeModule<typeof import('node:path')>('path');
  let file = source;
  if (file.startsWith('file://')) file = (await nodeModule<typeof import('node:url')>('url')).fileURLToPath(file);
  const stat = await fs.stat(file).catch(() => bad(`no such file or directory: ${file}`));
  if (stat.isDirectory()) file = path.join(file, 'model.json');
  const json = parse(await fs.readFile(file, 'utf8').catch(() => bad(`cannot read ${file}`)));
  const dir = path.dirname(file);
  const parts: Uint8Array[] = [];
  for (const p of shardPaths(json)) {
    parts.push(new Uint8Array(await fs.readFile(path.join(dir, p)).catch(() => bad(`cannot read the weight shard ${path.join(dir, p)} listed in ${file}`))));
  }
  return { json, bytes: concatBytes(parts) };
}

function parse(text: string): Json {
  try {
    const j = JSON.parse(text);
    if (!j || typeof j !== 'object') bad('model.json must hold an object');
    return j;
  } catch (e) {
    return bad(`model.json is not valid JSON (${(e as Error).message})`);
  }
}

function shardPaths(json: Json): string[] {
  const groups = json.weightsManifest as { paths?: unknown }[] | undefined;
  if (!Array.isArray(groups)) return bad("model.json has no weightsManifest (is it a tfjs layers model? a graph model from the converter is not supported)");
  return groups.flatMap((g, i) => {
    if (!Array.isArray(g?.paths) || g.paths.some((p) => typeof p !== 'string')) bad(`weightsManifest[${i}].paths must be a list of file names`);
    return g.paths as string[];
  });
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

// ---- weights -------------------------------------------------------------------------------

/** Each manifest tensor's values by name (float32; int32 weights are read as float32). */
function decodeWeights(json: Json, bytes: Uint8Array): Map<string, { shape: number[]; values: Float32Array }> {
  const entries = (json.weightsManifest as { weights?: ManifestEntry[] }[]).flatMap((g, i) => {
    if (!Array.isArray(g.weights)) bad(`weightsManifest[${i}].weights must be a list`);
    return g.weights!;
  });
  const out = new Map<string, { shape: number[]; values: Float32Array }>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  for (const e of entries) {
    if (typeof e?.name !== 'string' || !Array.isArray(e.shape)) bad(`a weightsManifest entry must be { name, shape, dtype }, got ${JSON.stringify(e)}`);
    if (e.quantization) bad(`weight '${e.name}' is quantized; quantized weights are not supported (convert without --quantize_*)`);
    if (e.dtype !== 'float32' && e.dtype !== 'int32') bad(`weight '${e.name}' has dtype ${e.dtype}; float32 and int32 are supported`);
    const n = e.shape.reduce((a, b) => a * b, 1);
    if (at + 4 * n > bytes.length) bad(`the weight files hold ${bytes.length} bytes, too few for '${e.name}' [${e.shape}] at byte ${at}`);
    const values = new Float32Array(n);
    for (let i = 0; i < n; i++) values[i] = e.dtype === 'float32' ? view.getFloat32(at + 4 * i, true) : view.getInt32(at + 4 * i, true);
    at += 4 * n;
    out.set(e.name, { shape: e.shape, values });
  }
  if (at !== bytes.length) bad(`the weight files hold ${bytes.length} bytes but the manifest describes ${at}`);
  return out;
}

/** tfjs/Keras weight names by edgegrad's (addWeight's `short`). */
const KERAS_WEIGHT: Record<string, string> = {
  kernel: 'kernel', bias: 'bias', depthwiseKernel: 'depthwise_kernel', gamma: 'gamma', beta: 'beta',
  movingMean: 'moving_mean', movingVariance: 'moving_variance', embeddings: 'embeddings',
};

// ---- layers --------------------------------------------------------------------------------

const pair = (v: unknown, what: string): [number, number] => {
  const p = typeof v === 'number' ? [v, v] : v;
  if (!Array.isArray(p) || p.length !== 2 || p.some((d) => !Number.isInteger(d))) bad(`${what} must be an integer or a pair, got ${JSON.stringify(v)}`);
  return p as [number, number];
};

function activationOf(v: unknown, where: string): ActivationName {
  const a = (v ?? 'linear') as string;
  if (a === 'linear' || (ACTIVATIONS as readonly string[]).includes(a)) return a as ActivationName;
  return bad(`${where}: activation '${a}' is not supported (edgegrad has ${ACTIVATIONS.join(', ')})`);
}

function channelsLast(c: Json, where: string): void {
  if (c.data_format !== undefined && c.data_format !== null && c.data_format !== 'channels_last') bad(`${where}: data_format '${c.data_format}' is not supported (channels_last only)`);
}

/**
 * An edgegrad layer for one tfjs layer config. `inputShape` is set for a Sequential's first layer;
 * `inShape` is the per-sample shape the layer reads (for the checks of axis arguments).
 */
function makeLayer(className: string, c: Json, inputShape: number[] | undefined, inShape: readonly number[] | undefined): Layer {
  const name = c.name as string;
  const where = `layer '${name}' (${className})`;
  const base = { name, ...(inputShape ? { inputShape } : {}), trainable: c.trainable !== false };
  const checkBias = () => c.use_bias !== false;
  switch (className) {
    case 'Dense':
      return L.dense({ ...base, units: c.units as number, activation: activationOf(c.activation, where), useBias: checkBias() });
    case 'Dropout':
      return L.dropout({ ...base, rate: c.rate as number });
    case 'Flatten':
      channelsLast(c, where);
      return L.flatten(base);
    case 'Reshape':
      return L.reshape({ ...base, targetShape: c.target_shape as number[] });
    case 'Activation':
      return L.activation({ ...base, activation: activationOf(c.activation, where) });
    case 'LayerNormalization': {
      lastAxis(c.axis, inShape, where);
      return L.layerNormalization({ ...base, epsilon: c.epsilon as number, center: c.center !== false, scale: c.scale !== false });
    }
    case 'Embedding':
      if (c.mask_zero) bad(`${where}: mask_zero is not supported`);
      return L.embedding({ ...base, inputDim: c.input_dim as number, outputDim: c.output_dim as number });
    case 'Conv2D': {
      channelsLast(c, where);
      return L.conv2d({
        ...base, filters: c.filters as number, kernelSize: pair(c.kernel_size, `${where} kernel_size`), strides: pair(c.strides ?? 1, `${where} strides`),
        padding: (c.padding ?? 'valid') as 'same' | 'valid', dilationRate: pair(c.dilation_rate ?? 1, `${where} dilation_rate`),
        activation: activationOf(c.activation, where), useBias: checkBias(), groups: (c.groups as number | undefined) ?? 1,
      });
    }
    case 'DepthwiseConv2D':
      channelsLast(c, where);
      return L.depthwiseConv2d({
        ...base, kernelSize: pair(c.kernel_size, `${where} kernel_size`), strides: pair(c.strides ?? 1, `${where} strides`),
        padding: (c.padding ?? 'valid') as 'same' | 'valid', dilationRate: pair(c.dilation_rate ?? 1, `${where} dilation_rate`),
        depthMultiplier: (c.depth_multiplier as number | undefined) ?? 1, activation: activationOf(c.activation, where), useBias: checkBias(),
      });
    case 'MaxPooling2D': case 'AveragePooling2D': case 'MaxPool2D': case 'AvgPool2D': {
      channelsLast(c, where);
      const poolSize = pair(c.pool_size ?? 2, `${where} pool_size`);
      const args = { ...base, poolSize, strides: pair(c.strides ?? poolSize, `${where} strides`), padding: (c.padding ?? 'valid') as 'same' | 'valid' };
      return className.startsWith('Max') ? L.maxPooling2d(args) : L.averagePooling2d(args);
    }
    case 'GlobalAveragePooling2D': case 'GlobalMaxPooling2D':
      channelsLast(c, where);
      if (c.keepdims) bad(`${where}: keepdims is not supported`);
      return className === 'GlobalAveragePooling2D' ? L.globalAveragePooling2d(base) : L.globalMaxPooling2d(base);
    case 'ZeroPadding2D': {
      channelsLast(c, where);
      const p = c.padding;
      const padding = typeof p === 'number' ? p : Array.isArray(p) && Array.isArray(p[0]) ? p as [[number, number], [number, number]] : pair(p ?? 1, `${where} padding`);
      return L.zeroPadding2d({ ...base, padding } as Parameters<typeof L.zeroPadding2d>[0]);
    }
    case 'BatchNormalization': {
      lastAxis(c.axis, inShape, where);
      return L.batchNormalization({ ...base, momentum: c.momentum as number, epsilon: c.epsilon as number, center: c.center !== false, scale: c.scale !== false });
    }
    case 'Add': return L.add(base);
    case 'Multiply': return L.multiply(base);
    case 'Average': return L.average(base);
    case 'Concatenate': return L.concatenate({ ...base, axis: (c.axis as number | undefined) ?? -1 });
    default:
      return bad(`${where}: layer type '${className}' is not supported by edgegrad's importer (supported: Dense, Dropout, Flatten, Reshape, Activation, `
        + 'LayerNormalization, Embedding, Conv2D, DepthwiseConv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, '
        + 'ZeroPadding2D, BatchNormalization, Add, Multiply, Average, Concatenate, InputLayer)');
  }
}

/** Refuses an axis argument other than the last axis of the input (batch axis included in tfjs's count). */
function lastAxis(axis: unknown, inShape: readonly number[] | undefined, where: string): void {
  const a = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
  if (a === undefined || a === -1) return;
  if (inShape && a === inShape.length) return;
  bad(`${where}: axis ${JSON.stringify(axis)} is not supported (the last axis only${inShape ? `, ${inShape.length}, for inputs of shape [null,${inShape}]` : ''})`);
}

/** The per-sample input shape of a layer config (batch_input_shape / batch_shape without the batch). */
function sampleShape(c: Json): number[] | undefined {
  const s = (c.batch_input_shape ?? c.batch_shape) as (number | null)[] | undefined;
  if (!Array.isArray(s)) return c.input_dim !== undefined ? [c.input_dim as number] : undefined;
  const rest = s.slice(1);
  if (rest.some((d) => d === null)) bad(`layer '${c.name}': input shape [${s.map(String)}] has an unknown dimension besides the batch; edgegrad needs fixed sample shapes`);
  return rest as number[];
}

// ---- the model -------------------------------------------------------------------------------

interface LayerJson { class_name: string; config: Json; name?: string; inbound_nodes?: unknown[] }

function topologyOf(json: Json): { className: string; config: Json } {
  if (json.format !== undefined && json.format !== 'layers-model') bad(`model.json has format '${json.format}'; only 'layers-model' (tfjs-layers) is supported`);
  let t = json.modelTopology as Json | undefined;
  if (!t || typeof t !== 'object') return bad('model.json has no modelTopology');
  if (t.model_config) t = t.model_config as Json;
  if (typeof t.class_name !== 'string' || !t.config) bad('modelTopology must hold { class_name, config }');
  return { className: t.class_name as string, config: t.config as Json };
}

function buildSequential(config: Json | LayerJson[]): Sequential {
  const list = (Array.isArray(config) ? config : (config as Json).layers) as LayerJson[];
  if (!Array.isArray(list) || list.length === 0) bad('a Sequential topology needs a non-empty layers list');
  let shape: number[] | undefined;
  const layers: Layer[] = [];
  for (const l of list) {
    if (l.class_name === 'InputLayer') { shape = sampleShape(l.config); continue; }
    const first = layers.length === 0;
    if (first && !shape) shape = sampleShape(l.config);
    if (first && !shape) bad(`the first layer '${l.config.name}' has no batch_input_shape; edgegrad needs the model's input shape`);
    const layer = makeLayer(l.class_name, l.config, first ? shape : undefined, shape);
    layers.push(layer);
    shape = layer.computeOutputShape(shape!) as number[];
  }
  return new Sequential(layers, { name: (Array.isArray(config) ? undefined : (config as Json).name as string) ?? undefined });
}

function buildFunctional(config: Json): AnyModel {
  const layersJson = config.layers as LayerJson[];
  if (!Array.isArray(layersJson)) bad('a functional (Model) topology needs a layers list');
  const out = new Map<string, SymbolicTensor[]>();
  const pending = [...layersJson];
  // NOTE: inbound_nodes as tfjs writes them: [[[layerName, nodeIndex, tensorIndex, kwargs], ...]]
  const refs = (l: LayerJson): [string, number, number][][] => (l.inbound_nodes ?? []).map((node) => {
    if (!Array.isArray(node)) bad(`layer '${l.config.name}': inbound_nodes in this form are not supported (tfjs/Keras 2 lists only)`);
    return (node as unknown[][]).map((r) => [r[0] as string, r[1] as number, r[2] as number]);
  });
  let progress = true;
  while (pending.length && progress) {
    progress = false;
    for (let i = 0; i < pending.length; i++) {
      const l = pending[i];
      const name = (l.config.name ?? l.name) as string;
      if (l.class_name === 'InputLayer') {
        const shape = sampleShape(l.config);
        if (!shape) bad(`input '${name}' has no batch_input_shape`);
        const dtype = l.config.dtype === 'int32' ? 'int32' : 'float32';
        out.set(name, [symbolicInput({ shape: shape!, name, dtype } as Parameters<typeof symbolicInput>[0])]);
      } else {
        const nodes = refs(l);
        if (nodes.some((n) => n.some(([src]) => !out.has(src)))) continue;
        if (nodes.length !== 1) bad(`layer '${name}' is applied ${nodes.length} times; shared layers are not supported by the importer`);
        const ins = nodes[0].map(([src, , t]) => out.get(src)![t]);
        const layer = makeLayer(l.class_name, { ...l.config, name }, undefined, ins.length === 1 ? ins[0].sampleShape : undefined);
        const y = layer.apply(ins.length === 1 ? ins[0] : ins) as SymbolicTensor | SymbolicTensor[];
        out.set(name, Array.isArray(y) ? y : [y]);
      }
      pending.splice(i--, 1);
      progress = true;
    }
  }
  if (pending.length) bad(`layers ${pending.map((l) => `'${l.config.name}'`).join(', ')} read layers that are not in the model`);
  const pick = (list: unknown, what: string) => {
    if (!Array.isArray(list)) bad(`the functional topology needs ${what}`);
    return (list as unknown[][]).map(([n, , t]) => out.get(n as string)?.[t as number] ?? bad(`${what} names unknown layer '${n}'`));
  };
  const inputs = pick(config.input_layers, 'input_layers'), outputs = pick(config.output_layers, 'output_layers');
  return new Model({ inputs: inputs.length === 1 ? inputs[0] : inputs, outputs: outputs.length === 1 ? outputs[0] : outputs, name: config.name as string | undefined });
}

/**
 * Loads a tfjs-layers model: `source` is an http(s) URL of model.json (or of its directory), a
 * directory or model.json path or file:// URL in Node, or { modelJson, weightData } in memory. The
 * weights are matched by layer and weight name and checked against the shapes the layers expect;
 * an unsupported layer, activation or option is refused by name. Inference-ready (not compiled).
 * Embedding inputs take int32 ids (tfjs takes float32 ids).
 */
export async function loadTfjsModel(source: string | TfjsArtifacts): Promise<AnyModel> {
  const { json, bytes } = await readArtifacts(source);
  const topo = topologyOf(json);
  const weights = decodeWeights(json, bytes);
  // tfjs names weights '<layer>/<weight>', Keras exports may prefix a scope: 'model/<layer>/<weight>'
  const byLayerWeight = new Map<string, string>();
  for (const name of weights.keys()) {
    const parts = name.split('/');
    if (parts.length < 2) continue;
    byLayerWeight.set(`${parts[parts.length - 2]}/${parts[parts.length - 1].replace(/:0$/, '')}`, name);
  }
  const used = new Set<string>();
  const source_ = (name: string, shape: readonly number[]): Tensor => {
    const [layer, short] = [name.slice(0, name.lastIndexOf('/')), name.slice(name.lastIndexOf('/') + 1)];
    const keras = KERAS_WEIGHT[short] ?? short;
    const key = byLayerWeight.get(`${layer.split('/').pop()}/${keras}`);
    const w = key === undefined ? undefined : weights.get(key);
    if (!w) return bad(`no weight '${layer}/${keras}' in the weights manifest (layer '${layer}' needs it)`);
    if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i])) bad(`weight '${key}' has shape [${w.shape}] but layer '${layer}' expects [${shape}]`);
    used.add(key!);
    return engine.fromValues(w.values, shape, 'float32');
  };
  let model: AnyModel;
  const cls = topo.className;
  if (cls === 'Sequential') model = withWeightSource(source_, () => buildSequential(topo.config as Json));
  else if (cls === 'Model' || cls === 'Functional') model = withWeightSource(source_, () => buildFunctional(topo.config));
  else return bad(`modelTopology class '${cls}' is not supported (Sequential, Model or Functional)`);
  const unused = [...weights.keys()].filter((k) => !used.has(k));
  if (unused.length) {
    model.dispose();
    bad(`the weights manifest holds ${unused.map((k) => `'${k}'`).join(', ')}, which no layer of the topology owns`);
  }
  return model;
}

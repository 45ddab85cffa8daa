// A model as files: model.json (topology, training config, weight manifest) and safetensors
// weights, as model.save and the pool write them. Reading them back is load.ts (loaded lazily).
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import type { TypedArray } from '../kernels.js';
import type { Layer, LayerConfig, Node, SymbolicTensor } from '../layers/layer.js';
import { type NamedTensor, encodeSafetensors } from '../io/safetensors.js';
import type { Artifacts } from '../io/storage.js';
import type { Model } from './graph.js';

export type ModelArtifacts = Artifacts;

export const FORMAT = 'edgegrad-model';
/**
 * The newest version read and written. A file records the lowest version that holds it: 2 for a
 * graph whose layers each run once and nest no model (as written before version 3), 3 when a
 * layer runs more than once or a model is nested. 1 (a Sequential's layer list) is still read.
 */
export const FORMAT_VERSION = 3;
export const OPTIMIZER_PREFIX = 'optimizer/';

/** A reference to a node's output: [node name, output index]. */
export type TensorKey = [string, number];

/**
 * One node of model.json: a layer's first (or only) application, with the layer's class and
 * config (a nested model's config is its own graph), or (version 3) a later application of the
 * layer named `layer`, named `<layer>@<k>` for its k-th application in the model.
 */
export type NodeEntry = { name: string; className: string; config: LayerConfig; inputs: TensorKey[] } | { name: string; layer: string; inputs: TensorKey[] };

/** The graph of formatVersion 2 and 3: a node list in topological order. */
export interface GraphConfig { name: string; nodes: NodeEntry[]; inputs: TensorKey[]; outputs: TensorKey[] }
export interface GraphTopology { className: 'Model' | 'Sequential'; config: GraphConfig }

/** formatVersion 1: a Sequential's layers. */
export interface ChainTopology { className: 'Sequential'; config: { name: string; inputShape: number[]; layers: { className: string; config: LayerConfig }[] } }

export interface ModelJson {
  format: typeof FORMAT;
  formatVersion: number;
  modelTopology: GraphTopology | ChainTopology;
  trainingConfig: { loss: string | string[]; metrics: string[] | Record<string, string[]>; lossWeights?: number[]; optimizer: { name: string; [key: string]: unknown } } | null;
  weightsFile: string;
  /** Size and FNV-1a hash of the weights file, so a mismatched pair is refused. */
  weightsBytes: number;
  weightsHash: string;
  weights: { name: string; shape: number[]; dtype: import('../dtypes.js').DType }[];
  /** Names (without the 'optimizer/' prefix) of the optimizer slots stored with the weights. */
  optimizerState?: string[];
}

/** FNV-1a (32-bit) over the bytes, as 8 hex digits. */
export function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The tensors toArtifacts writes: the weights, then the optimizer's state when it is included. */
function savedTensors(model: Model<Tensor | Tensor[]>, includeOptimizer?: boolean): Tensor[] {
  const tensors: Tensor[] = [...model.weights];
  if (model.trainingConfig && model.optimizer && includeOptimizer !== false) for (const s of model.optimizer.getState()) tensors.push(s.tensor);
  return tensors;
}

/** Reads what toArtifacts writes with `await t.data()`, for backends whose reads are asynchronous (webgpu). */
export async function readArtifactValues(model: Model<Tensor | Tensor[]>, opts: { includeOptimizer?: boolean } = {}): Promise<Map<Tensor, TypedArray>> {
  const tensors = model.built ? savedTensors(model, opts.includeOptimizer) : [];
  const values = await Promise.all(tensors.map((t) => t.data()));
  return new Map(tensors.map((t, i) => [t, values[i]]));
}

/** `values`: the tensors' values read beforehand (readArtifactValues); otherwise they are read with dataSync. */
export function toArtifacts(model: Model<Tensor | Tensor[]>, opts: { includeOptimizer?: boolean; weightsFile?: string } = {}, values?: Map<Tensor, TypedArray>): Artifacts {
  const named = (name: string, t: Tensor): NamedTensor => ({ name, dtype: t.dtype, shape: [...t.shape], data: values?.get(t) ?? t.dataSync() });
  if (!model.built) throw new Error(`save: model '${model.name}' is not built; give the first layer an inputShape or call fit/predict first`);
  checkOwners(model);
  const tensors = model.weights.map((w) => named(w.name, w));
  const seen = new Set<string>();
  for (const t of tensors) {
    if (seen.has(t.name)) throw new Error(`save: two weights are named '${t.name}'; give the layers distinct names`);
    seen.add(t.name);
  }
  const training = model.trainingConfig;
  let optimizerState: string[] | undefined;
  if (training && model.optimizer && opts.includeOptimizer !== false) {
    const state = model.optimizer.getState();
    optimizerState = state.map((s) => s.name);
    for (const s of state) tensors.push(named(`${OPTIMIZER_PREFIX}${s.name}`, s.tensor));
  }
  const weights = encodeSafetensors(tensors, { format: 'edgegrad', layout: 'dense kernels are [in, out] (transpose for torch.nn.Linear)' });
  const weightsFile = opts.weightsFile ?? 'weights.safetensors';
  const topo = topology(model);
  const json: ModelJson = {
    format: FORMAT,
    formatVersion: topo.config.nodes.some((n) => 'layer' in n || n.className === 'Model' || n.className === 'Sequential') ? 3 : 2,
    modelTopology: topo,
    trainingConfig: training,
    weightsFile,
    weightsBytes: weights.length,
    weightsHash: fnv1a(weights),
    weights: model.weights.map((w) => ({ name: w.name, shape: [...w.shape], dtype: w.dtype })),
  };
  if (optimizerState) json.optimizerState = optimizerState;
  return { modelJson: JSON.stringify(json, null, 2), weights, weightsFile };
}

/**
 * Refuses a layer found in two models of one file (the outer model and a nested one, or two nested
 * ones): each model's config holds its layers, so loading would make two layers of it.
 */
function checkOwners(model: Model<Tensor | Tensor[]>, owner = new Map<Layer, Model<Tensor | Tensor[]>>()): void {
  for (const l of model.layers) {
    // NOTE: an input may be shared (Keras' `inner = model(x, h); outer = model(x, head(inner(x)))`).
    if (l.className === 'InputLayer') continue;
    const o = owner.get(l);
    if (o && o !== model) throw new Error(`save: layer '${l.name}' is in model '${o.name}' and in model '${model.name}'; a saved layer belongs to one model (apply the model that holds it instead)`);
    owner.set(l, model);
    const inner = l as Model<Tensor | Tensor[]>;
    if (Array.isArray(inner.layers) && Array.isArray(inner.nodes)) checkOwners(inner, owner);
  }
}

/** The node list of model.json: one entry per layer application (a layer's later ones name it). */
export function topology(model: Model<Tensor | Tensor[]>): GraphTopology {
  const names = new Map<Node, string>();
  const runs = new Map<Layer, number>();
  const nodes = model.nodes.map((n): NodeEntry => {
    const k = runs.get(n.layer) ?? 0;
    runs.set(n.layer, k + 1);
    const name = k ? `${n.layer.name}@${k}` : n.layer.name;
    names.set(n, name);
    const inputs = n.inputs.map((t): TensorKey => [names.get(t.node)!, t.index]);
    return k ? { name, layer: n.layer.name, inputs } : { name, className: n.layer.className, config: n.layer.getConfig(), inputs };
  });
  const key = (t: SymbolicTensor): TensorKey => [names.get(t.node)!, t.index];
  return {
    className: model.className === 'Sequential' ? 'Sequential' : 'Model',
    config: { name: model.name, nodes, inputs: model.inputs.map(key), outputs: model.outputs.map(key) },
  };
}

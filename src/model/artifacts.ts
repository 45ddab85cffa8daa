// A model as files: model.json (topology, training config, weight manifest) and safetensors
// weights, as model.save, model.toArtifacts and the pool write them; loaded on first use, like
// reading them back (load.ts). The node list is topology.ts (getConfig needs it synchronously).
import '../core.js';
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import type { TypedArray } from '../kernels.js';
import type { Layer } from '../layers/layer.js';
import { type NamedTensor, encodeSafetensors } from '../io/safetensors.js';
import type { Artifacts } from '../io/storage.js';
import type { Model } from './graph.js';
import { FORMAT, FORMAT_VERSION, type ModelJson, OPTIMIZER_PREFIX, fnv1a } from './format.js';
import { topology } from './topology.js';

export type ModelArtifacts = Artifacts;

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
export function toArtifacts(model: Model<Tensor | Tensor[]>, opts: { includeOptimizer?: boolean; weightsFile?: string; dtype?: WeightsDtype } = {}, values?: Map<Tensor, TypedArray>): Artifacts {
  const half = checkWeightsDtype(opts.dtype) === 'float16';
  const named = (name: string, t: Tensor): NamedTensor => ({ name, dtype: t.dtype, shape: [...t.shape], data: values?.get(t) ?? t.dataSync() });
  if (!model.built) throw new Error(`save: model '${model.name}' is not built; give the first layer an inputShape or call fit/predict first`);
  checkOwners(model);
  // float16: the float32 weights are written as F16 (rounded to nearest even; loading widens them);
  // the optimizer's slots stay float32 (Adam's second moments underflow in float16).
  const tensors = model.weights.map((w) => {
    const t = named(w.name, w);
    return half && t.dtype === 'float32' ? { ...t, dtype: 'float16' as const } : t;
  });
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

/** How save writes a model's float32 weights. */
export type WeightsDtype = 'float32' | 'float16';

/** `dtype` as save's option: undefined is float32; anything but the two dtypes is refused, naming it. */
export function checkWeightsDtype(dtype: unknown): WeightsDtype {
  if (dtype === undefined || dtype === 'float32' || dtype === 'float16') return dtype ?? 'float32';
  throw new Error(`save: dtype must be 'float32' or 'float16' (the weights' file dtype), got ${JSON.stringify(dtype) ?? String(dtype)}`);
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

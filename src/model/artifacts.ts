// A model as files: model.json (topology, training config, weight manifest) and safetensors
// weights, as model.save and the pool write them. Reading them back is load.ts (loaded lazily).
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import type { TypedArray } from '../kernels.js';
import type { LayerConfig } from '../layers/layer.js';
import { type NamedTensor, encodeSafetensors } from '../io/safetensors.js';
import type { Artifacts } from '../io/storage.js';
import type { Sequential } from './sequential.js';

export type ModelArtifacts = Artifacts;

export const FORMAT = 'edgegrad-model';
export const FORMAT_VERSION = 1;
export const OPTIMIZER_PREFIX = 'optimizer/';

export interface ModelJson {
  format: typeof FORMAT;
  formatVersion: number;
  modelTopology: { className: 'Sequential'; config: { name: string; inputShape: number[]; layers: { className: string; config: LayerConfig }[] } };
  trainingConfig: { loss: string; metrics: string[]; optimizer: { name: string; [key: string]: unknown } } | null;
  weightsFile: string;
  /** Size and FNV-1a hash of the weights file, so a mismatched pair is refused. */
  weightsBytes: number;
  weightsHash: string;
  weights: { name: string; shape: number[]; dtype: 'float32' | 'int32' }[];
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
function savedTensors(model: Sequential, includeOptimizer?: boolean): Tensor[] {
  const tensors: Tensor[] = [...model.weights];
  if (model.trainingConfig && model.optimizer && includeOptimizer !== false) for (const s of model.optimizer.getState()) tensors.push(s.tensor);
  return tensors;
}

/** Reads what toArtifacts writes with `await t.data()`, for backends whose reads are asynchronous (webgpu). */
export async function readArtifactValues(model: Sequential, opts: { includeOptimizer?: boolean } = {}): Promise<Map<Tensor, TypedArray>> {
  const tensors = model.built ? savedTensors(model, opts.includeOptimizer) : [];
  const values = await Promise.all(tensors.map((t) => t.data()));
  return new Map(tensors.map((t, i) => [t, values[i]]));
}

/** `values`: the tensors' values read beforehand (readArtifactValues); otherwise they are read with dataSync. */
export function toArtifacts(model: Sequential, opts: { includeOptimizer?: boolean; weightsFile?: string } = {}, values?: Map<Tensor, TypedArray>): Artifacts {
  const named = (name: string, t: Tensor): NamedTensor => ({ name, dtype: t.dtype, shape: [...t.shape], data: values?.get(t) ?? t.dataSync() });
  const inputShape = model.layers[0]?.inputShape;
  if (!inputShape || !model.built) throw new Error(`save: model '${model.name}' is not built; give the first layer an inputShape or call fit/predict first`);
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
  const json: ModelJson = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    modelTopology: {
      className: 'Sequential',
      config: { name: model.name, inputShape: [...inputShape], layers: model.layers.map((l) => ({ className: l.className, config: l.getConfig() })) },
    },
    trainingConfig: training,
    weightsFile,
    weightsBytes: weights.length,
    weightsHash: fnv1a(weights),
    weights: model.weights.map((w) => ({ name: w.name, shape: [...w.shape], dtype: w.dtype })),
  };
  if (optimizerState) json.optimizerState = optimizerState;
  return { modelJson: JSON.stringify(json, null, 2), weights, weightsFile };
}

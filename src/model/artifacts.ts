// A model as files: model.json (topology, training config, weight manifest) and safetensors
// weights; and loadModel, which checks the pair against each other before building anything.
import { engine } from '../engine.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { Tensor } from '../tensor.js';
import type { TypedArray } from '../kernels.js';
import { type NamedTensor, decodeSafetensors, encodeSafetensors } from '../io/safetensors.js';
import { type Artifacts, loadArtifacts } from '../io/storage.js';
import type { Layer, LayerConfig } from '../layers/layer.js';
import type { Sequential } from './sequential.js';

export type ModelArtifacts = Artifacts;

export const FORMAT = 'edgegrad-model';
export const FORMAT_VERSION = 1;
const OPTIMIZER_PREFIX = 'optimizer/';

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

export interface LoadHooks {
  sequential: (layers: Layer[], name: string) => Sequential;
  layerFromConfig: (className: string, config: LayerConfig) => Layer;
  optimizer?: (config: { name: string; [key: string]: unknown }) => Optimizer;
}

const bad = (msg: string): never => { throw new Error(`loadModel: ${msg}`); };

/** Checks model.json's structure (not yet against the weights). */
export function parseModelJson(text: string): ModelJson {
  let j: ModelJson;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return bad(`model.json is not valid JSON (${(e as Error).message})`);
  }
  if (!j || typeof j !== 'object') bad('model.json must hold an object');
  if (j.format !== FORMAT) bad(`model.json has format ${JSON.stringify(j.format)}, expected '${FORMAT}'`);
  if (j.formatVersion !== FORMAT_VERSION) bad(`model.json has formatVersion ${JSON.stringify(j.formatVersion)}; this edgegrad reads version ${FORMAT_VERSION}`);
  const t = j.modelTopology;
  if (t?.className !== 'Sequential' || !Array.isArray(t.config?.layers)) bad('model.json: modelTopology must be a Sequential with a layers list');
  if (!Array.isArray(t.config.inputShape) || t.config.inputShape.some((d) => !Number.isInteger(d) || d <= 0)) bad(`model.json: invalid inputShape ${JSON.stringify(t.config.inputShape)}`);
  if (!Array.isArray(j.weights)) bad('model.json: missing the weights manifest');
  return j;
}

/** Builds the model from artifacts: validates model.json, the weights file and their agreement. */
export function fromArtifacts(a: Artifacts, hooks: LoadHooks): Sequential {
  const j = parseModelJson(a.modelJson);
  if (j.weightsBytes !== a.weights.length || j.weightsHash !== fnv1a(a.weights)) {
    bad(`'${a.weightsFile}' (${a.weights.length} bytes) does not match model.json (which records ${j.weightsBytes} bytes, hash ${j.weightsHash}); the files are from different saves or one is damaged`);
  }
  const st = decodeSafetensors(a.weights, `loadModel: '${a.weightsFile}'`);
  const byName = new Map(st.tensors.map((t) => [t.name, t]));
  const cfg = j.modelTopology.config;
  const layers = cfg.layers.map((l, i) => {
    if (!l || typeof l.className !== 'string' || !l.config || typeof l.config !== 'object') bad(`model.json: layer ${i} needs a className and a config`);
    return hooks.layerFromConfig(l.className, l.config);
  });
  const model = hooks.sequential(layers, String(cfg.name ?? 'sequential'));
  try {
    model.build(cfg.inputShape);
    const ws = model.weights;
    if (ws.length !== j.weights.length) bad(`the topology has ${ws.length} weights but model.json lists ${j.weights.length}`);
    const used = new Set<string>();
    ws.forEach((w, i) => {
      const m = j.weights[i];
      if (m.name !== w.name || !sameShape(m.shape, w.shape)) bad(`model.json lists weight ${i} as '${m.name}' [${m.shape}] but the topology makes '${w.name}' [${w.shape}]`);
      const t = byName.get(w.name) ?? bad(`'${a.weightsFile}' has no tensor '${w.name}'`);
      if (t.dtype !== w.dtype) bad(`tensor '${w.name}' in '${a.weightsFile}' is ${t.dtype} but the layer needs ${w.dtype}`);
      if (!sameShape(t.shape, w.shape)) bad(`tensor '${w.name}' in '${a.weightsFile}' has shape [${t.shape}] but the topology needs [${w.shape}]`);
      used.add(w.name);
    });
    for (const name of byName.keys()) {
      if (!used.has(name) && !name.startsWith(OPTIMIZER_PREFIX)) bad(`'${a.weightsFile}' holds tensor '${name}', which no layer of the topology owns`);
    }
    ws.forEach((w) => {
      const t = byName.get(w.name)!;
      const v = engine.fromValues(t.data, t.shape, t.dtype);
      w.assign(v);
      v.dispose();
    });
    if (j.trainingConfig && hooks.optimizer) {
      const opt = hooks.optimizer(j.trainingConfig.optimizer);
      model.restoreCompile(opt, j.trainingConfig.loss as never, j.trainingConfig.metrics);
      const names = j.optimizerState ?? [];
      if (names.length) {
        const state = names.map((n) => {
          const t = byName.get(`${OPTIMIZER_PREFIX}${n}`) ?? bad(`'${a.weightsFile}' has no optimizer slot '${n}'`);
          return { name: n, tensor: engine.fromValues(t.data, t.shape, t.dtype) };
        });
        try { opt.setState(state); } finally { for (const s of state) s.tensor.dispose(); }
      }
    }
  } catch (e) {
    model.dispose();
    throw e;
  }
  return model;
}

/** Loads from a URL (see loadArtifacts) or from artifacts already in memory. */
export async function loadFrom(source: string | Artifacts, hooks: LoadHooks): Promise<Sequential> {
  if (source && typeof source === 'object') {
    if (typeof source.modelJson !== 'string' || !(source.weights instanceof Uint8Array)) bad('expected { modelJson: string, weights: Uint8Array }');
    return fromArtifacts({ ...source, weightsFile: source.weightsFile ?? 'weights.safetensors' }, hooks);
  }
  return fromArtifacts(await loadArtifacts(source), hooks);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((d, i) => d === b[i]);
}

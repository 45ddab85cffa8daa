// loadModel: reads model.json + safetensors weights, checks the pair against each other before
// building anything. Loaded on the first eg.loadModel call (src/model/index.ts), so apps that never
// load a model don't ship it.
import { engine } from '../engine.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { decodeSafetensors } from '../io/safetensors.js';
import type { Artifacts } from '../io/storage.js';
import { type Layer, type LayerConfig, withWeightSource } from '../layers/layer.js';
import { layerFromConfig } from '../layers/config.js';
import { fromConfig as optimizerFromConfig } from '../optimizers/optimizers.js';
import { fromConfig as regularizerFromConfig } from '../optimizers/regularizers.js';
import { FORMAT, FORMAT_VERSION, type ModelJson, OPTIMIZER_PREFIX, fnv1a } from './artifacts.js';
import { Sequential } from './sequential.js';

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
  j.weights.forEach((m, i) => {
    if (!m || typeof m !== 'object' || typeof m.name !== 'string' || !Array.isArray(m.shape)
      || m.shape.some((d) => !Number.isSafeInteger(d) || d < 0) || (m.dtype !== 'float32' && m.dtype !== 'int32')) {
      bad(`model.json: weights entry ${i} must be { name, shape: non-negative integers, dtype: 'float32' | 'int32' }, got ${JSON.stringify(m)}`);
    }
  });
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
  // Each weight the topology makes is checked against the manifest and the file as the layer asks
  // for it, and made from the saved values: nothing is drawn, or allocated, for a weight the files
  // disagree about (the model builds as it is made, when its first layer has an inputShape).
  const used = new Set<string>();
  let next = 0;
  const source = (name: string, shape: readonly number[]) => {
    const i = next++;
    const m = j.weights[i];
    if (!m) bad(`the topology makes more weights than the ${j.weights.length} model.json lists (the next is '${name}' [${shape}])`);
    if (m.name !== name || !sameShape(m.shape, shape)) bad(`model.json lists weight ${i} as '${m.name}' [${m.shape}] but the topology makes '${name}' [${shape}]`);
    const t = byName.get(name) ?? bad(`'${a.weightsFile}' has no tensor '${name}'`);
    if (t.dtype !== 'float32') bad(`tensor '${name}' in '${a.weightsFile}' is ${t.dtype} but the layer needs float32`);
    if (!sameShape(t.shape, shape)) bad(`tensor '${name}' in '${a.weightsFile}' has shape [${t.shape}] but the topology needs [${shape}]`);
    used.add(name);
    return engine.fromValues(t.data, t.shape, t.dtype, 'loadModel');
  };
  let model: Sequential;
  try {
    model = withWeightSource(source, () => {
      const m = hooks.sequential(layers, String(cfg.name ?? 'sequential'));
      try {
        m.build(cfg.inputShape);
      } catch (e) {
        m.dispose();
        throw e;
      }
      return m;
    });
  } catch (e) {
    for (const l of layers) l.dispose();
    throw e;
  }
  try {
    const ws = model.weights;
    if (ws.length !== j.weights.length) bad(`the topology has ${ws.length} weights but model.json lists ${j.weights.length}`);
    for (const name of byName.keys()) {
      if (!used.has(name) && !name.startsWith(OPTIMIZER_PREFIX)) bad(`'${a.weightsFile}' holds tensor '${name}', which no layer of the topology owns`);
    }
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
  // NOTE: storage (directories, IndexedDB, http) is loaded on first save/load only.
  const { loadArtifacts } = await import('../io/storage.js');
  return fromArtifacts(await loadArtifacts(source), hooks);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((d, i) => d === b[i]);
}

/** eg.loadModel (see src/model/index.ts). */
export function loadModel(source: string | Artifacts): Promise<Sequential> {
  return loadFrom(source, {
    sequential: (layers, name) => new Sequential(layers, { name }),
    layerFromConfig: (className, config) => layerFromConfig(className, config, regularizerFromConfig),
    optimizer: optimizerFromConfig,
  });
}

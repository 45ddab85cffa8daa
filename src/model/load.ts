// loadModel: reads model.json + safetensors weights, checks the pair against each other before
// building anything. Reads formatVersion 2 and 3 (a node list: graph and sequential models; 3 adds
// layers applied more than once and nested models) and 1 (a sequential's layer list, mapped onto a
// chain). Loaded on the first eg.loadModel call
// (src/model/index.ts), so apps that never load a model don't ship it.

// NOTE: the library through its entry, so this lazily loaded module reaches the same files as the
// app and every other lazy module: esbuild then keeps the library in one chunk (see ARCHITECTURE).
import '../core.js';
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import type { DType } from '../dtypes.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import { decodeSafetensors } from '../io/safetensors-decode.js';
import type { Artifacts } from '../io/storage.js';
import { type Layer, type LayerConfig, type SymbolicTensor, withWeightSource } from '../layers/layer.js';
import { InputLayer } from '../layers/input.js';
import { layerFromConfig } from '../layers/config.js';
import { fromConfig as optimizerFromConfig } from '../optimizers/optimizers.js';
import { fromConfig as regularizerFromConfig } from '../optimizers/regularizers.js';
import { type ChainTopology, FORMAT, FORMAT_VERSION, type GraphConfig, type GraphTopology, type ModelJson, type NodeEntry, OPTIMIZER_PREFIX, type TensorKey, fnv1a } from './format.js';
import { Model } from './graph.js';
import { Sequential } from './sequential.js';
import { modelLayers } from './topology.js';

export interface LoadHooks {
  layerFromConfig: (className: string, config: LayerConfig) => Layer;
  optimizer?: (config: { name: string; [key: string]: unknown }) => Optimizer;
  /** Builders of whole models from one layer's config (see topology.ts's modelLayers), by className. */
  wholeModels?: Map<string, (config: LayerConfig) => AnyModel>;
}

type AnyModel = Model<Tensor | Tensor[]>;
type LayerEntry = Extract<NodeEntry, { className: string }>;

const bad = (msg: string): never => { throw new Error(`loadModel: ${msg}`); };
const isShape = (s: unknown): s is number[] => Array.isArray(s) && s.every((d) => Number.isInteger(d) && d > 0);
const isKey = (k: unknown): k is TensorKey => Array.isArray(k) && k.length === 2 && typeof k[0] === 'string' && Number.isInteger(k[1]) && k[1] >= 0;

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
  if (j.formatVersion !== 1 && j.formatVersion !== 2 && j.formatVersion !== FORMAT_VERSION) bad(`model.json has formatVersion ${JSON.stringify(j.formatVersion)}; this edgegrad reads versions 1 to ${FORMAT_VERSION}`);
  if (j.formatVersion === 1) {
    const t = j.modelTopology as ChainTopology;
    if (t?.className !== 'Sequential' || !Array.isArray(t.config?.layers)) bad('model.json: modelTopology must be a Sequential with a layers list');
    if (!isShape(t.config.inputShape)) bad(`model.json: invalid inputShape ${JSON.stringify(t.config.inputShape)}`);
  } else {
    const t = j.modelTopology as GraphTopology;
    if (t?.className !== 'Model' && t?.className !== 'Sequential') bad('model.json: modelTopology must be a Model or Sequential with a nodes list');
    checkGraph(t.config, 'model.json');
  }
  if (!Array.isArray(j.weights)) bad('model.json: missing the weights manifest');
  j.weights.forEach((m, i) => {
    if (!m || typeof m !== 'object' || typeof m.name !== 'string' || !Array.isArray(m.shape)
      || m.shape.some((d) => !Number.isSafeInteger(d) || d < 0) || (m.dtype !== 'float32' && m.dtype !== 'int32' && m.dtype !== 'int8')) {
      bad(`model.json: weights entry ${i} must be { name, shape: non-negative integers, dtype: 'float32' | 'int32' | 'int8' }, got ${JSON.stringify(m)}`);
    }
  });
  return j;
}

/** Checks a graph's node list (the model's, or a nested model's config). */
function checkGraph(c: GraphConfig, where: string): void {
  if (!c || typeof c !== 'object' || !Array.isArray(c.nodes)) bad(`${where}: a Model or Sequential needs a nodes list`);
  c.nodes.forEach((n, i) => {
    const ok = n && typeof n.name === 'string' && Array.isArray(n.inputs) && n.inputs.every(isKey)
      && ('layer' in n ? typeof n.layer === 'string' && !('className' in n) : typeof n.className === 'string' && !!n.config && typeof n.config === 'object');
    if (!ok) bad(`${where}: node ${i} must be { name, className, config, inputs: [[node, index], ...] } or { name, layer, inputs }, got ${JSON.stringify(n)}`);
  });
  for (const k of ['inputs', 'outputs'] as const) {
    if (!Array.isArray(c[k]) || c[k].length === 0 || !c[k].every(isKey)) bad(`${where}: ${k} must be a non-empty list of [node, index], got ${JSON.stringify(c[k])}`);
  }
}

/** A version 1 topology as the version 2 node list of the same chain. */
function chainToGraph(t: ChainTopology): GraphTopology {
  const input = `${t.config.name ?? 'sequential'}_input`;
  const nodes: NodeEntry[] = [{ name: input, className: 'InputLayer', config: { name: input, trainable: false, shape: t.config.inputShape }, inputs: [] }];
  t.config.layers.forEach((l, i) => {
    if (!l || typeof l.className !== 'string' || !l.config || typeof l.config !== 'object') bad(`model.json: layer ${i} needs a className and a config`);
    nodes.push({ name: String(l.config.name), className: l.className, config: l.config, inputs: [[nodes[nodes.length - 1].name, 0]] });
  });
  return { className: 'Sequential', config: { name: t.config.name, nodes, inputs: [[input, 0]], outputs: [[nodes[nodes.length - 1].name, 0]] } };
}

/** The nodes in an order where each comes after those it reads; refuses references to nothing and cycles. */
function sortNodes(c: GraphConfig, where: string): NodeEntry[] {
  const byName = new Map<string, NodeEntry>();
  for (const n of c.nodes) {
    if (byName.has(n.name)) bad(`${where}: two nodes are named '${n.name}'`);
    byName.set(n.name, n);
  }
  const out: NodeEntry[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (name: string, path: string[], from: string): void => {
    const n = byName.get(name) ?? bad(`${where}: ${from} reads '${name}', which is not a node`);
    if (state.get(name) === 2) return;
    if (state.get(name) === 1) bad(`${where}: the graph has a cycle: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`);
    state.set(name, 1);
    for (const [k] of n.inputs) visit(k, [...path, name], `node '${name}'`);
    state.set(name, 2);
    out.push(n);
  };
  for (const [k] of c.outputs) visit(k, [], 'outputs');
  for (const [k] of c.inputs) if (!state.has(k)) bad(`${where}: input '${k}' is not connected to any output`);
  return out;
}

/**
 * Builds a graph or sequential model from its node list (the file's, or a nested model's config).
 * Every layer it makes goes into `made`, so a failure disposes what was built.
 */
function buildModel(className: string, c: GraphConfig, hooks: LoadHooks, made: Layer[], where: string): AnyModel {
  const nodes = sortNodes(c, where);
  for (const n of c.nodes) {
    const whole = 'className' in n ? hooks.wholeModels?.get(n.className) : undefined;
    if (whole) {
      const m = whole((n as LayerEntry).config);
      made.push(...m.layers);
      return m;
    }
  }
  const makeLayer = (n: LayerEntry): Layer => {
    let l: Layer;
    if (n.className === 'Model' || n.className === 'Sequential') {
      const inner = `${where}: nested model '${n.name}'`;
      checkGraph(n.config as unknown as GraphConfig, inner);
      l = buildModel(n.className, n.config as unknown as GraphConfig, hooks, made, inner);
      l.trainable = n.config.trainable !== false;
    } else {
      l = hooks.layerFromConfig(n.className, n.config);
      made.push(l);
    }
    if (l.name !== n.name) bad(`${where}: node '${n.name}' holds a layer named '${l.name}'`);
    return l;
  };
  const out = new Map<string, SymbolicTensor>();
  const get = (k: TensorKey, from: string) => {
    if (k[1] !== 0) bad(`${where}: ${from} reads output ${k[1]} of '${k[0]}', which has one output`);
    return out.get(k[0])!;
  };
  if (className === 'Sequential') {
    // A chain: the input's dtype is the first layer's (an embedding reads int32 ids).
    const [inp, ...rest] = nodes;
    if (!inp || !('className' in inp) || inp.className !== 'InputLayer' || c.inputs.length !== 1 || c.outputs.length !== 1
      || rest.some((n, i) => !('className' in n) || n.inputs.length !== 1 || n.inputs[0][0] !== (i ? rest[i - 1] : inp).name)) bad(`${where}: a Sequential must be a chain from one input to one output`);
    const shape = ((inp as LayerEntry).config as { shape?: unknown }).shape;
    if (!isShape(shape)) bad(`${where}: input '${inp.name}' has an invalid shape ${JSON.stringify(shape)}`);
    const m = new Sequential([], { name: String(c.name ?? 'sequential') });
    m.layers.push(...rest.map((n) => makeLayer(n as LayerEntry)));
    m.build(shape as number[]);
    return m;
  }
  // Layers first (in file order), then their applications in topological order.
  const layers = new Map<string, Layer>();
  for (const n of c.nodes) if ('className' in n && n.className !== 'InputLayer') layers.set(n.name, makeLayer(n));
  for (const n of nodes) {
    if ('className' in n && n.className === 'InputLayer') {
      if (n.inputs.length) bad(`${where}: input node '${n.name}' reads other nodes`);
      const ic = n.config as LayerConfig & { shape?: unknown; dtype?: 'float32' | 'int32' };
      if (!isShape(ic.shape)) bad(`${where}: input '${n.name}' has an invalid shape ${JSON.stringify(ic.shape)}`);
      out.set(n.name, new InputLayer({ name: n.name, shape: ic.shape as number[], dtype: ic.dtype }).output);
      continue;
    }
    if (n.inputs.length === 0) bad(`${where}: node '${n.name}' reads no input`);
    const l = 'layer' in n ? layers.get(n.layer) ?? bad(`${where}: node '${n.name}' applies layer '${n.layer}', which no node makes`) : layers.get(n.name)!;
    const ins = n.inputs.map((k) => get(k, `node '${n.name}'`));
    out.set(n.name, l.apply(ins.length === 1 ? ins[0] : ins));
  }
  const inputs = c.inputs.map((k) => get(k, 'inputs'));
  const outputs = c.outputs.map((k) => get(k, 'outputs'));
  return new Model({ name: String(c.name ?? 'model'), inputs, outputs: outputs.length === 1 ? outputs[0] : outputs });
}

/** Builds the model from artifacts: validates model.json, the weights file and their agreement. */
export function fromArtifacts(a: Artifacts, hooks: LoadHooks): AnyModel {
  const j = parseModelJson(a.modelJson);
  if (j.weightsBytes !== a.weights.length || j.weightsHash !== fnv1a(a.weights)) {
    bad(`'${a.weightsFile}' (${a.weights.length} bytes) does not match model.json (which records ${j.weightsBytes} bytes, hash ${j.weightsHash}); the files are from different saves or one is damaged`);
  }
  const st = decodeSafetensors(a.weights, `loadModel: '${a.weightsFile}'`);
  const byName = new Map(st.tensors.map((t) => [t.name, t]));
  const topo = j.formatVersion === 1 ? chainToGraph(j.modelTopology as ChainTopology) : j.modelTopology as GraphTopology;
  const made: Layer[] = [];
  // Each weight the topology makes is checked against the manifest and the file as the layer asks
  // for it, and made from the saved values: nothing is drawn, or allocated, for a weight the files
  // disagree about.
  const manifest = new Map(j.weights.map((m, i) => [m.name, { m, i }]));
  const used = new Set<string>();
  const source = (name: string, shape: readonly number[], dtype: DType = 'float32') => {
    const e = manifest.get(name) ?? bad(`the topology makes weight '${name}' [${shape}], which model.json does not list (it lists ${j.weights.length})`);
    if (used.has(name)) bad(`the topology makes weight '${name}' twice; give the layers distinct names`);
    if (!sameShape(e.m.shape, shape)) bad(`model.json lists weight ${e.i} as '${name}' [${e.m.shape}] but the topology makes '${name}' [${shape}]`);
    const t = byName.get(name) ?? bad(`'${a.weightsFile}' has no tensor '${name}'`);
    // F16 (save's dtype 'float16') and BF16 (PyTorch) weights widen to a float32 weight (the decoder's values are exact).
    const widen = dtype === 'float32' && t.dtype === 'float16';
    if (t.dtype !== dtype && !widen) bad(`tensor '${name}' in '${a.weightsFile}' is ${t.dtype} but the layer needs ${dtype}`);
    if (!sameShape(t.shape, shape)) bad(`tensor '${name}' in '${a.weightsFile}' has shape [${t.shape}] but the topology needs [${shape}]`);
    used.add(name);
    return engine.fromValues(t.data, t.shape, dtype, 'loadModel');
  };
  let model: AnyModel;
  try {
    model = withWeightSource(source, () => buildModel(topo.className, topo.config, hooks, made, 'model.json'));
  } catch (e) {
    for (const l of made) l.dispose();
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
      model.restoreCompile(opt, j.trainingConfig.loss as never, j.trainingConfig.metrics, j.trainingConfig.lossWeights);
      const names = j.optimizerState ?? [];
      if (names.length) {
        const state = names.map((n) => {
          const t = byName.get(`${OPTIMIZER_PREFIX}${n}`) ?? bad(`'${a.weightsFile}' has no optimizer slot '${n}'`);
          return { name: n, tensor: engine.fromValues(t.data, t.shape, t.dtype === 'float16' ? 'float32' : t.dtype) };
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
export async function loadFrom(source: string | Artifacts, hooks: LoadHooks): Promise<AnyModel> {
  if (source && typeof source === 'object') {
    if (typeof source.modelJson !== 'string' || !(source.weights instanceof Uint8Array)) bad('expected { modelJson: string, weights: Uint8Array }');
    return fromArtifacts({ ...source, weightsFile: source.weightsFile ?? 'weights.safetensors' }, await withWholeModels(source.modelJson, hooks));
  }
  // NOTE: storage (directories, IndexedDB, http) is loaded on first save/load only.
  const { loadArtifacts } = await import('../io/storage.js');
  const a = await loadArtifacts(source);
  return fromArtifacts(a, await withWholeModels(a.modelJson, hooks));
}

/** Loads the builders of the whole-model layers (modelLayers) that model.json names. */
async function withWholeModels(text: string, hooks: LoadHooks): Promise<LoadHooks> {
  const wholeModels = new Map(hooks.wholeModels);
  for (const [cls, load] of modelLayers) if (new RegExp(`"className":\\s*"${cls}"`).test(text)) wholeModels.set(cls, await load());
  return wholeModels.size ? { ...hooks, wholeModels } : hooks;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((d, i) => d === b[i]);
}

/** eg.loadModel (see src/model/index.ts). */
export function loadModel(source: string | Artifacts): Promise<AnyModel> {
  return loadFrom(source, {
    layerFromConfig: (className, config) => layerFromConfig(className, config, regularizerFromConfig),
    optimizer: optimizerFromConfig,
  });
}

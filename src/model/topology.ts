// The node list of model.json (formatVersion 2 and 3), which a nested model's getConfig returns:
// always loaded, unlike the rest of the file format (artifacts.ts, load.ts).
import type { Tensor } from '../tensor.js';
import type { Layer, LayerConfig, Node, SymbolicTensor } from '../layers/layer.js';
import type { Model } from './graph.js';

/**
 * Layers that stand for a whole model (an imported ONNX graph, src/onnx/): className -> a loader of
 * the function that builds the model from the layer's saved config. Registered by src/index.ts,
 * loaded by loadModel only when a model.json names the class.
 */
export const modelLayers = new Map<string, () => Promise<(config: LayerConfig) => Model<Tensor | Tensor[]>>>();

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

// edgegrad's public entry (see ../shared/API.md): the library (core.ts) and its lazily loaded importers.
import type { Tensor } from './tensor.js';
import type { Model } from './model/graph.js';
export * from './core.js';

// ONNX import (src/onnx/): loaded on first use; loadModel loads it for a saved imported model.
import { modelLayers } from './model/topology.js';
import type { OnnxModel, OnnxSource } from './onnx/index.js';
export type { OnnxModel, OnnxSource } from './onnx/index.js';
/** Loads an ONNX model (bytes, a Node path or a URL) as a graph model whose weights are variables. */
export async function loadOnnx(source: OnnxSource): Promise<OnnxModel> {
  return (await import('./onnx/index.js')).loadOnnx(source);
}
modelLayers.set('OnnxGraph', async () => (await import('./onnx/index.js')).modelFromConfig);


/**
 * A TensorFlow.js layers model (model.json of format 'layers-model' + its .bin weight shards, as
 * tfjs's model.save or tensorflowjs_converter write them) as an edgegrad model: an http(s) URL of
 * model.json or its directory, a directory / model.json path or file:// URL (Node), or
 * { modelJson, weightData } in memory. See src/model/tfjs-import.ts for the layer types it reads.
 */
export async function loadTfjsModel<Out extends Tensor | Tensor[] = Tensor>(source: string | import('./model/tfjs-import.js').TfjsArtifacts): Promise<Model<Out>> {
  return (await import('./model/tfjs-import.js')).loadTfjsModel(source) as Promise<Model<Tensor | Tensor[]>> as Promise<Model<Out>>;
}

/**
 * A copy of `model` with int8 weights (Dense and Conv2D layers; symmetric per output channel),
 * for inference: activations are quantised per row at run time, or with static ranges recorded
 * from `calibration` batches. It predicts, evaluates, saves and loads like any model; fit refuses it.
 */
export async function quantize<M extends import('./model/graph.js').Model<Tensor | Tensor[]>>(model: M, opts?: import('./model/quantize.js').QuantizeOptions): Promise<M> {
  // NOTE: loaded on first use, like loadModel.
  return (await import('./model/quantize.js')).quantize(model as never, opts) as Promise<never>;
}

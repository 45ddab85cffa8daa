// Sequential models: a stack of layers, each reading the previous one's output: a chain built on
// the graph of graph.ts (an input from the first layer's inputShape, then each layer applied).
import type { DType } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { InputLayer } from '../layers/input.js';
import { type Layer, type Shape, fmtShape, sameShape } from '../layers/layer.js';
import { Model } from './graph.js';

export type { CompileArgs, FitArgs, EvaluateArgs, PredictArgs, History, MetricFn } from './training.js';

export class Sequential extends Model<Tensor> {
  override readonly className = 'Sequential';

  constructor(layers: Layer[] = [], opts: { name?: string } = {}) {
    super(null, { name: opts.name, prefix: 'sequential' });
    if (!Array.isArray(layers)) throw new Error('sequential: expects an array of layers, e.g. eg.sequential([eg.layers.dense({ units: 10, inputShape: [4] })])');
    for (const l of layers) this.add(l);
  }

  add(layer: Layer): void {
    if (!layer || typeof (layer as Layer).apply !== 'function' || typeof (layer as Layer).computeOutputShape !== 'function') {
      throw new Error(`sequential: ${String(layer)} is not a layer; make layers with eg.layers.*`);
    }
    if (layer instanceof InputLayer) throw new Error('sequential: give the first layer an inputShape instead of adding an input layer');
    if (layer === this || layer.contains(this)) throw new Error(`sequential: model '${this.name}' cannot contain itself${layer === this ? '' : ` (through '${layer.name}')`}`);
    if (this.layers.includes(layer)) throw new Error(`sequential: layer '${layer.name}' was added twice`);
    if (this.layers.some((l) => l.name === layer.name)) throw new Error(`sequential: two layers are named '${layer.name}'`);
    const shape = this.inputs[0]?.sampleShape ?? (this.layers.length === 0 ? layer.inputShape : null);
    this.layers.push(layer);
    // NOTE: read when this sequential is nested in another before it is built.
    if (this.layers.length === 1) (this as { inputDtype: DType }).inputDtype = layer.inputDtype;
    if (shape) this.build(shape);
  }

  /** Creates every layer's weights for inputs of per-sample shape `inputShape`. */
  override build(inputShape: Shape): void {
    // NOTE: the previous chain's nodes go: a layer keeps only the nodes of graphs in use.
    for (const n of this.nodes) {
      const i = n.layer.inboundNodes.indexOf(n);
      if (i >= 0) n.layer.inboundNodes.splice(i, 1);
    }
    const input = new InputLayer({ shape: inputShape, dtype: this.layers[0]?.inputDtype, name: this.inputName }).output;
    let h = input;
    for (const l of this.layers) {
      if (l.built && l.inputShape && !sameShape(l.inputShape, h.sampleShape)) {
        throw new Error(`${l.className} '${l.name}' was built for inputs ${fmtShape([null, ...l.inputShape])} but receives ${fmtShape(h.shape)}`);
      }
      h = l.apply(h);
    }
    const layers = [...this.layers];
    this.setGraph(input, h);
    // NOTE: the graph lists the input layer; a sequential's layers are the ones it was given.
    this.layers.length = 0;
    this.layers.push(...layers);
  }

  override get built(): boolean { return super.built && this.layers.every((l) => l.built); }
  override set built(_v: boolean) {}
  // NOTE: known before the chain is built (compile may come first): one input, one output.
  override get inputNames(): string[] { return super.built ? super.inputNames : [this.inputName]; }
  private get inputName(): string { return `${this.name.replace(/[^\w.-]/g, '_')}_input`; }
  override get outputNames(): string[] { return super.built ? super.outputNames : [this.layers[this.layers.length - 1]?.name ?? 'output']; }

  /** Per-sample output shape (the model must be built). */
  get outputShape(): Shape {
    if (!super.built) throw new Error(`model '${this.name}': not built yet; give the first layer an inputShape or call fit/predict`);
    return this.outputs[0].sampleShape;
  }

  override buildFor(xs: Tensor[]): void {
    if (!super.built) this.build(xs[0].shape.slice(1));
  }

  override checkNotEmpty(op: string): void {
    if (this.layers.length === 0) throw new Error(`${op}: model '${this.name}' has no layers`);
  }

  protected override summaryRows(): string[][] {
    return super.summaryRows().slice(1).map((r) => r.slice(0, 3));
  }

  override dispose(): void {
    super.dispose();
    this.inputs = [];
    this.outputs = [];
  }
}

/** A sequential model from a list of layers (more can be added with model.add). */
export function sequential(layers: Layer[] = [], opts: { name?: string } = {}): Sequential {
  return new Sequential(layers, opts);
}

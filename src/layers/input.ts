// eg.input: a graph's entry, a symbolic tensor made by an InputLayer (shape without the batch axis).
import type { DType } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { type LayerConfig, type Node, type Shape, Layer, SymbolicTensor, checkSampleShape, fmtShape, sameShape } from './layer.js';

export interface InputArgs {
  /** Per-sample shape (no batch axis), e.g. [784]. */
  shape: number[];
  /** 'float32' (default), or 'int32' for token ids. */
  dtype?: DType;
  name?: string;
}

export class InputLayer extends Layer {
  readonly className = 'InputLayer';
  readonly dtype: DType;
  /** The symbolic tensor this layer makes. */
  readonly output: SymbolicTensor;
  constructor(args: InputArgs) {
    if (!args || typeof args !== 'object') throw new Error('input: expects { shape, dtype? }, e.g. eg.input({ shape: [784] })');
    super({ name: args.name }, 'input');
    checkSampleShape(`input '${this.name}'`, args.shape);
    const dtype = args.dtype ?? 'float32';
    if (dtype !== 'float32' && dtype !== 'int32') throw new Error(`input '${this.name}': dtype must be 'float32' or 'int32', got ${JSON.stringify(args.dtype)}`);
    this.dtype = dtype;
    this.inputShape = [...args.shape];
    this.built = true;
    const node: Node = { layer: this, inputs: [], outputs: [] };
    this.output = new SymbolicTensor([null, ...args.shape], dtype, node);
    (node.outputs as SymbolicTensor[]).push(this.output);
    this.inboundNodes.push(node);
  }
  computeOutputShape(s: Shape): Shape {
    if (!sameShape(s, this.inputShape!)) throw new Error(`input '${this.name}': expects ${fmtShape([null, ...this.inputShape!])}, got ${fmtShape([null, ...s])}`);
    return [...s];
  }
  call(x: Tensor): Tensor { return x; }
  override getConfig(): LayerConfig { return { name: this.name, trainable: false, shape: [...this.inputShape!], dtype: this.dtype }; }
}

/** A graph's input: a symbolic tensor of per-sample `shape` to apply layers to (eg.model's inputs). */
export function input(args: InputArgs): SymbolicTensor {
  return new InputLayer(args).output;
}

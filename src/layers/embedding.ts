// Embedding: int32 ids [batch, ...] -> rows of a learned table [batch, ..., outputDim].
import type { Tensor, Variable } from '../tensor.js';
import { gather } from '../ops/shape.js';
import { nextSeed } from '../random.js';
import { type InitializerSpec, checkInitializer, initialize } from './initializers.js';
import { type LayerArgs, type LayerConfig, type Shape, Layer, checkPositiveInt, checkSampleShape } from './layer.js';

export interface EmbeddingArgs extends Omit<LayerArgs, 'inputDim'> {
  /** Vocabulary size: ids are in [0, inputDim). */
  inputDim: number;
  outputDim: number;
  /** Ids per sample, for the first layer of a model (same as inputShape [inputLength]). */
  inputLength?: number;
  embeddingsInitializer?: InitializerSpec;
  seed?: number;
}

export class Embedding extends Layer {
  readonly className = 'Embedding';
  override readonly inputDtype = 'int32';
  readonly inputDim: number;
  readonly outputDim: number;
  readonly embeddingsInitializer: InitializerSpec;
  readonly seed?: number;
  embeddings: Variable | null = null;

  constructor(args: EmbeddingArgs) {
    const { inputDim, inputLength, ...rest } = args ?? ({} as EmbeddingArgs);
    super({ ...rest, inputShape: rest.inputShape ?? (inputLength !== undefined ? [inputLength] : undefined) }, 'embedding');
    const where = `embedding '${this.name}'`;
    this.inputDim = checkPositiveInt(where, 'inputDim (the vocabulary size)', inputDim);
    this.outputDim = checkPositiveInt(where, 'outputDim', args.outputDim);
    this.embeddingsInitializer = args.embeddingsInitializer ?? 'randomUniform';
    checkInitializer(where, this.embeddingsInitializer);
    this.seed = args.seed;
  }

  computeOutputShape(s: Shape): Shape {
    if (s.length > 0) checkSampleShape(`embedding '${this.name}'`, s);
    return [...s, this.outputDim];
  }

  override build(s: Shape): void {
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim],
      (sh) => initialize(`embedding '${this.name}'`, this.embeddingsInitializer, sh, this.seed ?? nextSeed()));
    super.build(s);
  }

  call(x: Tensor): Tensor {
    if (x.dtype !== 'int32') throw new Error(`embedding '${this.name}': ids must be int32, got ${x.dtype} (use eg.cast(x, 'int32'))`);
    // NOTE: gather checks the ids (one read); an id out of range is named in the layer's terms.
    return gather(this.embeddings!, x, 0, (id, i) => `embedding '${this.name}': id ${id} (at flat index ${i} of the input, `
      + `shape [${x.shape}]) is out of range: inputDim is ${this.inputDim}, so ids must be in [0, ${this.inputDim - 1}]`);
  }

  override getConfig(): LayerConfig {
    const c: LayerConfig = { ...super.getConfig(), inputDim: this.inputDim, outputDim: this.outputDim, embeddingsInitializer: this.embeddingsInitializer };
    if (this.seed !== undefined) c.seed = this.seed;
    return c;
  }
}

// The small state layer of tests/graph.test.ts, for the pool's tests (its workers register it too:
// tests/util/state-worker.ts). y = x · scale (frozen) + bias (trainable); a training-mode call
// updates a moving mean of the input's columns (momentum 0.5), as batch-norm does.
import * as eg from '../../src/index.js';
import type { Tensor } from '../../src/tensor.js';

export class Scaled extends eg.Layer {
  readonly className = 'Scaled';
  scale: eg.Variable | null = null;
  bias: eg.Variable | null = null;
  movingMean: eg.Variable | null = null;
  constructor(args: eg.LayerArgs = {}) { super(args, 'scaled'); }
  computeOutputShape(s: number[]): number[] { return [...s]; }
  override build(s: number[]): void {
    const d = s[s.length - 1];
    this.scale = this.addWeight('scale', [d], (sh) => eg.full(sh, 2), undefined, { trainable: false });
    this.bias = this.addWeight('bias', [d], (sh) => eg.zeros(sh));
    this.movingMean = this.addWeight('moving_mean', [d], (sh) => eg.zeros(sh), undefined, { trainable: false });
    super.build(s);
  }
  override get updatesState(): boolean { return true; }
  call(x: Tensor, opts: eg.CallOptions): Tensor {
    if (opts.training) {
      this.addUpdate(opts, this.movingMean!, eg.tidy(() => eg.add(eg.mul(this.movingMean!, 0.5), eg.mul(eg.mean(x, 0), 0.5))));
    }
    return eg.add(eg.mul(x, this.scale!), this.bias!);
  }
}

let registered = false;
export function registerScaled(): void {
  if (registered) return;
  registered = true;
  eg.layers.registerLayer('Scaled', (c) => new Scaled(c as eg.LayerArgs));
}

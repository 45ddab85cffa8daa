// Merge layers: several inputs of one shape combined elementwise (add, multiply, average) or joined along an axis (concatenate).
import type { Tensor } from '../tensor.js';
import { add, div, mul } from '../ops/elementwise.js';
import { concat } from '../ops/shape.js';
import { type LayerArgs, type LayerConfig, type Shape, Layer, fmtShape, sameShape } from './layer.js';

abstract class Merge extends Layer {
  protected shapes(s: Shape | Shape[]): Shape[] {
    const list = Array.isArray(s[0]) ? (s as Shape[]) : null;
    if (!list || list.length < 2) throw new Error(`${this.className} '${this.name}': needs a list of at least 2 inputs, got ${list ? list.length : `one input ${fmtShape([null, ...(s as Shape)])}`}`);
    return list;
  }
  computeOutputShape(s: Shape | Shape[]): Shape {
    const list = this.shapes(s);
    if (!list.every((x) => sameShape(x, list[0]))) {
      throw new Error(`${this.className} '${this.name}': inputs have shapes ${list.map((x) => fmtShape([null, ...x])).join(', ')}; they must all be the same`);
    }
    return [...list[0]];
  }
}

/** The elementwise sum of its inputs (a residual connection: add().apply([x, f(x)])). */
export class Add extends Merge {
  readonly className = 'Add';
  constructor(args: LayerArgs = {}) { super(args, 'add'); }
  call(xs: Tensor[]): Tensor { return xs.reduce((y, x) => add(y, x)); }
}

/** The elementwise product of its inputs. */
export class Multiply extends Merge {
  readonly className = 'Multiply';
  constructor(args: LayerArgs = {}) { super(args, 'multiply'); }
  call(xs: Tensor[]): Tensor { return xs.reduce((y, x) => mul(y, x)); }
}

/** The elementwise mean of its inputs (an ensemble: the average of its members' predictions). */
export class Average extends Merge {
  readonly className = 'Average';
  constructor(args: LayerArgs = {}) { super(args, 'average'); }
  call(xs: Tensor[]): Tensor { return div(xs.reduce((y, x) => add(y, x)), xs.length); }
}

export interface ConcatenateArgs extends LayerArgs {
  /** The axis to join along, counting the batch axis (default -1, the last; not 0). */
  axis?: number;
}

/** Its inputs joined along `axis`; the other axes must agree. */
export class Concatenate extends Merge {
  readonly className = 'Concatenate';
  readonly axis: number;
  constructor(args: ConcatenateArgs = {}) {
    super(args, 'concatenate');
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis) || axis === 0) throw new Error(`concatenate '${this.name}': axis must be a non-zero integer (axis 0 is the batch), got ${JSON.stringify(args.axis)}`);
    this.axis = axis;
  }
  /** The axis within a per-sample shape of rank r. */
  private sampleAxis(r: number): number {
    const a = this.axis < 0 ? this.axis + r + 1 : this.axis;
    if (a < 1 || a > r) throw new Error(`concatenate '${this.name}': axis ${this.axis} is out of range for inputs of rank ${r + 1}`);
    return a - 1;
  }
  override computeOutputShape(s: Shape | Shape[]): Shape {
    const list = this.shapes(s);
    const a = this.sampleAxis(list[0].length);
    const ok = list.every((x) => x.length === list[0].length && x.every((d, i) => i === a || d === list[0][i]));
    if (!ok) throw new Error(`concatenate '${this.name}': inputs have shapes ${list.map((x) => fmtShape([null, ...x])).join(', ')}; all axes but ${this.axis} must agree`);
    const out = [...list[0]];
    out[a] = list.reduce((t, x) => t + x[a], 0);
    return out;
  }
  call(xs: Tensor[]): Tensor { return concat(xs, this.sampleAxis(xs[0].rank - 1) + 1); }
  override getConfig(): LayerConfig { return { ...super.getConfig(), axis: this.axis }; }
}

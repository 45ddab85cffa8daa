// Neural-network ops: softmax and logSoftmax along an axis, numerically stable.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { checkDtype, checkTensor, normAxis } from './util.js';
import { transpose } from './shape.js';

function along(op: 'softmax' | 'logSoftmax', x: Tensor, axis: number): Tensor {
  checkTensor(op, x);
  checkDtype(op, x, ['float32']);
  if (x.rank === 0) throw new Error(`${op}: needs a tensor of rank >= 1`);
  const ax = normAxis(op, axis, x.rank);
  if (ax !== x.rank - 1) {
    // Move the axis last, apply, move it back.
    return engine.tidy(() => {
      const perm = x.shape.map((_, i) => i).filter((i) => i !== ax).concat(ax);
      const inv = perm.map((_, i) => perm.indexOf(i));
      return transpose(along(op, transpose(x, perm), -1), inv);
    });
  }
  const C = x.shape[x.rank - 1];
  const out = engine.runKernel(op, [x], {}, [[sizeOf(x.shape.slice(0, -1)), C]])[0];
  return engine.reshapeOwned(out, x.shape);
}

/**
 * exp(x - max) / sum(exp(x - max)) along `axis` (default the last). Edge values as NumPy/PyTorch, on
 * every backend: a slice that is all -Infinity, or holds +Infinity or NaN, is NaN throughout; beside
 * a finite max, -Infinity gives exactly 0, and probabilities below float32's range give 0 (in the
 * subnormal range, the subnormal or 0); a size-1 axis gives 1 (NaN for ±Infinity or NaN).
 */
export const softmax = (x: Tensor, axis = -1): Tensor => along('softmax', x, axis);
/**
 * x - max - log(sum(exp(x - max))) along `axis` (default the last): -Infinity beside a finite max
 * stays -Infinity; a slice that is all -Infinity, or holds +Infinity or NaN, is NaN throughout.
 */
export const logSoftmax = (x: Tensor, axis = -1): Tensor => along('logSoftmax', x, axis);

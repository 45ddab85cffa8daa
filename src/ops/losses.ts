// Losses as ops: each returns the mean over the batch as a scalar tensor.
import { engine } from '../engine.js';
import { sizeOf } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { checkDtype, checkTensor, fmt } from './util.js';
import { clip, log, mul, square, sub, add, div, neg } from './elementwise.js';
import { mean, sum } from './reduce.js';

/** Keras' epsilon: probabilities are clipped to [EPS, 1 - EPS] before the log. */
const EPS = 1e-7;

function sameShape(op: string, y: Tensor, p: Tensor): void {
  checkTensor(op, y, 'labels');
  checkTensor(op, p, 'predictions');
  checkDtype(op, y, ['float32'], 'labels');
  checkDtype(op, p, ['float32'], 'predictions');
  if (y.rank !== p.rank || y.shape.some((d, i) => d !== p.shape[i])) {
    throw new Error(`${op}: labels shape ${fmt(y.shape)} and predictions shape ${fmt(p.shape)} differ`);
  }
}

export function meanSquaredError(y: Tensor, p: Tensor): Tensor {
  sameShape('meanSquaredError', y, p);
  return engine.tidy(() => mean(square(sub(p, y))));
}

export function binaryCrossentropy(y: Tensor, p: Tensor): Tensor {
  sameShape('binaryCrossentropy', y, p);
  return engine.tidy(() => {
    const pc = clip(p, EPS, 1 - EPS);
    const l = add(mul(y, log(pc)), mul(sub(1, y), log(sub(1, pc))));
    return neg(mean(l));
  });
}

/** -sum(y · log p) over the last axis, mean over the rest; p is renormalised and clipped as in Keras. */
export function categoricalCrossentropy(y: Tensor, p: Tensor): Tensor {
  sameShape('categoricalCrossentropy', y, p);
  return engine.tidy(() => {
    const pn = clip(div(p, sum(p, -1, true)), EPS, 1 - EPS);
    return neg(mean(sum(mul(y, log(pn)), -1)));
  });
}

/**
 * Fused, stable softmax + cross-entropy on logits [..., C] with one-hot (or soft) float32 labels: the
 * mean over rows of -sum(labels · logSoftmax(logits)). A term whose label is exactly 0 is skipped
 * (0 · log 0 = 0), so a -Infinity logit (a masked class) with label 0 adds nothing rather than NaN;
 * with a nonzero label it makes the loss +Infinity. A row whose logits are all -Infinity, or hold
 * +Infinity or NaN, gives NaN (unless all its labels are 0). The same on every backend.
 */
export function softmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor {
  sameShape('softmaxCrossEntropy', labels, logits);
  if (logits.rank < 1) throw new Error('softmaxCrossEntropy: logits need rank >= 1');
  const C = logits.shape[logits.rank - 1];
  const rows = sizeOf(logits.shape.slice(0, -1));
  return engine.tidy(() => mean(engine.runKernel('softmaxCrossEntropy', [logits, labels], {}, [[rows, C], [rows, C]])[0]));
}

/**
 * Fused, stable softmax + cross-entropy on logits [N, C] with int32 class ids [N]: the mean of
 * -logSoftmax(logits)[label], so +Infinity where the label's logit is -Infinity beside a finite max,
 * NaN for a row that is all -Infinity or holds +Infinity or NaN.
 */
export function sparseSoftmaxCrossEntropy(labels: Tensor, logits: Tensor): Tensor {
  const op = 'sparseSoftmaxCrossEntropy';
  checkTensor(op, labels, 'labels');
  checkTensor(op, logits, 'logits');
  checkDtype(op, labels, ['int32'], 'labels');
  checkDtype(op, logits, ['float32'], 'logits');
  if (logits.rank !== 2 || labels.rank !== 1 || labels.shape[0] !== logits.shape[0]) {
    throw new Error(`${op}: expected logits [N, C] and labels [N], got shapes ${fmt(logits.shape)} and ${fmt(labels.shape)}`);
  }
  const C = logits.shape[1];
  // NOTE: on webgpu only host-made labels can be checked here; the kernel gives NaN for the others.
  const ids = engine.hostValues(labels, op) ?? [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] < 0 || ids[i] >= C) throw new Error(`${op}: label ${ids[i]} at row ${i} is out of range for ${C} classes`);
  }
  return engine.tidy(() => mean(engine.runKernel(op, [logits, labels], {})[0]));
}

// Classification metrics: accuracy, precision, recall, F1 (binary or macro), ROC AUC and the
// confusion matrix. Class ids and counts are computed with ops; only small results are read back:
// each metric is written as steps (a generator yields the tensors it needs values of), run with
// dataSync by the synchronous functions and with `await t.data()` by `compute` (webgpu).
import { engine } from '../engine.js';
import type { TypedArray } from '../kernels.js';
import type { Tensor } from '../tensor.js';
import { scalar, zeros } from './creation.js';
import { cast, equal, greater } from './elementwise.js';
import { matmul } from './linalg.js';
import { argmax, max, mean, min } from './reduce.js';
import { oneHot, reshape } from './shape.js';
import { checkTensor, fmt } from './util.js';

export interface MetricOptions {
  /** Binary predictions (shape [N] or [N, 1]) count as class 1 when above this. Default 0.5 (0 with fromLogits). */
  threshold?: number;
  /** Binary predictions are logits rather than probabilities (threshold 0). */
  fromLogits?: boolean;
}

export interface AveragedMetricOptions extends MetricOptions {
  /**
   * 'binary': class 1 is the positive class (the default with two classes). 'macro': the unweighted
   * mean over the classes that occur in yTrue or yPred (the default with more than two classes).
   */
  average?: 'binary' | 'macro';
}

interface Classes {
  /** int32 [N] class ids. */
  trueIds: Tensor;
  predIds: Tensor;
  numClasses: number;
}

/** Rows of y when its last axis holds one row per sample: [N, C] (C > 1) is one-hot or scores. */
const isRows = (y: Tensor) => y.rank >= 2 && y.shape[y.rank - 1] > 1;
/** [N] or [N, 1] (and [] for one sample): one value per sample. */
const isColumn = (y: Tensor) => y.rank >= 1 && (y.rank === 1 || y.shape[y.rank - 1] === 1);

function argmaxIds(y: Tensor): Tensor {
  const n = y.size / y.shape[y.rank - 1];
  return n === 0 ? zeros([0], 'int32') : reshape(argmax(y, -1), [n]);
}

/** int32 ids given as int32 or float32 class numbers; checked to lie in [0, numClasses) when that is known. */
function idsOf(op: string, y: Tensor, role: string): Tensor {
  if (!isColumn(y)) throw new Error(`${op}: ${role} must hold one class id per sample, shape [N] or [N, 1], got ${fmt(y.shape)}`);
  return reshape(y.dtype === 'int32' ? y : cast(y, 'int32'), [y.size]);
}

/** A metric's work: each `yield` asks for the values of some tensors (read together), the return is the result. */
type Steps<T> = Generator<Tensor[], T, TypedArray[]>;

/** Runs steps reading with dataSync (call inside tidy); a backend that reads asynchronously is pointed at compute. */
function runSync<T>(op: string, steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) {
    if (!engine.syncReads) {
      const hint = op === 'metrics.confusionMatrix'
        ? 'int32 ids made on the device cannot be range-checked there; pass ids written from the host or float32 rows'
        : `use \`await eg.metrics.compute('${op.slice(8)}', yTrue, yPred)\``;
      throw new Error(`${op}: the ${engine.backend!.name} backend reads values asynchronously; ${hint}`);
    }
    const reads = r.value;
    r = steps.next(reads.map((t) => t.dataSync()));
  }
  return r.value;
}

/** Runs steps reading with `await t.data()`; every tensor they make is disposed at the end. */
async function runAsync(make: () => Steps<Tensor | number>): Promise<number> {
  const made = new Set<Tensor>();
  try {
    const steps = make();
    let r = engine.gather(() => steps.next(), made);
    while (!r.done) {
      const values = await Promise.all(r.value.map((t) => t.data()));
      r = engine.gather(() => steps.next(values), made);
    }
    const v = r.value;
    return typeof v === 'number' ? v : (await v.data())[0];
  } finally {
    for (const t of made) if (!t.isDisposed) t.dispose();
  }
}

function* checkRange(op: string, ids: Tensor, role: string, numClasses: number): Steps<void> {
  if (ids.size === 0) return;
  let lo: number, hi: number;
  // webgpu keeps a host copy of int32 values written from the host: no read needed
  const host = engine.syncReads ? undefined : engine.hostValues(ids, op);
  if (host) {
    lo = Infinity; hi = -Infinity;
    for (let i = 0; i < host.length; i++) { if (host[i] < lo) lo = host[i]; if (host[i] > hi) hi = host[i]; }
  } else {
    const [l, h] = yield [min(ids), max(ids)];
    lo = l[0]; hi = h[0];
  }
  if (lo < 0 || hi >= numClasses) {
    throw new Error(`${op}: ${role} has class id ${lo < 0 ? lo : hi}, outside [0, ${numClasses})`);
  }
}

/** Turns (yTrue, yPred) into class ids; the mode follows yPred (see accuracy). Call inside tidy. */
function* classify(op: string, yTrue: Tensor, yPred: Tensor, opts: MetricOptions = {}): Steps<Classes> {
  checkTensor(op, yTrue, 'yTrue');
  checkTensor(op, yPred, 'yPred');
  const threshold = opts.threshold ?? (opts.fromLogits ? 0 : 0.5);
  let trueIds: Tensor, predIds: Tensor, numClasses: number;
  if (yPred.dtype === 'float32' && isRows(yPred)) {
    numClasses = yPred.shape[yPred.rank - 1];
    if (yTrue.dtype === 'float32' && isRows(yTrue)) {
      if (yTrue.shape[yTrue.rank - 1] !== numClasses) {
        throw new Error(`${op}: yTrue has ${yTrue.shape[yTrue.rank - 1]} classes (shape ${fmt(yTrue.shape)}) but yPred has ${numClasses} (shape ${fmt(yPred.shape)})`);
      }
      trueIds = argmaxIds(yTrue);
    } else {
      trueIds = idsOf(op, yTrue, 'yTrue');
      yield* checkRange(op, trueIds, 'yTrue', numClasses);
    }
    predIds = argmaxIds(yPred);
  } else if (yPred.dtype === 'float32') {
    if (!isColumn(yPred)) throw new Error(`${op}: yPred must have shape [N, C] or [N] / [N, 1] (binary), got ${fmt(yPred.shape)}`);
    numClasses = 2;
    predIds = reshape(cast(greater(yPred, threshold), 'int32'), [yPred.size]);
    if (yTrue.dtype === 'float32') {
      if (!isColumn(yTrue)) throw new Error(`${op}: yPred is binary (shape ${fmt(yPred.shape)}) so yTrue must have shape [N] or [N, 1], got ${fmt(yTrue.shape)}`);
      trueIds = reshape(cast(greater(yTrue, 0.5), 'int32'), [yTrue.size]);
    } else {
      trueIds = idsOf(op, yTrue, 'yTrue');
      yield* checkRange(op, trueIds, 'yTrue', 2);
    }
  } else {
    predIds = idsOf(op, yPred, 'yPred');
    if (yTrue.dtype === 'float32' && isRows(yTrue)) {
      numClasses = yTrue.shape[yTrue.rank - 1];
      trueIds = argmaxIds(yTrue);
    } else {
      trueIds = idsOf(op, yTrue, 'yTrue');
      const tops = yield [trueIds, predIds].filter((t) => t.size > 0).map((t) => max(t));
      let k = 0;
      const top = (t: Tensor) => (t.size === 0 ? 0 : tops[k++][0] + 1);
      numClasses = Math.max(2, top(trueIds), top(predIds));
      yield* checkRange(op, trueIds, 'yTrue', numClasses);
    }
    yield* checkRange(op, predIds, 'yPred', numClasses);
  }
  if (trueIds.size !== predIds.size) {
    throw new Error(`${op}: yTrue has ${trueIds.size} samples (shape ${fmt(yTrue.shape)}) but yPred has ${predIds.size} (shape ${fmt(yPred.shape)})`);
  }
  return { trueIds, predIds, numClasses };
}

/** int32 [C, C] counts, rows the true class, columns the predicted one. */
function counts(trueIds: Tensor, predIds: Tensor, numClasses: number): Tensor {
  if (trueIds.size === 0) return zeros([numClasses, numClasses], 'int32');
  // NOTE: float32 sums of 0/1 products are exact below 2^24 samples.
  const m = matmul(oneHot(trueIds, numClasses), oneHot(predIds, numClasses), { transposeA: true });
  return cast(m, 'int32');
}

function empty(op: string): Tensor {
  console.warn(`${op}: no samples (empty input); the result is NaN`);
  return scalar(NaN);
}

/**
 * Fraction of samples whose predicted class matches the true one, as a float32 scalar.
 * yPred [N, C] (probabilities or logits): the class is its argmax; yTrue is one-hot [N, C] or class
 * ids [N] / [N, 1] (int32 or float32). yPred [N] or [N, 1]: binary, class 1 when above the
 * threshold; yTrue is 0/1. yPred int32: class ids. Empty input gives NaN (with a warning).
 */
export function accuracy(yTrue: Tensor, yPred: Tensor, opts?: MetricOptions): Tensor {
  return engine.tidy(() => runSync('metrics.accuracy', accuracySteps(yTrue, yPred, opts)));
}

function* accuracySteps(yTrue: Tensor, yPred: Tensor, opts?: MetricOptions): Steps<Tensor> {
  const op = 'metrics.accuracy';
  const { trueIds, predIds } = yield* classify(op, yTrue, yPred, opts);
  if (trueIds.size === 0) return empty(op);
  return mean(equal(trueIds, predIds));
}

type Score = (tp: number, fp: number, fn: number) => number;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const scores: Record<'precision' | 'recall' | 'f1', Score> = {
  precision: (tp, fp) => ratio(tp, tp + fp),
  recall: (tp, _fp, fn) => ratio(tp, tp + fn),
  f1: (tp, fp, fn) => ratio(2 * tp, 2 * tp + fp + fn),
};

function averaged(kind: keyof typeof scores, yTrue: Tensor, yPred: Tensor, opts: AveragedMetricOptions = {}): Tensor {
  return engine.tidy(() => runSync(`metrics.${kind}`, averagedSteps(kind, yTrue, yPred, opts)));
}

function* averagedSteps(kind: keyof typeof scores, yTrue: Tensor, yPred: Tensor, opts: AveragedMetricOptions = {}): Steps<Tensor> {
  const op = `metrics.${kind}`;
  const { trueIds, predIds, numClasses: C } = yield* classify(op, yTrue, yPred, opts);
  if (trueIds.size === 0) return empty(op);
  const average = opts.average ?? (C === 2 ? 'binary' : 'macro');
  if (average !== 'binary' && average !== 'macro') throw new Error(`${op}: average must be 'binary' or 'macro', got '${String(average)}'`);
  if (average === 'binary' && C !== 2) throw new Error(`${op}: average 'binary' needs two classes, got ${C}; use average: 'macro'`);
  const [cm] = yield [counts(trueIds, predIds, C)];
  const score = scores[kind];
  if (average === 'binary') return scalar(score(cm[3], cm[1], cm[2]));
  let total = 0, classes = 0;
  for (let c = 0; c < C; c++) {
    let row = 0, col = 0;
    for (let j = 0; j < C; j++) { row += cm[c * C + j]; col += cm[j * C + c]; }
    if (row + col === 0) continue;
    const tp = cm[c * C + c];
    total += score(tp, col - tp, row - tp);
    classes++;
  }
  return scalar(total / classes);
}

/** tp / (tp + fp), 0 when nothing is predicted positive. Binary or macro-averaged; inputs as accuracy. */
export const precision = (yTrue: Tensor, yPred: Tensor, opts?: AveragedMetricOptions): Tensor => averaged('precision', yTrue, yPred, opts);
/** tp / (tp + fn), 0 when there are no positives. Binary or macro-averaged; inputs as accuracy. */
export const recall = (yTrue: Tensor, yPred: Tensor, opts?: AveragedMetricOptions): Tensor => averaged('recall', yTrue, yPred, opts);
/** 2tp / (2tp + fp + fn), the harmonic mean of precision and recall; 0 when both are 0. */
export const f1 = (yTrue: Tensor, yPred: Tensor, opts?: AveragedMetricOptions): Tensor => averaged('f1', yTrue, yPred, opts);

/**
 * Area under the ROC curve for binary labels yTrue (0/1, shape [N] or [N, 1]) and scores yPred
 * (probabilities or logits, same shape): the exact trapezoid over the sorted scores, tied scores
 * forming one step (so a tie between a positive and a negative counts half). NaN, with a warning,
 * when yTrue holds only one class or no samples.
 */
export function auc(yTrue: Tensor, yPred: Tensor): Tensor {
  return engine.tidy(() => runSync('metrics.auc', aucSteps(yTrue, yPred)));
}

function* aucSteps(yTrue: Tensor, yPred: Tensor): Steps<Tensor> {
  const op = 'metrics.auc';
  checkTensor(op, yTrue, 'yTrue');
  checkTensor(op, yPred, 'yPred');
  if (!isColumn(yPred) || yPred.dtype !== 'float32') {
    throw new Error(`${op}: binary only: yPred must be float32 scores of shape [N] or [N, 1], got ${yPred.dtype} ${fmt(yPred.shape)}`);
  }
  if (!isColumn(yTrue) || yTrue.size !== yPred.size) {
    throw new Error(`${op}: yTrue must hold one 0/1 label per score, shape [${yPred.size}] or [${yPred.size}, 1], got ${fmt(yTrue.shape)}`);
  }
  const [labels, s] = yield [yTrue, yPred];
  const n = s.length;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`${op}: yTrue must be 0 or 1, got ${labels[i]} at index ${i}`);
    if (Number.isNaN(s[i])) throw new Error(`${op}: yPred has NaN at index ${i}; scores must be numbers`);
    pos += labels[i];
  }
  const neg = n - pos;
  if (n === 0) return empty(op);
  if (pos === 0 || neg === 0) {
    console.warn(`${op}: yTrue holds only ${pos === 0 ? 'negatives' : 'positives'}; ROC AUC is undefined, the result is NaN`);
    return scalar(NaN);
  }
  const order = new Uint32Array(n).map((_, i) => i).sort((a, b) => s[b] - s[a]);
  let tp = 0, fp = 0, area = 0;
  for (let k = 0; k < n;) {
    const score = s[order[k]], tp0 = tp, fp0 = fp;
    for (; k < n && s[order[k]] === score; k++) {
      if (labels[order[k]] === 1) tp++;
      else fp++;
    }
    area += ((fp - fp0) * (tp + tp0)) / 2;
  }
  return scalar(area / (pos * neg));
}

/**
 * int32 [numClasses, numClasses] counts: entry [i, j] is the number of samples of true class i
 * predicted as class j. labels and predictions are int32 class ids [N] (or [N, 1]), or float32 rows
 * [N, numClasses] (one-hot or scores, reduced by argmax). Ids outside [0, numClasses) are refused.
 */
export function confusionMatrix(labels: Tensor, predictions: Tensor, numClasses: number): Tensor {
  const op = 'metrics.confusionMatrix';
  checkTensor(op, labels, 'labels');
  checkTensor(op, predictions, 'predictions');
  if (!Number.isInteger(numClasses) || numClasses < 1) throw new Error(`${op}: numClasses must be a positive integer, got ${numClasses}`);
  return engine.tidy(() => runSync(op, (function* (): Steps<Tensor> {
    const ids = function* (y: Tensor, role: string): Steps<Tensor> {
      if (y.dtype === 'int32') {
        const t = idsOf(op, y, role);
        yield* checkRange(op, t, role, numClasses);
        return t;
      }
      if (y.rank < 2 || y.shape[y.rank - 1] !== numClasses) {
        throw new Error(`${op}: float32 ${role} must be rows of ${numClasses} scores, shape [N, ${numClasses}], got ${fmt(y.shape)}; pass class ids as int32`);
      }
      return argmaxIds(y);
    };
    const t = yield* ids(labels, 'labels'), p = yield* ids(predictions, 'predictions');
    if (t.size !== p.size) throw new Error(`${op}: labels has ${t.size} samples but predictions has ${p.size}`);
    return counts(t, p, numClasses);
  })()));
}

const METRICS = { accuracy, acc: accuracy, precision, recall, f1, auc } as const;
export type MetricName = keyof typeof METRICS;
export type MetricFn = (yTrue: Tensor, yPred: Tensor) => Tensor;

const STEPS = new Map<unknown, (yTrue: Tensor, yPred: Tensor, opts?: AveragedMetricOptions) => Steps<Tensor>>([
  [accuracy, accuracySteps], [auc, aucSteps],
  ...(['precision', 'recall', 'f1'] as const).map((k) => [METRICS[k], (t: Tensor, p: Tensor, o?: AveragedMetricOptions) => averagedSteps(k, t, p, o)] as const),
]);

/**
 * A metric's value as a number on every backend: built-in metrics (by name or function) read what
 * they need with `await t.data()`, so they run on webgpu too; another function is called and its
 * result (a number or a scalar tensor) read. Tensors made on the way are disposed.
 */
export async function compute(metric: MetricName | ((yTrue: Tensor, yPred: Tensor) => Tensor | number), yTrue: Tensor, yPred: Tensor, opts?: AveragedMetricOptions): Promise<number> {
  const fn = typeof metric === 'function' ? metric : get(metric);
  const steps = STEPS.get(fn);
  if (steps) return runAsync(() => steps(yTrue, yPred, opts));
  return runAsync(function* () { return fn(yTrue, yPred); });
}

/** The metric function for a name ('accuracy' | 'acc' | 'precision' | 'recall' | 'f1' | 'auc'). */
export function get(name: MetricName | MetricFn): MetricFn {
  if (typeof name === 'function') return name;
  const fn = METRICS[name as MetricName];
  if (!fn) throw new Error(`metrics.get: unknown metric '${String(name)}'; expected ${Object.keys(METRICS).join(', ')}`);
  return fn as MetricFn;
}

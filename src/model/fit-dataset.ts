// model.fitDataset: training streamed from an eg.data Dataset of batches, one step per batch as it
// arrives (each batch checked as fit checks its data), with fit's logs, callbacks and progress.
import { Tensor } from '../tensor.js';
import type { Callbacks, Logs } from './callbacks.js';
import { type Data, type FitArgs, type History, type Model, keyOf, stepOnTensors } from './training.js';
import { Dataset, disposeElement } from '../data/dataset.js';
import { isTTY } from '../platform.js';

export type FitDatasetSource = AsyncIterable<unknown> & { size?: number | null };

export interface FitDatasetArgs {
  epochs?: number;
  /**
   * Batches per epoch. Without it an epoch is one full pass over the dataset (restarted each epoch);
   * with it, one iterator runs on across epochs (as tfjs) and training stops with a warning when the
   * data runs out.
   */
  batchesPerEpoch?: number;
  /** A Dataset of { xs, ys } batches, or [x, y] tensors, evaluated after each epoch (val_* logs). */
  validationData?: FitDatasetSource | [Data, Data];
  callbacks?: Callbacks | Callbacks[];
  /** As fit: 0 silent, 1 a bar on a TTY, 2 also epoch lines without one. */
  verbose?: 0 | 1 | 2;
  classWeight?: FitArgs['classWeight'];
  initialEpoch?: number;
  /** Trace the step once per batch size and replay it (default true, as fit); false runs every op eagerly. */
  compile?: boolean;
}

/** A batch element as { xs, ys } (tfjs) or [xs, ys]. */
function splitBatch(e: unknown, where: string): [unknown, unknown] {
  if (Array.isArray(e) && e.length === 2) return [e[0], e[1]];
  if (e && typeof e === 'object' && 'xs' in e && 'ys' in e) return [(e as { xs: unknown }).xs, (e as { ys: unknown }).ys];
  throw new Error(`fitDataset: ${where} must be { xs, ys } or [xs, ys] (batched tensors: use dataset.batch(n)), got ${e instanceof Tensor ? 'one Tensor' : e === null ? 'null' : typeof e}`);
}

export async function fitDataset(m: Model, dataset: FitDatasetSource, args: FitDatasetArgs = {}): Promise<History> {
  if (!m.optimizer || !m.compiled) throw new Error(`fitDataset: model '${m.name}' is not compiled; call model.compile({ optimizer, loss }) first`);
  if (!dataset || typeof (dataset as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
    throw new Error('fitDataset: expects a Dataset (eg.data.generator(...).batch(32)) or another async iterable of { xs, ys } batches');
  }
  const epochs = args.epochs ?? 1, initialEpoch = args.initialEpoch ?? 0, per = args.batchesPerEpoch;
  if (!Number.isInteger(epochs) || epochs < 0) throw new Error(`fitDataset: epochs must be a non-negative integer, got ${args.epochs}`);
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0) throw new Error(`fitDataset: initialEpoch must be a non-negative integer, got ${args.initialEpoch}`);
  if (per !== undefined && (!Number.isInteger(per) || per <= 0)) throw new Error(`fitDataset: batchesPerEpoch must be a positive integer, got ${per}`);
  if (args.compile !== undefined && typeof args.compile !== 'boolean') throw new Error(`fitDataset: compile must be true or false, got ${JSON.stringify(args.compile)}`);
  if (dataset.size === Infinity && per === undefined) throw new Error('fitDataset: the dataset is endless (repeat() without a count); give batchesPerEpoch');
  const c = m.compiled;
  const nOut = c.losses.length;
  const callbacks = Array.isArray(args.callbacks) ? args.callbacks : args.callbacks ? [args.callbacks] : [];
  const verbose = args.verbose ?? 1;
  const steps = per ?? (typeof dataset.size === 'number' && Number.isFinite(dataset.size) ? dataset.size : undefined);
  const bar = steps !== undefined && (verbose === 2 || (verbose && isTTY())) ? new (await import('./progress.js')).ProgressBar(epochs, steps, verbose === 2) : null;
  const accKeys = c.metrics.map((ms) => ms.find((x) => x.fn === 'accuracy')?.key ?? null);
  const history: History = { epoch: [], history: {}, params: { epochs, batchSize: 0, samples: 0, steps: steps ?? 0 } };

  m.stopTraining = false;
  for (const cb of callbacks) cb.setModel?.(m);
  for (const cb of callbacks) cb.setParams?.({ epochs, initialEpoch, steps });
  for (const cb of callbacks) await cb.onTrainBegin?.({});
  let shared: AsyncIterator<unknown> | null = per !== undefined ? dataset[Symbol.asyncIterator]() : null;
  try {
    for (let epoch = initialEpoch; epoch < epochs && !m.stopTraining; epoch++) {
      for (const cb of callbacks) await cb.onEpochBegin?.(epoch, {});
      const it = shared ?? dataset[Symbol.asyncIterator]();
      const t0 = performance.now();
      let lossSum = 0, seen = 0, b = 0, ranOut = false;
      const parts = new Array<number>(nOut).fill(0), correct = new Array<number>(nOut).fill(0);
      const logsOf = (): Logs => {
        const logs: Logs = { loss: lossSum / seen };
        for (let o = 0; o < nOut; o++) {
          if (nOut > 1) logs[keyOf(m, o, 'loss')] = parts[o] / seen;
          if (accKeys[o]) logs[keyOf(m, o, accKeys[o]!)] = correct[o] / seen;
        }
        return logs;
      };
      try {
        while (per === undefined || b < per) {
          const r = await it.next();
          if (r.done) { ranOut = per !== undefined; break; }
          let res;
          try {
            const [x, y] = splitBatch(r.value, `batch ${b} of epoch ${epoch + 1}`);
            const size = (Array.isArray(x) ? x[0] : x instanceof Tensor ? x : Object.values(x as object)[0]) as Tensor | undefined;
            const begin: Logs = { batch: b, size: size instanceof Tensor ? size.shape[0] : 0 };
            for (const cb of callbacks) { const p = cb.onBatchBegin?.(b, begin); if (p) await p; }
            res = await stepOnTensors(m, 'fitDataset', x, y, { classWeight: args.classWeight, compile: args.compile });
          } finally { disposeElement(r.value); }
          if (!Number.isFinite(res.loss)) throw new Error(`fitDataset: the loss became ${res.loss} at batch ${b} of epoch ${epoch + 1}; lower the learning rate or check the data`);
          seen += res.n;
          lossSum += res.loss * res.n;
          for (let o = 0; o < nOut; o++) { parts[o] += (res.parts[o] ?? 0) * res.n; correct[o] += res.correct[o] ?? 0; }
          const logs: Logs = { batch: b, size: res.n, ...logsOf() };
          for (const cb of callbacks) { const p = cb.onBatchEnd?.(b, logs); if (p) await p; }
          b++;
          if (bar) { const { batch: _b, size: _s, ...shown } = logs; bar.update(epoch, b, shown, (seen * 1000) / (performance.now() - t0)); }
        }
      } finally {
        if (!shared) await it.return?.();
      }
      if (seen === 0) {
        if (ranOut || per !== undefined) { warnRanOut(epoch); break; }
        throw new Error(`fitDataset: the dataset gave no batches in epoch ${epoch + 1}`);
      }
      const secs = (performance.now() - t0) / 1000;
      const logs = logsOf();
      if (args.validationData) for (const [k, v] of Object.entries(await validate(m, args.validationData))) logs[`val_${k}`] = v;
      logs.samplesPerSecond = seen / secs;
      history.epoch.push(epoch);
      history.params.samples += seen;
      for (const [k, v] of Object.entries(logs)) (history.history[k] ??= []).push(v);
      bar?.epochEnd(epoch, logs, secs);
      for (const cb of callbacks) await cb.onEpochEnd?.(epoch, logs);
      if (ranOut) { warnRanOut(epoch); break; }
    }
  } finally {
    await shared?.return?.();
    shared = null;
  }
  const last: Logs = {};
  for (const [k, v] of Object.entries(history.history)) last[k] = v[v.length - 1];
  for (const cb of callbacks) await cb.onTrainEnd?.(last);
  return history;
}

function warnRanOut(epoch: number): void {
  console.warn(`fitDataset: the dataset ran out of batches in epoch ${epoch + 1} before batchesPerEpoch; training stopped `
    + '(use dataset.repeat() so an iterator can run on across epochs)');
}

/** Validation logs: evaluate on [x, y], or the sample-weighted mean of evaluate over a dataset's batches. */
async function validate(m: Model, v: FitDatasetSource | [Data, Data]): Promise<Logs> {
  if (Array.isArray(v)) {
    if (v.length !== 2) throw new Error('fitDataset: validationData must be [xVal, yVal] or a Dataset of { xs, ys } batches');
    return m.evaluate(v[0], v[1]);
  }
  if (!(v instanceof Dataset) && typeof (v as AsyncIterable<unknown>)?.[Symbol.asyncIterator] !== 'function') {
    throw new Error('fitDataset: validationData must be [xVal, yVal] or a Dataset of { xs, ys } batches');
  }
  const sums: Logs = {};
  let n = 0;
  for await (const e of v) {
    try {
      const [x, y] = splitBatch(e, 'a validation batch');
      const first = (Array.isArray(x) ? x[0] : x instanceof Tensor ? x : Object.values(x as object)[0]) as Tensor;
      const logs = await m.evaluate(x as Data, y as Data);
      const k = first.shape[0];
      for (const [key, val] of Object.entries(logs)) sums[key] = (sums[key] ?? 0) + val * k;
      n += k;
    } finally { disposeElement(e); }
  }
  if (n === 0) throw new Error('fitDataset: validationData gave no batches');
  return Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, s / n]));
}

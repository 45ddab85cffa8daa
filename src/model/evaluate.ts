// Evaluation: loss and metrics over a data set in batches, in inference mode (model.evaluate, and
// fit's validation after each epoch); and the sums fit and evaluate keep on the backend where reads
// are asynchronous (webgpu). Loaded on first use, so an app that trains on wasm without validation
// data does not ship it.

// NOTE: the library through its entry, so this lazily loaded module reaches the same files as the
// app and every other lazy module: esbuild then keeps the library in one chunk (see ARCHITECTURE).
import '../core.js';
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import { add, equal, greater, mul } from '../ops/elementwise.js';
import { argmax, sum } from '../ops/reduce.js';
import { concat, reshape } from '../ops/shape.js';
import { softmax } from '../ops/nn.js';
import { sizeOf } from '../layers/layer.js';
import { compute as computeMetric } from '../ops/metrics.js';
import type { Logs } from './callbacks.js';
import type { Loss } from './losses.js';
import { type EvalBatch, canCompile, compiledEvalBatch } from './compiled.js';
import { type Data, type EvaluateArgs, type HostSet, type MetricFn, type Model, Batcher, countCorrect, hostSet, iota, keyOf } from './training.js';

/** Loss and metrics over (x, y), in batches, in inference mode. */
export async function evaluate(m: Model, x: Data, y: Data, args: EvaluateArgs = {}): Promise<Logs> {
  if (!m.compiled) throw new Error(`evaluate: model '${m.name}' is not compiled; call model.compile({ optimizer, loss }) first`);
  const batchSize = args.batchSize ?? 256;
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error(`evaluate: batchSize must be a positive integer, got ${args.batchSize}`);
  if (args.compile !== undefined && typeof args.compile !== 'boolean') throw new Error(`evaluate: compile must be true or false, got ${JSON.stringify(args.compile)}`);
  return evaluateSet(m, await hostSet(m, 'evaluate', x, y), batchSize, args.compile ?? true);
}

/**
 * Loss and metrics over a host set. Where reads are synchronous the sums are kept here; where
 * they are asynchronous (webgpu) they are summed on the device and read once, and the predictions
 * stay there for the other metrics (metrics.compute).
 */
export async function evaluateSet(m: Model, set: HostSet, batchSize: number, compile = true): Promise<Logs> {
  const c = m.compiled!, nOut = c.losses.length, fused = c.fused.some(Boolean);
  const onDevice = !engine.syncReads;
  const order = iota(set.n);
  const batcher = new Batcher(set, batchSize);
  const custom = c.metrics.map((ms) => ms.some((x) => x.fn !== 'accuracy'));
  const wantAcc = c.metrics.map((ms) => ms.some((x) => x.fn === 'accuracy'));
  const preds: Tensor[][] = c.metrics.map(() => []);
  const hostPreds = c.metrics.map((_, o) => (!onDevice && custom[o] ? new Float32Array(set.n * sizeOf(m.outputSpecs[o].shape)) : null));
  const sums = new DeviceSums(2 * nOut);
  const host = new Array<number>(2 * nOut).fill(0);
  const made: Tensor[] = [];
  try {
    const compiled = compile && canCompile();
    for (let from = 0; from < set.n; from += batchSize) {
      const count = Math.min(batchSize, set.n - from);
      if (compiled && onDevice) {
        // NOTE: the loss, count and probability terms of the device path below, from a replayed batch.
        compiledEvalBatch(m, batcher, order, from, count, wantAcc, custom, () => {
          eagerBatch(from, count);
          return { loss: [], correct: [], probs: [] };
        }, { sums, preds });
        continue;
      }
      if (compiled) {
        // NOTE: the same loss, counts and probabilities as the host path below, from a replayed batch.
        const r = compiledEvalBatch(m, batcher, order, from, count, wantAcc, custom, () => engine.tidy(() => {
          const [xb, yb] = batcher.batch(order, from, count);
          const os = m.forward(xb, false, fused);
          const e: EvalBatch = { loss: [], correct: [], probs: [] };
          for (let o = 0; o < nOut; o++) {
            const out = os[o], loss = c.losses[o];
            e.loss.push((c.fused[o] ? loss.fromLogits!(yb[o], out) : loss.fn(yb[o], out)).dataSync()[0]);
            e.correct.push(wantAcc[o] ? countCorrect(out.dataSync(), batcher.yHost(o, order, from, count), out.shape[out.rank - 1], loss.labels) : 0);
            e.probs.push(custom[o] ? (c.fused[o] ? softmax(out) : out).dataSync() : null);
          }
          return e;
        }));
        for (let o = 0; o < nOut; o++) {
          host[o] += r.loss[o] * count;
          host[nOut + o] += r.correct[o];
          if (r.probs[o]) hostPreds[o]!.set(r.probs[o]!, from * sizeOf(m.outputSpecs[o].shape));
        }
        continue;
      }
      eagerBatch(from, count);
    }
    function eagerBatch(from: number, count: number): void {
      engine.tidy(() => {
        const [xb, yb] = batcher.batch(order, from, count);
        const os = m.forward(xb, false, fused);
        for (let o = 0; o < nOut; o++) {
          const out = os[o], loss = c.losses[o];
          const l = c.fused[o] ? loss.fromLogits!(yb[o], out) : loss.fn(yb[o], out);
          // Metrics see probabilities: apply the softmax the fused path skipped.
          const probs = () => (c.fused[o] ? softmax(out) : out);
          if (onDevice) {
            sums.add(o, l, count);
            if (wantAcc[o]) sums.addCorrect(nOut + o, out, yb[o], loss.labels);
            if (custom[o]) preds[o].push(engine.keep(probs()));
          } else {
            host[o] += l.dataSync()[0] * count;
            if (wantAcc[o]) host[nOut + o] += countCorrect(out.dataSync(), batcher.yHost(o, order, from, count), out.shape[out.rank - 1], loss.labels);
            if (custom[o]) hostPreds[o]!.set(probs().dataSync(), from * sizeOf(m.outputSpecs[o].shape));
          }
        }
      });
    }
    const v = onDevice ? await sums.read('in evaluation', false) : host;
    let total = 0;
    for (let o = 0; o < nOut; o++) total += c.weights[o] * v[o] / set.n;
    const logs: Logs = { loss: total };
    for (let o = 0; o < nOut; o++) {
      if (nOut > 1) logs[keyOf(m, o, 'loss')] = v[o] / set.n;
      let yt: Tensor | null = null, p: Tensor | null = null;
      if (custom[o]) {
        const col = set.ys[o];
        made.push(yt = engine.fromValues(col.data, [set.n, ...col.sample], col.dtype));
        made.push(p = onDevice ? (preds[o].length === 1 ? engine.keep(preds[o][0]) : concat(preds[o], 0)) : engine.fromValues(hostPreds[o]!, [set.n, ...m.outputSpecs[o].shape], 'float32'));
      }
      for (const mt of c.metrics[o]) {
        const key = keyOf(m, o, mt.key);
        if (mt.fn === 'accuracy') { logs[key] = v[nOut + o] / set.n; continue; }
        logs[key] = onDevice ? await computeMetric(mt.fn, yt!, p!) : engine.tidy(() => { const r = (mt.fn as MetricFn)(yt!, p!); return typeof r === 'number' ? r : r.dataSync()[0]; });
      }
    }
    return logs;
  } finally {
    sums.reset();
    for (const t of [...preds.flat(), ...made]) if (!t.isDisposed) t.dispose();
  }
}

/**
 * Sums kept on the backend (losses x samples, correct counts): fit and evaluate use them where
 * reads are asynchronous (webgpu), so a step reads nothing back.
 */
export class DeviceSums {
  private readonly vals: (Tensor | null)[];
  constructor(n: number) { this.vals = new Array(n).fill(null); }

  /** Adds t x scale to sum i (call inside tidy). */
  add(i: number, t: Tensor, scale: number): void {
    const prev = this.vals[i];
    const v = DeviceSums.term(t, scale);
    this.vals[i] = engine.keep(prev ? add(prev, v) : v === t ? add(t, 0) : v);
    prev?.dispose();
  }

  /** Adds the batch's correct predictions to sum i (training.countCorrect on the backend; exact below 2^24 samples). */
  addCorrect(i: number, out: Tensor, y: Tensor, labels: Loss['labels']): void {
    this.add(i, DeviceSums.correctTerm(out, y, labels), 1);
  }

  /** What add(i, t, scale) adds: t x scale (t itself for scale 1). */
  static term(t: Tensor, scale: number): Tensor { return scale === 1 ? t : mul(t, scale); }

  /** What addCorrect adds: the batch's correct predictions, a scalar. */
  static correctTerm(out: Tensor, y: Tensor, labels: Loss['labels']): Tensor {
    const C = out.shape[out.rank - 1];
    const want = labels === 'binary' || C === 1 ? null : labels === 'sparse' ? reshape(y, out.shape.slice(0, -1)) : argmax(y, -1);
    return want ? sum(equal(argmax(out, -1), want)) : sum(equal(greater(out, 0.5), greater(reshape(y, [...out.shape]), 0.5)));
  }

  /**
   * Adds a term computed by a compiled step (term() or correctTerm() of the traced tensors, now a
   * buffer of the plan) to sum i with the kernels add() uses (add; the first term copied, as add()
   * keeps it or adds 0), so the sums equal an eager step's bit for bit. The term's buffer is only
   * read (a replay overwrites it); the new sum is a tensor of its own, as after add().
   */
  addPlanned(i: number, info: { shape: readonly number[]; dtype: Tensor['dtype']; buf: unknown }): void {
    const b = engine.backend!;
    const prev = this.vals[i];
    let size = 1;
    for (const d of info.shape) size *= d;
    const buf = b.alloc(info.dtype, size);
    const out = { shape: info.shape, dtype: info.dtype, buf };
    const term = { shape: info.shape, dtype: info.dtype, buf: info.buf };
    if (prev) {
      const s = prev.storage!;
      b.kernels.add!([{ shape: prev.shape, dtype: prev.dtype, buf: s.buf, version: s.version }, term] as never, [out] as never, {} as never);
    } else b.kernels.cast!([term] as never, [out] as never, { dtype: info.dtype } as never);
    this.vals[i] = engine.keep(engine.wrap(out, b));
    prev?.dispose();
  }

  /** The sums so far (0 where nothing was added); a non-finite loss (sum 0) ends training with fit's error (`where` says when). */
  async read(where: string, fitting = true): Promise<number[]> {
    const v = (await Promise.all(this.vals.map((t) => t?.data()))).map((d) => (d ? d[0] : 0));
    if (fitting && !Number.isFinite(v[0])) {
      this.reset();
      throw new Error(`fit: the loss became ${v[0]} ${where}; lower the learning rate or check the data`);
    }
    return v;
  }

  reset(): void {
    for (const t of this.vals) t?.dispose();
    this.vals.fill(null);
  }
}

// eg.data: datasets as lazy, re-iterable async streams (tfjs's tf.data in small): sources (arrays,
// tensor slices, generators, async iterables) and the stages map, batch, shuffle, prefetch, take,
// skip and repeat. Each iteration restarts from the source, so a dataset can be read once per epoch
// without holding it in memory (model.fitDataset).
//
// Ownership: the tensors of an element belong to the stage that holds the element. A source hands
// out views of the caller's tensors (disposing them leaves the caller's alone); map and batch
// dispose the tensors of the elements they consume (map keeps those its function returns); take,
// skip, shuffle and prefetch dispose what they drop. What reaches the consumer is the consumer's
// to dispose (fitDataset does it after each step).
import { engine } from '../engine.js';
import { Tensor } from '../tensor.js';
import { rng } from '../random.js';
import { stack } from '../ops/shape.js';
import { tensor } from '../ops/creation.js';
import { describe } from '../ops/util.js';

type Source<T> = () => AsyncIterator<T>;
type SyncOrAsyncIterable<T> = Iterable<T> | AsyncIterable<T>;

/** Every tensor inside an element (a tensor, or arrays and plain objects holding tensors). */
export function tensorsIn(v: unknown, out: Tensor[] = []): Tensor[] {
  if (v instanceof Tensor) out.push(v);
  else if (Array.isArray(v)) for (const x of v) tensorsIn(x, out);
  else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) for (const x of Object.values(v)) tensorsIn(x, out);
  return out;
}

/** Disposes the tensors of an element (those still live). */
export function disposeElement(v: unknown, keep?: Set<Tensor>): void {
  for (const t of tensorsIn(v)) if (!t.isDisposed && !keep?.has(t)) t.dispose();
}

/** The element with each tensor replaced by a view of it (the caller's tensor stays the caller's). */
function viewsOf<T>(v: T): T {
  if (v instanceof Tensor) return engine.view(v, v.shape) as T;
  if (Array.isArray(v)) return v.map(viewsOf) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, viewsOf(x)])) as T;
  }
  return v;
}

const isNumericArray = (v: unknown): boolean => ArrayBuffer.isView(v)
  || (Array.isArray(v) && (v.length === 0 || typeof v[0] === 'number' || isNumericArray(v[0])));

/** Stacks a batch of elements of one structure into one element of tensors [B, ...]. */
function stackElements(items: unknown[], path = 'element'): unknown {
  const first = items[0];
  if (first instanceof Tensor) {
    items.forEach((t, i) => {
      if (!(t instanceof Tensor)) throw new Error(`batch: ${path} is a Tensor in the batch's first element but ${describe(t)} in element ${i}`);
    });
    const ts = items as Tensor[];
    for (const t of ts) {
      if (t.dtype !== first.dtype || t.rank !== first.rank || t.shape.some((d, k) => d !== first.shape[k])) {
        throw new Error(`batch: ${path} has shape [${first.shape}] ${first.dtype} in one element and [${t.shape}] ${t.dtype} in another; a batch needs one shape and dtype`);
      }
    }
    return stack(ts, 0);
  }
  if (typeof first === 'number' || isNumericArray(first)) {
    try {
      return tensor(items.map((v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)) as number[]);
    } catch (e) {
      throw new Error(`batch: ${path} cannot be stacked: ${(e as Error).message}`);
    }
  }
  if (Array.isArray(first)) {
    return first.map((_, k) => stackElements(items.map((v) => (v as unknown[])[k]), `${path}[${k}]`));
  }
  if (first && typeof first === 'object') {
    return Object.fromEntries(Object.keys(first).map((k) => [k, stackElements(items.map((v) => (v as Record<string, unknown>)[k]), `${path}.${k}`)]));
  }
  throw new Error(`batch: ${path} is ${describe(first)}; elements must be tensors, numbers, number arrays, or arrays and objects of them`);
}

function checkCount(op: string, n: unknown, min = 0): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw new Error(`${op}: expects an integer >= ${min}, got ${describe(n)}`);
  return n;
}

/** A lazy dataset of elements T; iterate with `for await (const e of ds)`. */
export class Dataset<T = unknown> implements AsyncIterable<T> {
  /** @param size the number of elements when known (Infinity for an endless repeat), else null. */
  constructor(private readonly source: Source<T>, readonly size: number | null = null) {}

  [Symbol.asyncIterator](): AsyncIterator<T> { return this.source(); }

  /** A new iterator from the start (tfjs's dataset.iterator()). */
  async iterator(): Promise<AsyncIterator<T>> { return this.source(); }

  /** f applied to every element. A synchronous f runs in a tidy scope (its temporaries are freed). */
  map<U>(f: (e: T) => U): Dataset<U> {
    if (typeof f !== 'function') throw new Error(`map: expects a function, got ${describe(f)}`);
    const up = this.source;
    return new Dataset<U>(async function* () {
      const it = up();
      try {
        for (let r = await it.next(); !r.done; r = await it.next()) {
          const out = engine.tidy(() => f(r.value) as never) as U;
          disposeElement(r.value, new Set(tensorsIn(out)));
          yield out;
        }
      } finally { await it.return?.(); }
    }, this.size);
  }

  /** f (which may be async) applied to every element; not in a tidy scope. */
  mapAsync<U>(f: (e: T) => Promise<U>): Dataset<U> {
    if (typeof f !== 'function') throw new Error(`mapAsync: expects a function, got ${describe(f)}`);
    const up = this.source;
    return new Dataset<U>(async function* () {
      const it = up();
      try {
        for (let r = await it.next(); !r.done; r = await it.next()) {
          const out = await f(r.value);
          disposeElement(r.value, new Set(tensorsIn(out)));
          yield out;
        }
      } finally { await it.return?.(); }
    }, this.size);
  }

  /**
   * Groups `batchSize` consecutive elements into one, stacking each tensor (numbers and number
   * arrays become tensors) along a new first axis; the last, smaller batch is kept unless
   * `smallLastBatch` is false.
   */
  batch(batchSize: number, smallLastBatch = true): Dataset<unknown> {
    checkCount('batch', batchSize, 1);
    const up = this.source;
    const size = this.size === null ? null : !Number.isFinite(this.size) ? Infinity
      : smallLastBatch ? Math.ceil(this.size / batchSize) : Math.floor(this.size / batchSize);
    return new Dataset<unknown>(async function* () {
      const it = up();
      let items: T[] = [];
      try {
        for (let r = await it.next(); ; r = await it.next()) {
          if (!r.done) items.push(r.value);
          if (items.length === batchSize || (r.done && items.length > 0 && smallLastBatch)) {
            const batch = items;
            items = [];
            let out: unknown;
            try { out = engine.tidy(() => stackElements(batch) as never); } finally { for (const e of batch) disposeElement(e); }
            yield out;
          }
          if (r.done) break;
        }
      } finally {
        for (const e of items) disposeElement(e);
        await it.return?.();
      }
    }, size);
  }

  /**
   * Shuffles through a buffer of `bufferSize` elements (tfjs/tf.data semantics: a buffer as large as
   * the dataset gives a uniform shuffle). With `seed`, the order is reproducible; each iteration
   * (epoch) draws a new order unless `reshuffleEachIteration` is false.
   */
  shuffle(bufferSize: number, seed?: number, reshuffleEachIteration = true): Dataset<T> {
    checkCount('shuffle', bufferSize, 1);
    const up = this.source;
    let iteration = 0;
    const base = seed ?? Math.floor(Math.random() * 2 ** 31);
    return new Dataset<T>(async function* () {
      const random = rng(reshuffleEachIteration ? base + 7919 * iteration++ : base);
      const it = up();
      const buf: T[] = [];
      try {
        for (let r = await it.next(); !r.done; r = await it.next()) {
          if (buf.length < bufferSize) { buf.push(r.value); continue; }
          const k = Math.floor(random() * bufferSize);
          const out = buf[k];
          buf[k] = r.value;
          yield out;
        }
        while (buf.length > 0) {
          const k = Math.floor(random() * buf.length);
          const out = buf[k];
          buf[k] = buf[buf.length - 1];
          buf.pop();
          yield out;
        }
      } finally {
        for (const e of buf) disposeElement(e);
        await it.return?.();
      }
    }, this.size);
  }

  /** Reads up to `bufferSize` elements ahead of the consumer, so producing overlaps training. */
  prefetch(bufferSize: number): Dataset<T> {
    checkCount('prefetch', bufferSize, 1);
    const up = this.source;
    return new Dataset<T>(async function* () {
      const it = up();
      // NOTE: an async iterator queues next() calls, so requests made ahead are served in order.
      const queue: Promise<IteratorResult<T>>[] = [];
      let ended = false;
      const fill = () => { while (!ended && queue.length < bufferSize) queue.push(it.next()); };
      try {
        fill();
        while (queue.length > 0) {
          const r = await queue.shift()!;
          if (r.done) { ended = true; break; }
          fill();
          yield r.value;
        }
      } finally {
        for (const p of queue) { const r = await p.catch(() => null); if (r && !r.done) disposeElement(r.value); }
        await it.return?.();
      }
    }, this.size);
  }

  /** The first `count` elements. */
  take(count: number): Dataset<T> {
    checkCount('take', count);
    const up = this.source;
    return new Dataset<T>(async function* () {
      if (count === 0) return;
      const it = up();
      let n = 0;
      try {
        for (let r = await it.next(); !r.done; r = await it.next()) {
          yield r.value;
          if (++n >= count) break;
        }
      } finally { await it.return?.(); }
    }, this.size === null ? null : Math.min(this.size, count));
  }

  /** All but the first `count` elements. */
  skip(count: number): Dataset<T> {
    checkCount('skip', count);
    const up = this.source;
    return new Dataset<T>(async function* () {
      const it = up();
      let n = 0;
      try {
        for (let r = await it.next(); !r.done; r = await it.next()) {
          if (n++ < count) { disposeElement(r.value); continue; }
          yield r.value;
        }
      } finally { await it.return?.(); }
    }, this.size === null ? null : Math.max(0, this.size - count));
  }

  /** The dataset `count` times over (endless without a count), each pass a new iteration of the source. */
  repeat(count?: number): Dataset<T> {
    if (count !== undefined) checkCount('repeat', count);
    const up = this.source;
    const size = this.size === null ? null : count === undefined ? (this.size === 0 ? 0 : Infinity) : this.size * count;
    return new Dataset<T>(async function* () {
      for (let pass = 0; count === undefined || pass < count; pass++) {
        const it = up();
        let any = false;
        try {
          for (let r = await it.next(); !r.done; r = await it.next()) { any = true; yield r.value; }
        } finally { await it.return?.(); }
        if (!any) return; // NOTE: an empty source would otherwise spin forever
      }
    }, size);
  }

  /** Calls f on every element, in order (f owns them: dispose what you keep no longer). */
  async forEachAsync(f: (e: T) => void | Promise<void>): Promise<void> {
    for await (const e of this) await f(e);
  }

  /** Every element, in an array (the caller owns their tensors). Refuses an endless dataset. */
  async toArray(): Promise<T[]> {
    if (this.size === Infinity) throw new Error('toArray: the dataset is endless (repeat() without a count); take(n) first');
    const out: T[] = [];
    for await (const e of this) out.push(e);
    return out;
  }
}

// ---- sources ------------------------------------------------------------------------------------

/** A dataset of the given elements (tensors in them are shared, as views, never disposed). */
export function array<T>(items: T[]): Dataset<T> {
  if (!Array.isArray(items)) throw new Error(`data.array: expects an array of elements, got ${describe(items)}`);
  return new Dataset<T>(async function* () { for (const e of items) yield viewsOf(e); }, items.length);
}

/**
 * Rows of tensors along axis 0 (tf.data.Dataset.from_tensor_slices): `slices(x)` yields x[i];
 * `slices({ xs, ys })` or `slices([x, y])` yields { xs: xs[i], ys: ys[i] } (or [x[i], y[i]]). Every
 * tensor needs the same number of rows. Rows are copied lazily, one per element.
 */
export function slices<T>(value: T): Dataset<unknown> {
  const ts = tensorsIn(value);
  if (ts.length === 0) throw new Error(`data.slices: expects a tensor, or an array or object of tensors, got ${describe(value)}`);
  for (const t of ts) {
    t.live('data.slices');
    if (t.rank < 1) throw new Error('data.slices: a scalar (rank 0) has no rows to slice');
  }
  const n = ts[0].shape[0];
  for (const t of ts) if (t.shape[0] !== n) throw new Error(`data.slices: tensors of ${n} and ${t.shape[0]} rows; every tensor needs the same number of rows`);
  const row = (v: unknown, i: number): unknown => {
    if (v instanceof Tensor) {
      return engine.tidy(() => {
        const r = engine.runKernel('slice', [v], { begin: v.shape.map((_, k) => (k === 0 ? i : 0)), size: v.shape.map((d, k) => (k === 0 ? 1 : d)) })[0];
        return engine.reshapeOwned(r, v.shape.slice(1));
      });
    }
    if (Array.isArray(v)) return v.map((x) => row(x, i));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, row(x, i)]));
    return v;
  };
  return new Dataset<unknown>(async function* () {
    for (let i = 0; i < n; i++) {
      for (const t of ts) t.live('data.slices');
      yield row(value, i);
    }
  }, n);
}

/**
 * A dataset read from a generator function (sync or async; called anew for every iteration, so
 * each epoch starts over), or from a function returning any iterable or async iterable. Its
 * elements are the pipeline's (tensors made by the generator are disposed downstream).
 */
export function generator<T>(make: () => SyncOrAsyncIterable<T> | Iterator<T> | AsyncIterator<T>): Dataset<T> {
  if (typeof make !== 'function') throw new Error(`data.generator: expects a function returning an iterator (a generator function), got ${describe(make)}`);
  return new Dataset<T>(async function* () {
    const g = make() as unknown as Record<symbol | string, unknown>;
    let it: Iterator<T> | AsyncIterator<T>;
    if (g && typeof g[Symbol.asyncIterator] === 'function') it = (g[Symbol.asyncIterator] as () => AsyncIterator<T>)();
    else if (g && typeof g[Symbol.iterator] === 'function') it = (g[Symbol.iterator] as () => Iterator<T>)();
    else if (g && typeof g.next === 'function') it = g as unknown as Iterator<T>;
    else throw new Error(`data.generator: the function returned ${describe(g)}, not an iterator or iterable`);
    try {
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    } finally { await it.return?.(); }
  });
}

/** A dataset over an async (or sync) iterable that can be read once: a stream. A second iteration throws. */
export function fromIterable<T>(iterable: SyncOrAsyncIterable<T>): Dataset<T> {
  let used = false;
  return generator(() => {
    if (used) throw new Error('data.fromIterable: this stream was already read; use data.generator(() => makeStream()) to read it once per epoch');
    used = true;
    return iterable;
  });
}

/** Elements of several datasets side by side ([a, b] or { a, b }), until the shortest ends. */
export function zip(datasets: Dataset[] | Record<string, Dataset>): Dataset<unknown> {
  const entries = Array.isArray(datasets) ? datasets.map((d, i) => [String(i), d] as const) : Object.entries(datasets);
  for (const [k, d] of entries) if (!(d instanceof Dataset)) throw new Error(`data.zip: entry ${k} is ${describe(d)}, not a Dataset`);
  const sizes = entries.map(([, d]) => d.size);
  const size = sizes.some((s) => s === null) ? null : Math.min(...(sizes as number[]));
  return new Dataset<unknown>(async function* () {
    const its = entries.map(([, d]) => d[Symbol.asyncIterator]());
    try {
      for (;;) {
        const rs = await Promise.all(its.map((it) => it.next()));
        if (rs.some((r) => r.done)) { for (const r of rs) if (!r.done) disposeElement(r.value); return; }
        yield Array.isArray(datasets) ? rs.map((r) => r.value) : Object.fromEntries(entries.map(([k], i) => [k, rs[i].value]));
      }
    } finally { for (const it of its) await it.return?.(); }
  }, size);
}

export const data = { array, slices, generator, fromIterable, zip, Dataset };

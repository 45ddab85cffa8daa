// The caller's side of the model's jobs: which copy of which model each worker holds (by a pool-wide
// id, the weights' version and the model's structure), sending and dropping those copies, and
// pool.predict. Registered into the pool (pool.ts's ModelJobs) when this module loads.
import { engine } from '../../engine.js';
import type { Tensor } from '../../tensor.js';
import { checkTensor } from '../../ops/util.js';
import { type Pool, type Slot, gather, registerModelJobs } from '../../pool/pool.js';
import { borrow, shardSizes, toMsg } from '../../pool/handlers.js';
import type { TensorMsg, TensorRef } from '../../pool/protocol.js';
import type { ModelMsg } from './protocol.js';
import { registerReplicaJobs } from './replica.js';

/** The caller's side: a model (eg.sequential, eg.model) that can be rebuilt in a worker. */
export interface PoolModel {
  /** model.json text and safetensors bytes, as `model.save` writes them. */
  toArtifacts(opts?: { includeOptimizer?: boolean }): Promise<ModelMsg>;
  /** Every weight (trainable or not) in a stable order: the order `setWeights` takes. */
  readonly weights: (Tensor & { name?: string })[];
  readonly trainableWeights: Tensor[];
  /** The graph's nodes (graph.ts), part of what a worker's copy is built from. */
  readonly nodes?: readonly { layer: { name: string; className: string }; inputs: readonly { name: string }[] }[];
  /**
   * Checks `x` against the model as its own predict would (per-sample shape, dtype), building an
   * unbuilt model from x's shape, so a pool call fails in the caller's terms, not a shard's.
   */
  checkInput?(op: string, x: unknown): Tensor;
}

/** Refuses anything that is not a model the pool can send to its workers. */
export function checkPoolModel(op: string, model: unknown): PoolModel {
  const m = model as Partial<PoolModel> | null;
  if (m === null || typeof m !== 'object' || typeof m.toArtifacts !== 'function' || !Array.isArray(m.weights)) {
    throw new Error(`${op}: model must be an edgegrad model (eg.sequential(...) or eg.loadModel(...)), got ${m === null ? 'null' : Array.isArray(m) ? 'an array' : typeof m === 'object' ? `an object without toArtifacts()` : typeof m}`);
  }
  return m as PoolModel;
}

/**
 * What a worker's copy is built from besides the weights' values: the nodes (layer, class,
 * inputs) and each weight's name, shape, dtype and whether it trains. A model whose structure
 * changed since it was sent (a layer added to a sequential, a layer frozen) has been replaced: the
 * workers' copies are dropped and the model is sent again.
 */
export function structureOf(m: PoolModel): string {
  const trains = new Set(m.trainableWeights);
  const nodes = (m.nodes ?? []).map((n) => `${n.layer.className} ${n.layer.name}<${n.inputs.map((t) => t.name).join(',')}`);
  const weights = m.weights.map((w) => `${w.name ?? ''}[${w.shape}]${w.dtype}${trains.has(w) ? '' : ' fixed'}`);
  return [...nodes, ...weights].join(';');
}

/**
 * A name for the model's current weights: its own `weightsVersion` when it keeps one, else a hash
 * of the weight values (cheap next to sending them: one read and one pass).
 */
export function modelVersion(model: PoolModel): string {
  const own = (model as { weightsVersion?: unknown }).weightsVersion;
  if (typeof own === 'number' || typeof own === 'string') return `v${own}`;
  let h = 0x811c9dc5;
  engine.tidy(() => {
    for (const w of model.weights) {
      const v = w.dataSync();
      const u = new Uint32Array(v.buffer, v.byteOffset, v.length);
      h = Math.imul(h ^ u.length, 0x01000193);
      for (let i = 0; i < u.length; i++) h = Math.imul(h ^ u[i], 0x01000193);
    }
  });
  return `h${(h >>> 0).toString(16)}`;
}

interface PoolModels {
  ids: WeakMap<object, number>;
  next: number;
  /** The models some worker holds a copy of, by id, with the structure sent. */
  sent: Map<number, { model: WeakRef<PoolModel>; structure: string }>;
}
const pools = new WeakMap<Pool, PoolModels>();
/** Per worker: model id -> the weights version its copy holds (a replaced worker starts empty). */
const copies = new WeakMap<Slot, Map<number, string>>();

function modelsOf(pool: Pool): PoolModels {
  let s = pools.get(pool);
  if (!s) pools.set(pool, s = { ids: new WeakMap(), next: 1, sent: new Map() });
  return s;
}

/** The copies a worker holds: model id -> weights version. */
export function copiesOf(slot: Slot): Map<number, string> {
  let c = copies.get(slot);
  if (!c) copies.set(slot, c = new Map());
  return c;
}

/** The pool-wide id of a model object. */
export function modelId(pool: Pool, model: object): number {
  const s = modelsOf(pool);
  let id = s.ids.get(model);
  if (id === undefined) { id = s.next++; s.ids.set(model, id); }
  return id;
}

/**
 * Lets the workers free their copies of models the caller has disposed, no longer holds, or
 * replaced (structureOf changed), or a long-lived pool would keep every model it ever ran. Runs
 * before every pool call (Pool.call). NOTE: not awaited: a worker's next call queues behind the
 * message (as with `release`).
 */
export function sweep(pool: Pool): void {
  const s = pools.get(pool);
  if (!s) return;
  for (const [id, sent] of s.sent) {
    const m = sent.model.deref();
    if (m && m.weights.length > 0 && !m.weights.some((w) => w.isDisposed) && structureOf(m) === sent.structure) continue;
    s.sent.delete(id);
    for (let i = 0; i < pool.size; i++) {
      const slot = pool.slotAt(i);
      if (copiesOf(slot).delete(id) && slot.up && slot.endedWith === null) pool.runJob(slot.remote, 'model.drop', [id]).catch(() => {});
    }
  }
}

/** Sends the model to a worker unless it holds weights `version` of it already (transfer mode: only the weights when it holds older ones). */
export async function sendModel(pool: Pool, slot: Slot, id: number, version: string, model: PoolModel): Promise<void> {
  const held = copiesOf(slot);
  if (held.get(id) === version) return;
  if (held.has(id)) return syncWeights(pool, slot, id, version, model.weights);
  const { modelJson, weights } = await model.toArtifacts({ includeOptimizer: false });
  const s = modelsOf(pool);
  if (!s.sent.has(id)) s.sent.set(id, { model: new WeakRef(model), structure: structureOf(model) });
  await pool.runJob(slot.remote, 'model.load', [id, version, { modelJson, weights }], true);
  held.set(id, version);
}

/** Gives one worker copies of every weight of model `id` (transfer mode). */
export async function syncWeights(pool: Pool, slot: Slot, id: number, version: string, weights: readonly Tensor[]): Promise<void> {
  const held = copiesOf(slot);
  held.delete(id);
  await pool.runJob(slot.remote, 'model.setWeights', [id, version, weights.map(toMsg)], true);
  held.set(id, version);
}

/** Every weight of `model` by address (shared mode), or null if one lives elsewhere. */
export function weightRefs(pool: Pool, model: PoolModel): TensorRef[] | null {
  if (pool.mode !== 'shared') return null;
  const refs: TensorRef[] = [];
  for (const w of model.weights) {
    const r = pool.ref(w);
    if (!r) return null;
    refs.push(r);
  }
  return refs;
}

/**
 * pool.predict: `model`'s predictions for the batch `x`, split into contiguous shards over the
 * workers and concatenated in order. Shared mode: workers read `x` and the weights in place.
 * Transfer mode: the model goes to each worker once, and again only when its weights change.
 */
export async function predictOnPool(pool: Pool, modelArg: object, x: Tensor): Promise<Tensor> {
  const model = checkPoolModel('pool.predict', modelArg);
  if (model.checkInput) model.checkInput('pool.predict', x);
  else checkTensor('pool.predict', x, 'x');
  if (x.rank < 1 || x.shape[0] === 0) throw new Error(`pool.predict: x needs a batch axis with at least one row, got shape [${x.shape}]`);
  const id = modelId(pool, model);
  const row = x.size / x.shape[0];
  const sizes = shardSizes(x.shape[0], pool.size);
  const X = pool.ref(x), W = weightRefs(pool, model);
  if (X && W) {
    let r0 = 0;
    const parts = await pool.settle(sizes.map((rows, i) => {
      const xr: TensorRef = { shape: [rows, ...x.shape.slice(1)], dtype: x.dtype, ptr: X.ptr + 4 * r0 * row };
      r0 += rows;
      return pool.call(i, 'predict', async (w, slot) => {
        await sendModel(pool, slot, id, 'shared', model);
        return pool.runJob(w, 'model.predictShared', [id, W, xr]);
      });
    }), (r) => [r]);
    const ts = parts.map((r) => borrow(r, 'pool.predict'));
    try {
      // NOTE: the concat kernel (not the op, which views a lone input) copies the workers' rows
      // into one tensor of the caller's before they are freed.
      return engine.runKernel('concat', ts, { axis: 0 })[0];
    } finally {
      for (const t of ts) t.dispose();
      parts.forEach((r, i) => pool.release(i, [r]));
    }
  }
  const version = modelVersion(model);
  const xv = x.dataSync();
  let r0 = 0;
  const parts = sizes.map((rows, i) => {
    const xm: TensorMsg = { shape: [rows, ...x.shape.slice(1)], dtype: x.dtype, data: xv.slice(r0 * row, (r0 + rows) * row) };
    r0 += rows;
    return pool.call(i, 'predict', async (w, slot) => {
      await sendModel(pool, slot, id, version, model);
      return pool.runJob(w, 'model.predict', [id, xm], true);
    });
  });
  const outs = await Promise.all(parts);
  return gather(outs, [x.shape[0], ...outs[0].shape.slice(1)]);
}

/** Registers the model's jobs: the workers' side for in-thread pools (this thread), and pool.predict. */
export function enableModelJobs(): void {
  registerReplicaJobs();
  registerModelJobs({ predict: predictOnPool, sweep });
}
enableModelJobs();

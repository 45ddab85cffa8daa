// Models as the pool sees them: what the caller's model must offer to be sent to workers (its own
// save format: model.json + safetensors bytes), and the worker-side copy rebuilt by loadModel.
import { engine } from '../engine.js';
import type { Tensor, Variable } from '../tensor.js';
import { type Model, loadModel } from '../model/index.js';
import { lossAndGrads } from '../model/training.js';

/** The caller's side: a model (eg.sequential) that can be rebuilt in a worker. */
export interface PoolModel {
  /** model.json text and safetensors bytes, as `model.save` writes them. */
  toArtifacts(opts?: { includeOptimizer?: boolean }): { modelJson: string; weights: Uint8Array };
  /** Every weight (trainable or not) in a stable order: the order `setWeights` takes. */
  readonly weights: Tensor[];
  readonly trainableWeights: Variable[];
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

/** The worker's side: a rebuilt model that predicts, takes new weights and computes gradients. */
export interface WorkerModel {
  predict(x: Tensor): Tensor;
  readonly weights: Tensor[];
  /** Replaces the weights' values (same order and shapes as `weights`). */
  setWeights(weights: Tensor[]): void;
  /**
   * `scale` (default 1) x the mean loss over the batch (weight penalties included), and its gradient
   * for each trainable weight.
   */
  lossAndGrads(x: Tensor, y: Tensor, loss: string, scale?: number): { loss: Tensor; grads: Tensor[] };
  dispose(): void;
}

/** Rebuilds a model from its artifacts (the worker's copy; no optimizer state). */
export async function reviveModel(modelJson: string, weights: Uint8Array): Promise<WorkerModel> {
  const m = await loadModel({ modelJson, weights });
  return {
    // One pass over the shard: the default batches of 256 would copy it in slices.
    predict: (x) => m.predict(x, { batchSize: Math.max(256, Math.min(x.shape[0], 8192)) }),
    get weights() { return m.weights; },
    setWeights: (ws) => m.setWeights(ws),
    lossAndGrads: (x, y, loss, scale = 1) => replicaStep(m, x, y, loss, scale),
    dispose: () => m.dispose(),
  };
}

/**
 * The training step's forward and backward, as fit runs it (model/training.ts: the fused softmax
 * cross-entropy where compile finds it, the layers' weight penalties), for the loss `lossName`.
 */
function replicaStep(m: Model, x: Tensor, y: Tensor, lossName: string, scale: number): { loss: Tensor; grads: Tensor[] } {
  const c = m.compiled;
  if (!c || c.losses.length !== 1 || c.losses[0].name !== lossName) m.compile({ optimizer: m.optimizer ?? 'sgd', loss: lossName as never });
  return lossAndGrads(m, [x], [y], scale);
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

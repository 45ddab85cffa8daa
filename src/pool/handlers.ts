// What a worker does for each protocol call, written against the library alone (no worker API), so
// the same code serves the pool's workers and an in-thread pool (`createPool({ workers: 0 })`).
import { engine } from '../engine.js';
import type { Tensor } from '../tensor.js';
import { tensor } from '../ops/creation.js';
import { matmul } from '../ops/linalg.js';
import type { GradReply, GradRequest, InitReply, InitRequest, ModelMsg, TensorMsg, WorkerApi } from './protocol.js';
import { reviveModel, type WorkerModel } from './model.js';

/** A tensor message holding `t`'s values (a fresh buffer the sender may transfer). */
export function toMsg(t: Tensor): TensorMsg {
  return { shape: [...t.shape], dtype: t.dtype, data: t.dataSync() };
}

export function fromMsg(m: TensorMsg): Tensor {
  return tensor(m.data, m.shape, m.dtype);
}

/** The transferable (non-shared) buffers inside a reply, for postMessage's transfer list. */
export function buffersOf(value: unknown, into: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !into.includes(value.buffer)) into.push(value.buffer);
  } else if (Array.isArray(value)) {
    for (const v of value) buffersOf(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) buffersOf(v, into);
  }
  return into;
}

type Handlers = Omit<WorkerApi, 'fault'>;

/** The protocol's handlers over this thread's engine. */
export function createHandlers(): Handlers {
  const models = new Map<number, { version: string; model: WorkerModel }>();

  const model = (id: number, what: string): WorkerModel => {
    const m = models.get(id);
    if (!m) throw new Error(`${what}: model ${id} was never sent to this worker`);
    return m.model;
  };

  const setAll = (id: number, version: string, weights: Tensor[]): void => {
    const m = model(id, 'setWeights');
    try {
      m.setWeights(weights);
    } finally {
      for (const w of weights) w.dispose();
    }
    models.get(id)!.version = version;
  };

  return {
    async init(req: InitRequest): Promise<InitReply> {
      await engine.init(req);
      const b = engine.requireBackend('init');
      return {
        backend: b.name,
        wasmBuild: b.name === 'wasm' ? String(b.info.build) : undefined,
        sharedMemory: typeof SharedArrayBuffer !== 'undefined',
      };
    },

    matmul(a, b, opts) {
      return engine.tidy(() => toMsg(matmul(fromMsg(a), fromMsg(b), opts)));
    },

    async loadModel(id: number, version: string, msg: ModelMsg): Promise<void> {
      models.get(id)?.model.dispose();
      models.delete(id);
      models.set(id, { version, model: await reviveModel(msg.modelJson, msg.weights) });
    },

    setWeights(id, version, weights) {
      setAll(id, version, weights.map(fromMsg));
    },

    setWeightsShared(id, version, buffer, offsets) {
      const m = model(id, 'setWeightsShared');
      const shapes = m.weights.map((w) => w.shape);
      setAll(id, version, shapes.map((s, i) => tensor(new Float32Array(buffer, offsets[i] * 4, offsets[i + 1] - offsets[i]), [...s])));
    },

    predict(id, x) {
      const m = model(id, 'predict');
      return engine.tidy(() => toMsg(m.predict(fromMsg(x))));
    },

    gradients(req: GradRequest): GradReply {
      const m = model(req.model, 'gradients');
      return engine.tidy(() => {
        const { loss, grads } = m.lossAndGrads(fromMsg(req.x), fromMsg(req.y), req.loss);
        return { loss: loss.dataSync()[0], grads: grads.map(toMsg) };
      });
    },

    dropModel(id) {
      models.get(id)?.model.dispose();
      models.delete(id);
    },

    memory() {
      return { tensors: engine.tensors, bytes: engine.bytes };
    },
  };
}

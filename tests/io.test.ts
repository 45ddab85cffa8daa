// Save/load: safetensors encode/decode and its validation, the Node directory round trip, refusal
// of truncated/corrupt/mismatched files, and atomic saves.
import { mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { saveDirectory } from '../src/io/storage.js';
import { testBackends, use } from './util/backends.js';

let dir: string;
beforeAll(async () => {
  await use(testBackends().find((c) => c.backend === 'wasm') ?? testBackends()[0]);
  dir = await mkdtemp(join(tmpdir(), 'edgegrad-io-'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const { encodeSafetensors, decodeSafetensors } = eg.io;

/** A safetensors file with a hand-written header and `data` bytes. */
function rawFile(header: unknown, dataBytes: number): Uint8Array {
  const h = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + dataBytes);
  new DataView(out.buffer).setUint32(0, h.length, true);
  out.set(h, 8);
  return out;
}

describe('safetensors', () => {
  it('round-trips F32 and I32 tensors with metadata; data starts 8-byte aligned', () => {
    const bytes = encodeSafetensors([
      { name: 'a', dtype: 'float32', shape: [2, 2], data: new Float32Array([1, -2.5, 3e-8, 4]) },
      { name: 'b', dtype: 'int32', shape: [3], data: new Int32Array([7, -1, 2 ** 31 - 1]) },
      { name: 'empty', dtype: 'float32', shape: [0, 4], data: new Float32Array(0) },
    ], { format: 'pt' });
    const n = new DataView(bytes.buffer).getUint32(0, true);
    expect((8 + n) % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header.a).toEqual({ dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] });
    expect(header.b).toEqual({ dtype: 'I32', shape: [3], data_offsets: [16, 28] });
    expect(header.__metadata__).toEqual({ format: 'pt' });
    const back = decodeSafetensors(bytes);
    expect(back.metadata).toEqual({ format: 'pt' });
    expect(back.tensors.map((t) => [t.name, t.dtype, t.shape, Array.from(t.data)])).toEqual([
      ['a', 'float32', [2, 2], [1, -2.5, Math.fround(3e-8), 4]],
      ['b', 'int32', [3], [7, -1, 2 ** 31 - 1]],
      ['empty', 'float32', [0, 4], []],
    ]);
  });

  it('reads a file whose tensors are listed out of offset order (as PyTorch writers may)', () => {
    const f = rawFile({ z: { dtype: 'F32', shape: [1], data_offsets: [4, 8] }, y: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 8);
    const base = f.length - 8;
    new DataView(f.buffer).setFloat32(base, 1.5, true);
    new DataView(f.buffer).setFloat32(base + 4, -2, true);
    const t = decodeSafetensors(f).tensors;
    expect(t.map((x) => [x.name, x.data[0]])).toEqual([['z', -2], ['y', 1.5]]);
  });

  const refused: [string, () => Uint8Array, RegExp][] = [
    ['fewer than 8 bytes', () => new Uint8Array(5), /truncated: the file has 5 bytes/],
    ['a header longer than the file', () => { const f = rawFile({}, 0); new DataView(f.buffer).setUint32(0, 999, true); return f; }, /truncated: the header claims 999 bytes but only 2 follow/],
    ['an absurd header length', () => { const f = rawFile({}, 0); new DataView(f.buffer).setUint32(4, 1, true); return f; }, /exceeds the 100000000-byte limit/],
    ['a header that is not JSON', () => rawFile('{"a": [1, 2', 0), /corrupt header: invalid JSON/],
    ['a header that is not an object', () => rawFile('[1, 2]  ', 0), /must start with '\{'/],
    ['a header that is not UTF-8', () => { const f = rawFile('{"a":1}', 0); f[10] = 0xff; return f; }, /not valid UTF-8/],
    ['an unsupported dtype', () => rawFile({ a: { dtype: 'F64', shape: [2], data_offsets: [0, 16] } }, 16), /tensor 'a' has unsupported dtype "F64"; edgegrad reads F32, I32, I8, U8, F16, BF16/],
    ['an unknown dtype', () => rawFile({ a: { dtype: 'Q4', shape: [2], data_offsets: [0, 4] } }, 4), /tensor 'a' has unknown dtype "Q4"/],
    ['a size that does not match an F16 shape', () => rawFile({ a: { dtype: 'F16', shape: [3], data_offsets: [0, 4] } }, 4), /tensor 'a' has 4 bytes but shape \[3\] of F16 needs 6/],
    ['a bad shape', () => rawFile({ a: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 4), /invalid shape \[-1\]/],
    ['offsets past the data (truncated data)', () => rawFile({ a: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, 8), /truncated: tensor 'a' ends at byte 16 of the data but the file holds only 8 data bytes/],
    ['a size that does not match the shape', () => rawFile({ a: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8), /tensor 'a' has 8 bytes but shape \[3\] of F32 needs 12/],
    ['overlapping offsets', () => rawFile({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, b: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, 12), /tensor 'b' \(bytes 4-12\) overlaps tensor 'a' \(bytes 0-8\)/],
    ['a gap between tensors', () => rawFile({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] }, b: { dtype: 'F32', shape: [1], data_offsets: [8, 12] } }, 12), /4 unclaimed bytes before tensor 'b'/],
    ['trailing bytes', () => rawFile({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, 12), /cover 4 data bytes but the file holds 12/],
    ['end before begin', () => rawFile({ a: { dtype: 'F32', shape: [0], data_offsets: [4, 0] } }, 4), /end before begin/],
  ];
  it.each(refused)('refuses %s', (_, make, message) => {
    expect(() => decodeSafetensors(make())).toThrow(message);
  });

  it('refuses every truncation of a valid file', () => {
    const bytes = encodeSafetensors([{ name: 'w', dtype: 'float32', shape: [3, 5], data: new Float32Array(15).fill(1) }]);
    for (let n = 0; n < bytes.length; n++) expect(() => decodeSafetensors(bytes.subarray(0, n)), `length ${n}`).toThrow(/truncated|corrupt/);
  });
});

/** NOTE: dropout's generator state is not saved (as in Keras), so `dropout` 0 where training must continue identically. */
function trainedModel(dropout = 0.2) {
  const m = eg.sequential([
    eg.layers.dense({ units: 8, activation: 'relu', inputShape: [4], seed: 1, kernelRegularizer: eg.regularizers.l2(1e-3) }),
    eg.layers.dropout({ rate: dropout, seed: 2 }),
    eg.layers.layerNormalization(),
    eg.layers.dense({ units: 3, activation: 'softmax', seed: 3 }),
  ], { name: 'io_model' });
  m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}
const data = () => ({ x: eg.randn([40, 4], { seed: 5 }), y: eg.tensor(new Int32Array(40).map((_, i) => i % 3), [40], 'int32') });

describe('model save / load (Node directory)', () => {
  it('round trip gives identical predictions, topology, training config and optimizer state', async () => {
    const m = trainedModel(0);
    const { x, y } = data();
    await m.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, seed: 1 });
    const out = join(dir, 'roundtrip');
    const res = await m.save(out);
    expect(res.url).toBe(out);
    expect((await readdir(out)).sort()).toEqual(['model.json', 'weights.safetensors']);
    const back = await eg.loadModel(out);
    expect(Array.from(back.predict(x).dataSync())).toEqual(Array.from(m.predict(x).dataSync()));
    expect(back.layers.map((l) => l.className)).toEqual(['Dense', 'Dropout', 'LayerNormalization', 'Dense']);
    expect(back.name).toBe('io_model');
    expect(back.optimizer?.getConfig()).toEqual(m.optimizer?.getConfig());
    expect(back.optimizer?.iterations).toBe(m.optimizer?.iterations);
    // Training continues identically from the restored optimizer state.
    await m.fit(x, y, { epochs: 1, batchSize: 40, verbose: 0, shuffle: false });
    await back.fit(x, y, { epochs: 1, batchSize: 40, verbose: 0, shuffle: false });
    const a = m.weights.map((w) => Array.from(w.dataSync())), b = back.weights.map((w) => Array.from(w.dataSync()));
    expect(b).toEqual(a);
    // The weights file is plain safetensors with the layer's names.
    const st = decodeSafetensors(new Uint8Array(await readFile(join(out, 'weights.safetensors'))));
    expect(st.tensors.slice(0, 2).map((t) => [t.name, t.shape])).toEqual([[`${m.layers[0].name}/kernel`, [4, 8]], [`${m.layers[0].name}/bias`, [8]]]);
    m.dispose(); back.dispose();
  });

  it('loads from in-memory artifacts', async () => {
    const m = trainedModel();
    m.build([4]);
    const a = await m.toArtifacts();
    const back = await eg.loadModel({ modelJson: a.modelJson, weights: a.weights });
    const { x } = data();
    expect(Array.from(back.predict(x).dataSync())).toEqual(Array.from(m.predict(x).dataSync()));
    m.dispose(); back.dispose();
  });

  async function savedCopy(name: string): Promise<string> {
    const m = trainedModel();
    m.build([4]);
    const out = join(dir, name);
    await m.save(out, { includeOptimizer: false });
    m.dispose();
    return out;
  }
  const rewrite = async (out: string, edit: (json: any) => void) => {
    const p = join(out, 'model.json');
    const j = JSON.parse(await readFile(p, 'utf8'));
    edit(j);
    await writeFile(p, JSON.stringify(j));
  };
  /** Replaces the weights file and updates model.json's size and hash, so only the content check can object. */
  const replaceWeights = async (out: string, bytes: Uint8Array) => {
    await writeFile(join(out, 'weights.safetensors'), bytes);
    const { fnv1a } = await import('../src/model/format.js');
    await rewrite(out, (j) => { j.weightsBytes = bytes.length; j.weightsHash = fnv1a(bytes); });
  };

  it('refuses a truncated weights file', async () => {
    const out = await savedCopy('truncated');
    const p = join(out, 'weights.safetensors');
    const bytes = await readFile(p);
    await writeFile(p, bytes.subarray(0, bytes.length - 10));
    await expect(eg.loadModel(out)).rejects.toThrow(/does not match model.json .* different saves or one is damaged/);
    await replaceWeights(out, new Uint8Array(bytes.subarray(0, bytes.length - 10)));
    await expect(eg.loadModel(out)).rejects.toThrow(/truncated: tensor '.*' ends at byte \d+ of the data but the file holds only \d+ data bytes/);
  });

  it('refuses a corrupt header', async () => {
    const out = await savedCopy('corrupt');
    const bytes = new Uint8Array(await readFile(join(out, 'weights.safetensors')));
    bytes[9] = '#'.charCodeAt(0);
    await replaceWeights(out, bytes);
    await expect(eg.loadModel(out)).rejects.toThrow(/loadModel: 'weights.safetensors': corrupt header: invalid JSON/);
  });

  it('refuses weights whose shapes do not match the topology', async () => {
    const out = await savedCopy('wrong-shape');
    const m = eg.sequential([
      eg.layers.dense({ units: 9, activation: 'relu', inputShape: [4], name: 'x1' }),
    ]);
    m.build([4]);
    const st = decodeSafetensors(new Uint8Array(await readFile(join(out, 'weights.safetensors'))));
    // Same names as the saved model, but the first kernel is [4, 9] instead of [4, 8].
    st.tensors[0] = { ...st.tensors[0], shape: [4, 9], data: new Float32Array(36) };
    await replaceWeights(out, encodeSafetensors(st.tensors));
    await expect(eg.loadModel(out)).rejects.toThrow(/tensor '.*\/kernel' in 'weights.safetensors' has shape \[4,9\] but the topology needs \[4,8\]/);
    m.dispose();
  });

  it('refuses overlapping offsets', async () => {
    const out = await savedCopy('overlap');
    const bytes = new Uint8Array(await readFile(join(out, 'weights.safetensors')));
    const n = new DataView(bytes.buffer).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    const names = Object.keys(header).filter((k) => k !== '__metadata__');
    // Point the second tensor (the bias, 32 bytes) into the first one's bytes; the length stays.
    header[names[1]].data_offsets = [0, 32];
    const text = JSON.stringify(header).padEnd(n, ' ');
    bytes.set(new TextEncoder().encode(text), 8);
    await replaceWeights(out, bytes);
    await expect(eg.loadModel(out)).rejects.toThrow(/overlaps tensor/);
  });

  it('refuses a missing tensor, an extra tensor, an unknown layer and a missing directory', async () => {
    const out = await savedCopy('missing');
    const st = decodeSafetensors(new Uint8Array(await readFile(join(out, 'weights.safetensors'))));
    await replaceWeights(out, encodeSafetensors(st.tensors.slice(1)));
    await expect(eg.loadModel(out)).rejects.toThrow(/has no tensor '.*\/kernel'/);
    await replaceWeights(out, encodeSafetensors([...st.tensors, { name: 'stray', dtype: 'float32', shape: [1], data: new Float32Array(1) }]));
    await expect(eg.loadModel(out)).rejects.toThrow(/holds tensor 'stray', which no layer of the topology owns/);
    await replaceWeights(out, encodeSafetensors(st.tensors));
    // formatVersion 2: nodes[0] is the input, nodes[2] the second layer.
    await rewrite(out, (j) => { j.modelTopology.config.nodes[2].className = 'Conv9d'; });
    await expect(eg.loadModel(out)).rejects.toThrow(/unknown layer class "Conv9d"/);
    await expect(eg.loadModel(join(dir, 'nothing-here'))).rejects.toThrow(/cannot read .*model.json.*no such file/);
  });

  it('a failed save leaves no half-written model and keeps the previous one', async () => {
    const out = await savedCopy('atomic');
    const before = await readFile(join(out, 'model.json'), 'utf8');
    const m = trainedModel();
    m.build([4]);
    const fs = await import('node:fs/promises');
    let writes = 0;
    const failing = {
      mkdir: fs.mkdir, rename: fs.rename, rm: fs.rm,
      writeFile: async (p: string, d: Uint8Array | string) => {
        if (++writes === 2) { await fs.writeFile(p, typeof d === 'string' ? d.slice(0, 10) : d); throw new Error('disk full'); }
        await fs.writeFile(p, d);
      },
    };
    await expect(saveDirectory(out, await m.toArtifacts(), failing as never)).rejects.toThrow(/save: could not write the model to '.*atomic': disk full/);
    expect((await readdir(out)).sort()).toEqual(['model.json', 'weights.safetensors']);
    expect(await readFile(join(out, 'model.json'), 'utf8')).toBe(before);
    const back = await eg.loadModel(out);
    back.dispose();
    // A save that cannot create its directory leaves nothing either.
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'x');
    await expect(m.save(join(blocker, 'model'))).rejects.toThrow(/could not write the model/);
    m.dispose();
  });

  it('refuses browser destinations in Node with a clear message', async () => {
    const m = trainedModel();
    m.build([4]);
    await expect(m.save('indexeddb://m')).rejects.toThrow(/IndexedDB is not available/);
    await expect(m.save('downloads://m')).rejects.toThrow(/needs a browser page/);
    await expect(m.save('s3://bucket/m')).rejects.toThrow(/unsupported destination/);
    m.dispose();
  });
});

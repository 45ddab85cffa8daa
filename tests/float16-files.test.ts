// Half-precision model files: save(dir, { dtype: 'float16' }) writes F16 weights (half the bytes)
// that load widened to float32; bfloat16 files as PyTorch writes them (a BF16 safetensors with
// `__metadata__: { format: 'pt' }`, made here by hand) load too. The float32 -> float16 rounding is
// checked against every binary16 value: each value, each midpoint between neighbours (ties go to
// the even one) and the float32 values next to each midpoint, subnormals, the overflow to Infinity
// and NaN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as eg from '../src/index.js';
import { fromBfloat16, fromHalf, toHalf } from '../src/dtypes.js';
import { fnv1a } from '../src/model/format.js';

let dir: string;
beforeAll(async () => {
  await eg.init('wasm');
  dir = await mkdtemp(join(tmpdir(), 'pack-f16-'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
/** The float32 next to v (a float32) toward +Infinity (up) or -Infinity. */
function nextF32(v: number, up: boolean): number {
  f32[0] = v;
  if (v === 0) { u32[0] = up ? 1 : 0x80000001; return f32[0]; }
  if ((v > 0) === up) u32[0]++; else u32[0]--;
  return f32[0];
}

/** The safetensors header of a file: name -> { dtype, shape, data_offsets }. */
function header(bytes: Uint8Array): Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }> {
  const n = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
}

/** float32 -> bfloat16 bits as torch's `tensor.to(torch.bfloat16)` does: round to nearest even, NaN -> 0x7fc0. */
function toBfloat16(v: number): number {
  f32[0] = v;
  const x = u32[0];
  if (Number.isNaN(f32[0])) return 0x7fc0 | ((x >>> 16) & 0x8000);
  return ((x + 0x7fff + ((x >>> 16) & 1)) >>> 16) & 0xffff;
}

/** A BF16 safetensors file laid out as huggingface's writer lays out torch's: keys sorted, header space-padded to 8. */
function bf16File(tensors: { name: string; shape: number[]; data: ArrayLike<number> }[]): Uint8Array {
  const head: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let off = 0;
  const sorted = [...tensors].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const t of sorted) { head[t.name] = { dtype: 'BF16', shape: t.shape, data_offsets: [off, off + 2 * t.data.length] }; off += 2 * t.data.length; }
  let json = JSON.stringify(head);
  json += ' '.repeat((8 - ((8 + json.length) % 8)) % 8);
  const out = new Uint8Array(8 + json.length + off);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(new TextEncoder().encode(json), 8);
  const dv = new DataView(out.buffer, 8 + json.length);
  let at = 0;
  for (const t of sorted) for (let i = 0; i < t.data.length; i++, at += 2) dv.setUint16(at, toBfloat16(t.data[i]), true);
  return out;
}

function mlp(): eg.Sequential {
  return eg.sequential([
    eg.layers.dense({ units: 24, activation: 'relu', inputShape: [10], kernelInitializer: { name: 'glorotUniform', seed: 3 } as never }),
    eg.layers.dense({ units: 3, kernelInitializer: { name: 'glorotUniform', seed: 4 } as never, biasInitializer: 'ones' as never }),
  ]);
}

describe('float32 -> float16 rounding (toHalf), every binary16 value', () => {
  it('each value maps to itself; midpoints tie to even; the float32 values beside a midpoint round to the nearer; overflow is Infinity', () => {
    const bad: string[] = [];
    const check = (v: number, want: number) => { const h = toHalf(v); if (h !== want && bad.length < 5) bad.push(`${v} -> 0x${h.toString(16)}, want 0x${want.toString(16)}`); };
    for (let h = 0; h < 0x7c00; h++) {
      const v = fromHalf(h);
      // the next value up; past the largest (65504) the rounding boundary is 65520, as if 65536 existed
      const next = h + 1 === 0x7c00 ? 65536 : fromHalf(h + 1);
      const mid = (v + next) / 2; // exact in float32: one bit more than binary16's 11
      expect(Math.fround(mid)).toBe(mid);
      for (const s of [1, -1]) {
        const sign = s < 0 ? 0x8000 : 0;
        check(s * v, sign | h);
        check(s * mid, sign | (h & 1 ? h + 1 : h));
        check(s * nextF32(mid, true), sign | (h + 1));
        if (mid > 0) check(s * nextF32(mid, false), sign | h);
      }
    }
    expect(bad).toEqual([]);
  });

  it('subnormals, signed zero, Infinity, NaN and the largest float32', () => {
    expect(toHalf(2 ** -24)).toBe(0x0001); // the smallest subnormal
    expect(toHalf(2 ** -25)).toBe(0x0000); // half of it: a tie, to even (zero)
    expect(toHalf(nextF32(2 ** -25, true))).toBe(0x0001);
    expect(toHalf(1e-10)).toBe(0); // far below: zero
    expect(toHalf(-1e-10)).toBe(0x8000); // keeps its sign
    expect(toHalf(-0)).toBe(0x8000);
    expect(toHalf(2 ** -14 - 2 ** -25)).toBe(0x0400); // the largest subnormal's upper midpoint rounds up to the smallest normal (tie, even)
    expect(toHalf(65504)).toBe(0x7bff);
    expect(toHalf(65519.99)).toBe(0x7bff);
    expect(toHalf(65520)).toBe(0x7c00);
    expect(toHalf(3.4028234663852886e38)).toBe(0x7c00);
    expect(toHalf(-1e6)).toBe(0xfc00);
    expect(toHalf(Infinity)).toBe(0x7c00);
    expect(toHalf(-Infinity)).toBe(0xfc00);
    const nan = toHalf(NaN);
    expect((nan & 0x7c00) === 0x7c00 && (nan & 0x3ff) !== 0).toBe(true);
    expect(Number.isNaN(fromHalf(nan))).toBe(true);
  });

  it('the bfloat16 reader agrees with torch-style rounding of float32 (the fixture writer above)', () => {
    for (const v of [1, -2.5, 3.14159, 1e-30, 3e38, 65504, -0.1]) {
      const h = toBfloat16(v);
      expect(Math.abs(fromBfloat16(h) - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -8);
    }
    expect(fromBfloat16(0x7f80)).toBe(Infinity);
    expect(Number.isNaN(fromBfloat16(toBfloat16(NaN)))).toBe(true);
    expect(toBfloat16(1 + 2 ** -8)).toBe(0x3f80); // a tie: to even
    expect(toBfloat16(1 + 3 * 2 ** -8)).toBe(0x3f82);
  });
});

describe('save(dir, { dtype: float16 }) and loading half-precision files', () => {
  it('writes F16 weights in half the data bytes; loading widens them to float32 with the rounded values', async () => {
    const m = mlp();
    const x = eg.randn([6, 10], { seed: 5 });
    const want = m.predict(x) as eg.Tensor;
    await m.save(join(dir, 'f32'));
    await m.save(join(dir, 'f16'), { dtype: 'float16' });
    const b32 = new Uint8Array(await readFile(join(dir, 'f32', 'weights.safetensors')));
    const b16 = new Uint8Array(await readFile(join(dir, 'f16', 'weights.safetensors')));
    const h32 = header(b32), h16 = header(b16);
    const data = (h: ReturnType<typeof header>) => Object.entries(h).filter(([k]) => k !== '__metadata__').reduce((s, [, e]) => s + e.data_offsets[1] - e.data_offsets[0], 0);
    const params = m.weights.reduce((s, w) => s + w.size, 0);
    expect(data(h32)).toBe(4 * params);
    expect(data(h16)).toBe(2 * params);
    expect(Object.entries(h16).filter(([k]) => k !== '__metadata__').every(([, e]) => e.dtype === 'F16')).toBe(true);
    // the whole file: the data halves, the header stays (shorter offsets at most)
    expect((await stat(join(dir, 'f16', 'weights.safetensors'))).size).toBeLessThanOrEqual((await stat(join(dir, 'f32', 'weights.safetensors'))).size - 2 * params);
    // model.json still lists float32 weights (the model's), the file holds their F16 rounding
    const json = JSON.parse(await readFile(join(dir, 'f16', 'model.json'), 'utf8'));
    expect(json.weights.map((w: { dtype: string }) => w.dtype)).toEqual(['float32', 'float32', 'float32', 'float32']);

    const l = await eg.loadModel(join(dir, 'f16'));
    expect(l.weights.map((w) => w.dtype)).toEqual(['float32', 'float32', 'float32', 'float32']);
    l.weights.forEach((w, i) => {
      const orig = m.weights[i].dataSync();
      expect(Array.from(w.dataSync())).toEqual(Array.from(orig, (v) => fromHalf(toHalf(v))));
    });
    const got = (l.predict(x) as eg.Tensor).dataSync(), ref = want.dataSync();
    for (let i = 0; i < ref.length; i++) expect(Math.abs(got[i] - ref[i])).toBeLessThanOrEqual(1e-2 * (1 + Math.abs(ref[i])));
    eg.dispose([x, want]);
    m.dispose(); l.dispose();
  });

  it('keeps the optimizer slots float32, so training resumes from them', async () => {
    const m = mlp();
    m.compile({ optimizer: eg.optimizers.adam({ learningRate: 0.01 }), loss: 'meanSquaredError' });
    const x = eg.randn([8, 10], { seed: 6 }), y = eg.randn([8, 3], { seed: 7 });
    await m.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    await m.save(join(dir, 'f16-opt'), { dtype: 'float16' });
    const h = header(new Uint8Array(await readFile(join(dir, 'f16-opt', 'weights.safetensors'))));
    const slots = Object.entries(h).filter(([k]) => k.startsWith('optimizer'));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.map(([, e]) => e.dtype).filter((d) => d !== 'I32').every((d) => d === 'F32')).toBe(true);
    expect(slots.some(([, e]) => e.dtype === 'F32')).toBe(true);
    const l = await eg.loadModel(join(dir, 'f16-opt'));
    await l.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
    expect(l.weights.every((w) => w.dtype === 'float32')).toBe(true);
    eg.dispose([x, y]); m.dispose(); l.dispose();
  });

  it('refuses a dtype it cannot write, naming it', async () => {
    const m = mlp();
    await expect(m.save(join(dir, 'bad'), { dtype: 'int4' as never })).rejects.toThrow(/save: dtype must be 'float32' or 'float16' \(the weights' file dtype\), got "int4"/);
    await expect(m.save(join(dir, 'bad'), { dtype: 'bfloat16' as never })).rejects.toThrow(/got "bfloat16"/);
    await expect(m.toArtifacts({ dtype: 7 as never })).rejects.toThrow(/got 7/);
    m.dispose();
  });

  it('loads BF16 weights as PyTorch writes them (widened to float32)', async () => {
    const m = mlp();
    const out = join(dir, 'bf16');
    await m.save(out);
    const originals = m.weights.map((w) => ({ name: w.name, shape: [...w.shape], data: w.dataSync() }));
    const bytes = bf16File(originals);
    await writeFile(join(out, 'weights.safetensors'), bytes);
    const p = join(out, 'model.json');
    const j = JSON.parse(await readFile(p, 'utf8'));
    j.weightsBytes = bytes.length;
    j.weightsHash = fnv1a(bytes);
    await writeFile(p, JSON.stringify(j));
    const l = await eg.loadModel(out);
    l.weights.forEach((w, i) => {
      expect(w.dtype).toBe('float32');
      expect(Array.from(w.dataSync())).toEqual(Array.from(originals[i].data, (v) => fromBfloat16(toBfloat16(v))));
    });
    // and eg.io reads the same file's tensors as float32
    const st = eg.io.decodeSafetensors(bytes);
    expect(st.metadata).toEqual({ format: 'pt' });
    expect(st.tensors.every((t) => t.dtype === 'float32')).toBe(true);
    m.dispose(); l.dispose();
  });

  it('F16 files keep Infinity and NaN through save and load', async () => {
    const m = mlp();
    const w = m.weights[1];
    const v = Array.from(w.dataSync());
    v[0] = Infinity; v[1] = NaN; v[2] = 1e6; v[3] = 1e-9; v[4] = -0;
    (w as eg.Variable).assign(eg.tensor(v, [...w.shape]));
    await m.save(join(dir, 'special'), { dtype: 'float16' });
    const l = await eg.loadModel(join(dir, 'special'));
    const r = l.weights[1].dataSync();
    expect(r[0]).toBe(Infinity);
    expect(Number.isNaN(r[1])).toBe(true);
    expect(r[2]).toBe(Infinity); // overflow
    expect(r[3]).toBe(0); // below half the smallest subnormal
    expect(Object.is(r[4], -0)).toBe(true);
    m.dispose(); l.dispose();
  });
});

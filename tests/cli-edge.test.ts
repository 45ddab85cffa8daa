// `edgegrad info` and `edgegrad predict` (src/cli-edge.ts) through the functions the command runs
// (runEdge is the whole command but for process.argv and the exit): what info reports of a float32
// and a float16 file, predict on JSON, CSV and .npy inputs against model.predict, --out files read
// back, and the errors, each naming the file and the problem. The .npy fixtures
// (tests/fixtures/npy) were written by NumPy 2.4 (np.save; np.lib.format.write_array for v2.0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as eg from '../src/index.js';
import { encodeNpy, parseCsv, parseNpy, runEdge } from '../src/cli-edge.js';

const NPY = join(__dirname, 'fixtures', 'npy');
let dir: string, f32Dir: string, f16Dir: string;
let model: eg.Sequential;

beforeAll(async () => {
  await eg.init('wasm');
  dir = await mkdtemp(join(tmpdir(), 'pack-cli-'));
  model = eg.sequential([
    eg.layers.dense({ units: 8, activation: 'relu', inputShape: [3], name: 'hidden', kernelInitializer: { name: 'glorotUniform', seed: 1 } as never, biasInitializer: 'ones' as never }),
    eg.layers.dense({ units: 2, name: 'scores', kernelInitializer: { name: 'glorotUniform', seed: 2 } as never }),
  ], { name: 'tiny' });
  f32Dir = join(dir, 'f32');
  f16Dir = join(dir, 'f16');
  await model.save(f32Dir);
  await model.save(f16Dir, { dtype: 'float16' });
});
afterAll(async () => {
  model.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Runs a command; its exit code, printed text and error text. */
async function run(cmd: 'info' | 'predict', ...args: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await runEdge(cmd, args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** model.predict on rows (float32 values). */
function want(rows: number[][]): Float32Array {
  return eg.tidy(() => (model.predict(eg.tensor(rows.flat(), [rows.length, 3])) as eg.Tensor).dataSync() as Float32Array);
}

/** The printed lines (one sample per line) as numbers. */
const printed = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as number[]).flat();

describe('edgegrad info', () => {
  it('reports layers, parameters, inputs, outputs, stored dtypes and sizes (float32 file)', async () => {
    const r = await run('info', f32Dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Sequential 'tiny', format version 2/);
    expect(r.out).toMatch(/input +'.*' \[null, 3\] float32/);
    expect(r.out).toMatch(/output +'scores' \[null, 2\] float32/);
    expect(r.out).toMatch(/hidden \(Dense\)/);
    expect(r.out).toMatch(/scores \(Dense\)/);
    // 3*8 + 8 + 8*2 + 2 = 50
    expect(r.out).toMatch(/weights +4 tensors, 50 parameters, loaded as float32; stored as F32 4 tensors, 50 values, 200 B/);
    expect(r.out).toMatch(/files +model\.json .* \+ weights\.safetensors \d+ B = /);
    expect(r.out).toMatch(/optimizer state +none saved/);
  });

  it('shows a float16 file as F16 (half the bytes), loaded as float32; takes model.json too', async () => {
    const r = await run('info', join(f16Dir, 'model.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stored as F16 4 tensors, 50 values, 100 B/);
    expect(r.out).toMatch(/loaded as float32/);
  });

  it('errors name the path and the problem', async () => {
    const missing = join(dir, 'nope');
    let r = await run('info', missing);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`edgegrad info: '${missing}': no such file or directory (give a directory written by model.save, or its model.json)`);
    const empty = join(dir, 'empty');
    await mkdir(empty);
    r = await run('info', empty);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`edgegrad info: loadModel: cannot read '${empty.replace(/[/\\.]/g, '\\$&')}/model\\.json': no such file`));
    r = await run('info');
    expect(r.err).toMatch(/expected one model, got 0 arguments/);
    r = await run('info', f32Dir, '--bogus', '1');
    expect(r.err).toMatch(/unknown option '--bogus'/);
  });
});

describe('edgegrad predict', () => {
  const rows = [[1, 2, 3], [4, 5, 6.5]];

  it('a JSON batch prints one row per sample, as model.predict computes it', async () => {
    const f = join(dir, 'in.json');
    await writeFile(f, JSON.stringify(rows));
    const r = await run('predict', f32Dir, f);
    expect(r.err).toBe('');
    expect(r.out.trim().split('\n')).toHaveLength(2);
    // the printed decimals read back as the very float32 values
    expect(printed(r.out).map(Math.fround)).toEqual(Array.from(want(rows)));
  });

  it('one sample (a flat JSON array or { shape, data }), CSV with and without a header', async () => {
    const one = join(dir, 'one.json'), obj = join(dir, 'obj.json'), csv = join(dir, 'in.csv'), bare = join(dir, 'bare.csv');
    await writeFile(one, '[1, 2, 3]');
    await writeFile(obj, JSON.stringify({ shape: [2, 3], data: rows }));
    await writeFile(csv, 'a,b,c\n1,2,3\r\n4, 5, 6.5\n\n');
    await writeFile(bare, '1,2,3\n4,5,6.5\n');
    expect(printed((await run('predict', f32Dir, one)).out).map(Math.fround)).toEqual(Array.from(want([rows[0]])));
    for (const f of [obj, csv, bare]) expect(printed((await run('predict', f32Dir, f)).out).map(Math.fround), f).toEqual(Array.from(want(rows)));
  });

  it('reads .npy files NumPy wrote: float32, big-endian float64, int64, format 2.0; and the float16 model', async () => {
    const w = Array.from(want(rows));
    for (const f of ['f4.npy', 'f8-big-endian.npy', 'v2.npy']) {
      const r = await run('predict', f32Dir, join(NPY, f));
      expect(r.err, f).toBe('');
      expect(printed(r.out).map(Math.fround), f).toEqual(w);
    }
    const i8 = await run('predict', f32Dir, join(NPY, 'i8.npy'));
    expect(printed(i8.out).map(Math.fround)).toEqual(Array.from(want([[1, -2, 3], [4, 5, 2 ** 40]])));
    // the float16 file predicts within float16's rounding of the weights
    const h = printed((await run('predict', f16Dir, join(NPY, 'f4.npy'))).out);
    h.forEach((v, i) => expect(Math.abs(v - w[i])).toBeLessThanOrEqual(2e-2 * (1 + Math.abs(w[i]))));
  });

  it('parses the other element types as NumPy stores them', async () => {
    const read = async (f: string) => parseNpy(new Uint8Array(await readFile(join(NPY, f))), f);
    expect(await read('u1.npy')).toEqual({ values: Float64Array.from([0, 255, 7]), shape: [1, 3] });
    expect(await read('bool.npy')).toEqual({ values: Float64Array.from([1, 0, 1]), shape: [3] });
    expect(await read('f2.npy')).toEqual({ values: Float64Array.from([1.5, -0.25, 65504, Infinity]), shape: [4] });
    expect(await read('f4-1d.npy')).toEqual({ values: Float64Array.from([0, 1, 2, 3]), shape: [4] });
  });

  it('writes what NumPy writes: encodeNpy matches np.save byte for byte', async () => {
    const np = new Uint8Array(await readFile(join(NPY, 'f4.npy')));
    expect(Array.from(encodeNpy(Float32Array.from([1, 2, 3, 4, 5, 6.5]), [2, 3]))).toEqual(Array.from(np));
  });

  it('--out writes .npy, .json and .csv files that read back as the outputs', async () => {
    const w = Array.from(want(rows));
    const outNpy = join(dir, 'out.npy'), outJson = join(dir, 'out.json'), outCsv = join(dir, 'out.csv');
    for (const o of [outNpy, outJson, outCsv]) {
      const r = await run('predict', f32Dir, join(NPY, 'f4.npy'), '--out', o);
      expect(r.err).toBe('');
      expect(r.out).toBe(`wrote scores [2, 2] to ${o}`);
    }
    const npy = parseNpy(new Uint8Array(await readFile(outNpy)), outNpy);
    expect(npy.shape).toEqual([2, 2]);
    expect(Array.from(npy.values)).toEqual(w);
    expect((JSON.parse(await readFile(outJson, 'utf8')) as number[][]).flat().map(Math.fround)).toEqual(w);
    const csv = parseCsv(await readFile(outCsv, 'utf8'), outCsv);
    expect(csv.shape).toEqual([2, 2]);
    expect(Array.from(csv.values).map(Math.fround)).toEqual(w);
    const bad = await run('predict', f32Dir, join(NPY, 'f4.npy'), '--out', join(dir, 'out.txt'));
    expect(bad.err).toMatch(/--out '.*out\.txt': unknown output format '\.txt'; give a \.json, \.npy or \.csv file/);
  });

  it('errors name the file and the problem', async () => {
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['ragged.json', '[[1, 2, 3], [4, 5]]', /'.*ragged\.json': the array\[1\] has 2 entries; expected 3 \(the first row's length\): the array is not rectangular/],
      ['text.json', '[[1, "x", 3]]', /'.*text\.json': value 1 is "x", not a number/],
      ['broken.json', '[1, 2', /'.*broken\.json': not valid JSON/],
      ['cell.csv', '1,2,3\n4,x,6\n', /'.*cell\.csv': line 2, column 2: "x" is not a number/],
      ['short.csv', '1,2,3\n4,5\n', /'.*short\.csv': line 2 has 2 values, line 1 has 3/],
      ['wide.csv', '1,2,3,4\n', /'.*wide\.csv' holds shape \[1, 4\] \(4 values per sample\) but the model's input '.*' takes samples of shape \[3\] \(3 values each\)/],
      ['magic.npy', new TextEncoder().encode('not numpy at all'), /'.*magic\.npy': not a \.npy file \(it does not start with \\x93NUMPY\)/],
      ['header.npy', npyWithHeader("{'descr': '<f4', 'shape': (1, 3), }"), /'.*header\.npy': bad npy header .* needs 'descr', 'fortran_order' and 'shape'/],
      ['shape.npy', npyWithHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (1, -3), }"), /'.*shape\.npy': bad npy header: shape \(1, -3\) is not a tuple of non-negative integers/],
      ['cut.npy', (await readFile(join(NPY, 'f4.npy'))).subarray(0, 140), /'.*cut\.npy': 12 data bytes, but shape \(2, 3\) of '<f4' needs 24 \(truncated\?\)/],
      ['long.npy', npyWithHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }", 900), /'.*long\.npy': bad npy header: it claims 900 bytes/],
    ];
    for (const [name, content, re] of cases) {
      const f = join(dir, name);
      await writeFile(f, content);
      const r = await run('predict', f32Dir, f);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(re);
      expect(r.err, name).toContain(f);
    }
    const fixtures: [string, RegExp][] = [
      ['fortran.npy', /array is in Fortran order; save it in C order/],
      ['c8.npy', /element type '<c8' is not one edgegrad reads/],
      ['f4-1d.npy', /holds shape \[4\] \(4 values\) but the model's input '.*' takes samples of shape \[3\]/],
      ['i4-3x1.npy', /holds shape \[3, 1\] \(1 values per sample\)/],
    ];
    for (const [name, re] of fixtures) {
      const r = await run('predict', f32Dir, join(NPY, name));
      expect(r.err, name).toMatch(re);
      expect(r.err, name).toContain(name);
    }
    const missing = join(dir, 'missing.json');
    expect((await run('predict', f32Dir, missing)).err).toBe(`edgegrad predict: '${missing}': no such file`);
    expect((await run('predict', f32Dir, join(dir, 'x.parquet'))).err).toMatch(/'.*x\.parquet': unknown input format '\.parquet'; give a \.json, \.csv or \.npy file/);
    expect((await run('predict', join(dir, 'nomodel'), join(NPY, 'f4.npy'))).err).toMatch(/edgegrad predict: '.*nomodel': no such file or directory/);
    expect((await run('predict', f32Dir)).err).toMatch(/expected <model> <input>, got 1 argument/);
  });
});

/** A version 1.0 .npy preamble with header `text` (length field `claim` when given) and 12 data bytes. */
function npyWithHeader(text: string, claim?: number): Uint8Array {
  const h = new TextEncoder().encode(text);
  const out = new Uint8Array(10 + h.length + 12);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, claim ?? h.length, true);
  out.set(h, 10);
  return out;
}

// `edgegrad info <model>` and `edgegrad predict <model> <input>`: a saved model inspected and run
// offline. Loaded on demand by cli.ts. Inputs are JSON (nested arrays), CSV (one sample per row, an
// optional header line) or NumPy .npy (v1-v3 headers, C order, any endianness; float, int, uint and
// bool element types); outputs print one sample per line or go to --out file.json|.npy|.csv.
// Every error names the file and what is wrong with it.
import * as eg from './index.js';
import { flag, num } from './cli-args.js';

/** An error the command reports as its message alone (no stack): bad input, a missing file. */
export class CliError extends Error {}

const fmtInt = (n: number) => n.toLocaleString('en-US');
const fmtBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(2)} MiB`);
const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

async function fs() { return import('node:fs/promises'); }
async function path() { return import('node:path'); }

/** model.json's path and the directory of a model given as a directory or as its model.json. */
async function modelPaths(given: string, cmd: string): Promise<{ dir: string; modelPath: string }> {
  const { join, dirname } = await path();
  let st;
  try {
    st = await (await fs()).stat(given);
  } catch {
    throw new CliError(`edgegrad ${cmd}: '${given}': no such file or directory (give a directory written by model.save, or its model.json)`);
  }
  if (st.isDirectory()) return { dir: given, modelPath: join(given, 'model.json') };
  return { dir: dirname(given), modelPath: given };
}

interface Header { [name: string]: { dtype: string; shape: number[]; data_offsets: [number, number] } }

/** The JSON header of a safetensors file (the tensors' codes and shapes). */
function safetensorsHeader(bytes: Uint8Array, file: string): { header: Header; metadata: Record<string, string> } {
  if (bytes.length < 8) throw new CliError(`edgegrad info: '${file}': ${bytes.length} bytes, too short for a safetensors file`);
  const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (8 + n > bytes.length) throw new CliError(`edgegrad info: '${file}': header of ${n} bytes runs past the end of the file (${bytes.length} bytes)`);
  let parsed: Header & { __metadata__?: Record<string, string> };
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    throw new CliError(`edgegrad info: '${file}': the header is not JSON (${(e as Error).message})`);
  }
  const { __metadata__: metadata = {}, ...header } = parsed;
  return { header: header as Header, metadata };
}

async function load(modelArg: string, cmd: string, backend: string): Promise<{ model: eg.Model<eg.Tensor | eg.Tensor[]>; dir: string; modelPath: string }> {
  const { dir, modelPath } = await modelPaths(modelArg, cmd);
  await eg.init({ backend: backend as 'wasm' | 'js', enableRelaxedSimdFlag: backend === 'wasm' });
  try {
    return { model: await eg.loadModel<eg.Tensor | eg.Tensor[]>(modelPath), dir, modelPath };
  } catch (e) {
    throw new CliError(`edgegrad ${cmd}: ${(e as Error).message}`);
  }
}

const shapeText = (s: readonly (number | null)[]) => `[${s.map((d) => (d === null ? 'null' : d)).join(', ')}]`;

/** What `edgegrad info` prints: files and sizes, inputs and outputs, the layer table, parameters and their stored dtypes. */
export async function infoText(modelArg: string, opts: { backend?: string } = {}): Promise<string> {
  const { model, dir, modelPath } = await load(modelArg, 'info', opts.backend ?? 'wasm');
  try {
    const { join } = await path();
    const f = await fs();
    const json = JSON.parse(await f.readFile(modelPath, 'utf8')) as { formatVersion?: number; weightsFile?: string; optimizerState?: string[] };
    const weightsPath = join(dir, json.weightsFile ?? 'weights.safetensors');
    const weights = new Uint8Array(await f.readFile(weightsPath));
    const modelBytes = (await f.stat(modelPath)).size;
    const { header, metadata } = safetensorsHeader(weights, weightsPath);
    const lines: string[] = [];
    lines.push(`model    ${modelPath} (${model.constructor.name} '${model.name}', format version ${json.formatVersion ?? '?'})`);
    lines.push(`files    model.json ${fmtBytes(modelBytes)} + ${json.weightsFile ?? 'weights.safetensors'} ${fmtBytes(weights.length)} = ${fmtBytes(modelBytes + weights.length)}`);
    for (const t of model.inputs) lines.push(`input    '${t.name}' ${shapeText(t.shape)} ${t.dtype}`);
    for (const t of model.outputs) lines.push(`output   '${t.name}' ${shapeText(t.shape)} ${t.dtype}`);
    lines.push('');
    model.summary((l) => lines.push(l));
    // Stored dtypes: the weights' (model.json lists the dtype they load as), then the optimizer's slots.
    const tally = (names: string[]) => {
      const by = new Map<string, { count: number; params: number; bytes: number }>();
      for (const n of names) {
        const e = header[n];
        if (!e) continue;
        const s = by.get(e.dtype) ?? { count: 0, params: 0, bytes: 0 };
        s.count++; s.params += sizeOf(e.shape); s.bytes += e.data_offsets[1] - e.data_offsets[0];
        by.set(e.dtype, s);
      }
      return [...by].map(([d, s]) => `${d} ${s.count} tensor${s.count === 1 ? '' : 's'}, ${fmtInt(s.params)} values, ${fmtBytes(s.bytes)}`).join('; ');
    };
    const weightNames = model.weights.map((w) => w.name);
    const params = model.weights.reduce((a, w) => a + w.size, 0);
    lines.push(`weights  ${weightNames.length} tensors, ${fmtInt(params)} parameters, loaded as ${[...new Set(model.weights.map((w) => w.dtype))].join(', ')}; stored as ${tally(weightNames) || 'nothing'}`);
    const opt = Object.keys(header).filter((n) => n.startsWith('optimizer/'));
    lines.push(`optimizer state  ${opt.length ? tally(opt) : 'none saved'}`);
    if (Object.keys(metadata).length) lines.push(`metadata ${JSON.stringify(metadata)}`);
    return lines.join('\n');
  } finally {
    model.dispose();
  }
}

// ---- inputs ---------------------------------------------------------------------------------

export interface Loaded { values: Float64Array; shape: number[] }

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Parses a .npy file (NumPy's format, versions 1 to 3): its values as float64 and its shape. */
export function parseNpy(bytes: Uint8Array, file: string): Loaded {
  const bad = (what: string) => new CliError(`edgegrad predict: '${file}': ${what}`);
  if (bytes.length < 10 || NPY_MAGIC.some((b, i) => bytes[i] !== b)) throw bad('not a .npy file (it does not start with \\x93NUMPY)');
  const major = bytes[6];
  if (major < 1 || major > 3) throw bad(`npy format version ${major}.${bytes[7]} is not one edgegrad reads (1.0 to 3.0)`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = major === 1 ? 10 : 12;
  if (bytes.length < start) throw bad('truncated npy header');
  const hlen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  if (start + hlen > bytes.length) throw bad(`bad npy header: it claims ${hlen} bytes but the file holds ${bytes.length - start} after the preamble`);
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + hlen));
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(text)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw bad(`bad npy header ${JSON.stringify(text.trim())}: it needs 'descr', 'fortran_order' and 'shape'`);
  }
  const dims = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (dims.some((d) => !/^\d+$/.test(d))) throw bad(`bad npy header: shape (${shapeText}) is not a tuple of non-negative integers`);
  const shape = dims.map(Number);
  if (fortran === 'True') throw bad(`array is in Fortran order; save it in C order (np.save(f, np.ascontiguousarray(x)))`);
  const m = /^([<>|=])([fiub])(\d+)$/.exec(descr);
  const kinds: Record<string, number[]> = { f: [2, 4, 8], i: [1, 2, 4, 8], u: [1, 2, 4, 8], b: [1] };
  if (!m || !kinds[m[2]].includes(Number(m[3]))) {
    throw bad(`element type '${descr}' is not one edgegrad reads (float16/32/64, int8-64, uint8-64, bool)`);
  }
  const little = m[1] !== '>';
  const size = Number(m[3]), kind = m[2];
  const n = sizeOf(shape);
  const data = start + hlen;
  if (bytes.length - data !== n * size) {
    throw bad(`${bytes.length - data} data bytes, but shape (${shape.join(', ')}) of '${descr}' needs ${n * size}${bytes.length - data < n * size ? ' (truncated?)' : ''}`);
  }
  const out = new Float64Array(n);
  for (let i = 0, at = data; i < n; i++, at += size) {
    let v: number;
    if (kind === 'f') v = size === 2 ? half(dv.getUint16(at, little)) : size === 4 ? dv.getFloat32(at, little) : dv.getFloat64(at, little);
    else if (kind === 'b') v = bytes[at] ? 1 : 0;
    else if (size === 1) v = kind === 'i' ? dv.getInt8(at) : dv.getUint8(at);
    else if (size === 2) v = kind === 'i' ? dv.getInt16(at, little) : dv.getUint16(at, little);
    else if (size === 4) v = kind === 'i' ? dv.getInt32(at, little) : dv.getUint32(at, little);
    else v = Number(kind === 'i' ? dv.getBigInt64(at, little) : dv.getBigUint64(at, little));
    out[i] = v;
  }
  return { values: out, shape };
}

function half(h: number): number {
  const s = h & 0x8000 ? -1 : 1, e = (h >>> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** A .npy file (version 1.0, little-endian, C order) of float32 ('<f4') or int32 ('<i4') values. */
export function encodeNpy(values: ArrayLike<number>, shape: readonly number[], dtype: 'float32' | 'int32' = 'float32'): Uint8Array {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let text = `{'descr': '${dtype === 'int32' ? '<i4' : '<f4'}', 'fortran_order': False, 'shape': (${dims}), }`;
  // NumPy pads the header with spaces and a newline so the data starts 64-byte aligned.
  const total = 10 + text.length + 1;
  text += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + text.length + 4 * values.length);
  out.set(NPY_MAGIC);
  out[6] = 1; out[7] = 0;
  const dv = new DataView(out.buffer);
  dv.setUint16(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  const at = 10 + text.length;
  for (let i = 0; i < values.length; i++) {
    if (dtype === 'int32') dv.setInt32(at + 4 * i, values[i], true);
    else dv.setFloat32(at + 4 * i, values[i], true);
  }
  return out;
}

/** CSV: one sample per line, values separated by commas; a first line that is not all numbers is a header. */
export function parseCsv(text: string, file: string): Loaded {
  const lines = text.split(/\r?\n/).map((l, i) => ({ l: l.trim(), i: i + 1 })).filter((x) => x.l !== '');
  if (lines.length === 0) throw new CliError(`edgegrad predict: '${file}': no rows`);
  const cells = (l: string) => l.split(',').map((c) => c.trim());
  const numeric = (c: string) => c !== '' && Number.isFinite(Number(c)) || /^[+-]?(inf|infinity|nan)$/i.test(c);
  let rows = lines;
  if (!cells(lines[0].l).every(numeric)) rows = lines.slice(1);
  if (rows.length === 0) throw new CliError(`edgegrad predict: '${file}': a header line and no rows`);
  const width = cells(rows[0].l).length;
  const values = new Float64Array(rows.length * width);
  rows.forEach(({ l, i }, r) => {
    const cs = cells(l);
    if (cs.length !== width) throw new CliError(`edgegrad predict: '${file}': line ${i} has ${cs.length} values, line ${rows[0].i} has ${width}`);
    cs.forEach((c, j) => {
      if (!numeric(c)) throw new CliError(`edgegrad predict: '${file}': line ${i}, column ${j + 1}: ${JSON.stringify(c)} is not a number`);
      const lc = c.toLowerCase().replace(/^\+/, '');
      values[r * width + j] = lc === 'nan' ? NaN : /inf/.test(lc) ? (lc.startsWith('-') ? -Infinity : Infinity) : Number(c);
    });
  });
  return { values, shape: [rows.length, width] };
}

/** JSON: a number array, nested to any depth (rectangular), or { "shape": [...], "data": [...] }. */
export function parseJsonInput(text: string, file: string): Loaded {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new CliError(`edgegrad predict: '${file}': not valid JSON (${(e as Error).message})`);
  }
  const bad = (what: string) => new CliError(`edgegrad predict: '${file}': ${what}`);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as { shape?: unknown; data?: unknown };
    if (!Array.isArray(o.shape) || !Array.isArray(o.data)) throw bad('a JSON object must be { "shape": [...], "data": [...] }; or give a (nested) array of numbers');
    const shape = o.shape as unknown[];
    if (shape.some((d) => !Number.isSafeInteger(d) || (d as number) < 0)) throw bad(`"shape" ${JSON.stringify(shape)} must hold non-negative integers`);
    const flat = (o.data as unknown[]).flat(Infinity);
    if (flat.length !== sizeOf(shape as number[])) throw bad(`"data" holds ${flat.length} values but "shape" [${shape.join(', ')}] needs ${sizeOf(shape as number[])}`);
    return { values: toNumbers(flat, bad), shape: shape as number[] };
  }
  if (!Array.isArray(v)) throw bad(`expected an array of numbers, got ${v === null ? 'null' : typeof v}`);
  const shape: number[] = [];
  for (let x: unknown = v; Array.isArray(x); x = x[0]) shape.push(x.length);
  const out: unknown[] = [];
  const walk = (x: unknown, d: number, where: string): void => {
    if (d === shape.length) {
      if (Array.isArray(x)) throw bad(`${where} is an array where a number was expected (the rows are not all equally deep)`);
      out.push(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[d]) throw bad(`${where} ${Array.isArray(x) ? `has ${x.length} entries` : 'is not an array'}; expected ${shape[d]} (the first row's length): the array is not rectangular`);
    x.forEach((y, i) => walk(y, d + 1, `${where}[${i}]`));
  };
  walk(v, 0, 'the array');
  return { values: toNumbers(out, bad), shape };
}

function toNumbers(xs: unknown[], bad: (w: string) => Error): Float64Array {
  const out = new Float64Array(xs.length);
  xs.forEach((x, i) => {
    if (typeof x !== 'number') throw bad(`value ${i} is ${JSON.stringify(x)}, not a number`);
    out[i] = x;
  });
  return out;
}

/** Reads an input file by its extension (.json, .csv, .npy). */
export async function readInput(file: string): Promise<Loaded> {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext !== 'json' && ext !== 'csv' && ext !== 'npy') {
    throw new CliError(`edgegrad predict: '${file}': unknown input format '${ext ? `.${ext}` : '(no extension)'}'; give a .json, .csv or .npy file`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await (await fs()).readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`edgegrad predict: '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  if (ext === 'npy') return parseNpy(bytes, file);
  const text = new TextDecoder().decode(bytes);
  return ext === 'csv' ? parseCsv(text, file) : parseJsonInput(text, file);
}

/**
 * Shapes `input` for a model input of per-sample shape `sample`: a batch of samples (each of the
 * sample's shape, or flat with as many values), or one sample alone. Refuses anything else, naming
 * the file and both shapes.
 */
export function fitToInput(input: Loaded, sample: readonly number[], dtype: string, file: string, inputName: string): number[] {
  const per = sizeOf(sample), s = input.shape;
  let batch: number;
  if (s.length === sample.length && s.every((d, i) => d === sample[i])) batch = 1;
  else if (s.length >= 2 && sizeOf(s.slice(1)) === per) batch = s[0];
  else if (s.length === 1 && s[0] === per) batch = 1;
  else {
    const perGiven = s.length >= 2 ? `${sizeOf(s.slice(1))} values per sample` : `${sizeOf(s)} values`;
    throw new CliError(`edgegrad predict: '${file}' holds shape [${s.join(', ')}] (${perGiven}) but the model's input '${inputName}' takes samples of shape [${sample.join(', ')}] (${per} values each)`);
  }
  if (dtype === 'int32') {
    const i = input.values.findIndex((v) => !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31);
    if (i >= 0) throw new CliError(`edgegrad predict: '${file}': value ${i} is ${input.values[i]}, but the model's input '${inputName}' takes int32 values`);
  }
  return [batch, ...sample];
}

// ---- outputs --------------------------------------------------------------------------------

/** The shortest decimal that reads back as float32 `v`. */
function f32Text(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let p = 1; p < 9; p++) {
    const t = Number(v.toPrecision(p));
    if (Math.fround(t) === v) return String(t);
  }
  return String(Number(v.toPrecision(9)));
}

function nested(values: ArrayLike<number>, shape: readonly number[], fmt: (v: number) => string): string {
  if (shape.length === 0) return fmt(values[0]);
  const go = (off: number, d: number): string => {
    const n = shape[d];
    const parts: string[] = [];
    if (d === shape.length - 1) for (let i = 0; i < n; i++) parts.push(fmt(values[off + i]));
    else { const step = sizeOf(shape.slice(d + 1)); for (let i = 0; i < n; i++) parts.push(go(off + i * step, d + 1)); }
    return `[${parts.join(', ')}]`;
  };
  return go(0, 0);
}

// NOTE: JSON has no NaN or Infinity: they are written as null in .json files (and printed as is).
const jsonNumber = (v: number) => (Number.isFinite(v) ? f32Text(v) : 'null');

/** The outputs as lines: one sample per line (a nested array), each output under its name when there are several. */
export function outputText(outs: { name: string; values: ArrayLike<number>; shape: readonly number[] }[]): string {
  const lines: string[] = [];
  for (const o of outs) {
    if (outs.length > 1) lines.push(`# ${o.name} [${o.shape.join(', ')}]`);
    const per = sizeOf(o.shape.slice(1));
    for (let r = 0; r < o.shape[0]; r++) {
      lines.push(nested(Array.prototype.slice.call(o.values, r * per, (r + 1) * per), o.shape.slice(1), f32Text));
    }
  }
  return lines.join('\n');
}

async function writeOutput(file: string, outs: { name: string; values: ArrayLike<number>; shape: readonly number[]; dtype: string }[]): Promise<void> {
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  let bytes: Uint8Array | string;
  if (ext === 'json') {
    bytes = outs.length === 1
      ? `${nested(outs[0].values, outs[0].shape, jsonNumber)}\n`
      : `{${outs.map((o) => `${JSON.stringify(o.name)}: ${nested(o.values, o.shape, jsonNumber)}`).join(', ')}}\n`;
  } else if (ext === 'npy' || ext === 'csv') {
    if (outs.length > 1) throw new CliError(`edgegrad predict: --out '${file}': the model has ${outs.length} outputs (${outs.map((o) => o.name).join(', ')}); a .${ext} file holds one: write a .json file`);
    const o = outs[0];
    if (ext === 'npy') bytes = encodeNpy(o.values, o.shape, o.dtype === 'int32' ? 'int32' : 'float32');
    else {
      const per = sizeOf(o.shape.slice(1));
      const rows: string[] = [];
      for (let r = 0; r < o.shape[0]; r++) rows.push(Array.prototype.slice.call(o.values, r * per, (r + 1) * per).map(f32Text).join(','));
      bytes = `${rows.join('\n')}\n`;
    }
  } else {
    throw new CliError(`edgegrad predict: --out '${file}': unknown output format '${ext ? `.${ext}` : '(no extension)'}'; give a .json, .npy or .csv file`);
  }
  try {
    await (await fs()).writeFile(file, bytes);
  } catch (e) {
    throw new CliError(`edgegrad predict: --out '${file}': cannot write it (${(e as Error).message})`);
  }
}

/**
 * `edgegrad predict <model> <input> [--out F] [--batch N] [--backend wasm|js]`: the outputs' text
 * (printed by the caller) or, with --out, a line saying where they went.
 */
export async function predictCommand(args: string[]): Promise<string> {
  const pos = positional(args, ['out', 'batch', 'backend']);
  if (pos.length !== 2) throw new CliError(`edgegrad predict: expected <model> <input>, got ${pos.length} argument${pos.length === 1 ? '' : 's'}\n${PREDICT_USAGE}`);
  const [modelArg, inputFile] = pos;
  const input = await readInput(inputFile);
  const batchSize = num(args, 'batch', 256);
  const out = flag(args, 'out', '');
  const { model } = await load(modelArg, 'predict', flag(args, 'backend', 'wasm'));
  try {
    if (model.inputs.length !== 1) throw new CliError(`edgegrad predict: the model takes ${model.inputs.length} inputs (${model.inputs.map((t) => t.name).join(', ')}); this command feeds one`);
    const spec = model.inputs[0];
    const sample = spec.shape.slice(1) as number[];
    const shape = fitToInput(input, sample, spec.dtype, inputFile, spec.name);
    const outs = eg.tidy(() => {
      const x = eg.tensor(spec.dtype === 'int32' ? Int32Array.from(input.values) : Float32Array.from(input.values), shape, spec.dtype);
      const y = model.predict(x, { batchSize });
      const ys = Array.isArray(y) ? y : [y];
      return ys.map((t, i) => ({ name: model.outputs[i].name, values: t.dataSync(), shape: [...t.shape], dtype: t.dtype }));
    });
    if (out) {
      await writeOutput(out, outs);
      return `wrote ${outs.map((o) => `${o.name} [${o.shape.join(', ')}]`).join(', ')} to ${out}`;
    }
    return outputText(outs);
  } finally {
    model.dispose();
  }
}

/** The arguments that are not flags or their values. */
function positional(args: string[], valued: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      if (!valued.includes(a.slice(2))) throw new CliError(`edgegrad: unknown option '${a}'; the options are ${valued.map((v) => `--${v}`).join(', ')}`);
      if (i + 1 >= args.length) throw new CliError(`edgegrad: option '${a}' needs a value`);
      i++;
    } else out.push(a);
  }
  return out;
}

export const INFO_USAGE = 'edgegrad info <model dir | model.json> [--backend wasm|js]';
export const PREDICT_USAGE = 'edgegrad predict <model dir | model.json> <input.json|.csv|.npy> [--out out.json|.npy|.csv] [--batch N] [--backend wasm|js]';

/** `edgegrad info` and `edgegrad predict`: prints with `print`, returns the exit code. */
export async function runEdge(cmd: 'info' | 'predict', args: string[], print: (s: string) => void = console.log, printError: (s: string) => void = console.error): Promise<number> {
  try {
    if (cmd === 'info') {
      const pos = positional(args, ['backend']);
      if (pos.length !== 1) throw new CliError(`edgegrad info: expected one model, got ${pos.length} arguments\nusage: ${INFO_USAGE}`);
      print(await infoText(pos[0], { backend: flag(args, 'backend', 'wasm') }));
    } else {
      print(await predictCommand(args));
    }
    return 0;
  } catch (e) {
    printError(e instanceof CliError ? e.message : e instanceof Error ? `edgegrad ${cmd}: ${e.message}` : String(e));
    return 1;
  }
}

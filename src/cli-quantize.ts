// `edgegrad quantize <model> <out> [--calibration file]`: loads a saved float32 model, quantises its
// Dense and Conv2D layers to int8 (eg.quantize) and saves the result. Calibration data (optional):
// a JSON array of samples (nested numbers) or a float32 .npy array [n, ...sample shape]; without
// it the activations are quantised per row at run time. Loaded on demand by cli.ts.
import { readFile } from 'node:fs/promises';
import * as eg from './index.js';
import { flag } from './cli-args.js';

export const QUANTIZE_USAGE = `       edgegrad quantize <model dir> <out dir> [--calibration samples.json|samples.npy] [--backend wasm|js]
         int8 weights (per output channel) for every Dense and Conv2D layer; files ~4x smaller`;

/** A float32 .npy (version 1-3, little-endian '<f4', C order) as values and shape. */
function readNpy(file: string, bytes: Uint8Array): { values: Float32Array; shape: number[] } {
  const bad = (why: string): never => { throw new Error(`edgegrad quantize: calibration file '${file}': ${why}`); };
  if (bytes.length < 10 || bytes[0] !== 0x93 || String.fromCharCode(...bytes.subarray(1, 6)) !== 'NUMPY') bad('not a .npy file (no \\x93NUMPY magic)');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + hlen > bytes.length) bad('truncated header');
  const header = new TextDecoder().decode(bytes.subarray(start, start + hlen));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  if (descr !== '<f4') bad(`dtype ${descr ?? '(none)'} is not supported; save the samples as float32 ('<f4')`);
  if (/'fortran_order'\s*:\s*True/.test(header)) bad('Fortran order is not supported; save a C-ordered array');
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1] ?? bad('no shape in the header');
  const shape = shapeText.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const n = shape.reduce((a, d) => a * d, 1), data = start + hlen;
  if (bytes.length - data < n * 4) bad(`holds ${bytes.length - data} data bytes, fewer than shape [${shape}] needs (${n * 4})`);
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = view.getFloat32(data + 4 * i, true);
  return { values, shape };
}

/** Nested number arrays -> flat values and shape (refusing ragged or non-numeric data). */
function flatten(file: string, v: unknown): { values: Float32Array; shape: number[] } {
  const shape: number[] = [];
  for (let x = v; Array.isArray(x); x = x[0]) shape.push(x.length);
  const out: number[] = [];
  const walk = (x: unknown, d: number, at: string) => {
    if (d === shape.length) {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`edgegrad quantize: calibration file '${file}': element ${at} is ${JSON.stringify(x)}, not a finite number`);
      out.push(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== shape[d]) throw new Error(`edgegrad quantize: calibration file '${file}': ragged array at ${at || 'the top'} (expected ${shape[d]} entries)`);
    x.forEach((e, i) => walk(e, d + 1, `${at}[${i}]`));
  };
  walk(v, 0, '');
  return { values: Float32Array.from(out), shape };
}

async function calibration(file: string, sample: number[]): Promise<eg.Tensor> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new Error(`edgegrad quantize: cannot read calibration file '${file}': ${(e as Error).message}`);
  }
  let d: { values: Float32Array; shape: number[] };
  if (file.endsWith('.npy')) {
    d = readNpy(file, bytes);
  } else {
    let j: unknown;
    try { j = JSON.parse(new TextDecoder().decode(bytes)); } catch (e) {
      throw new Error(`edgegrad quantize: calibration file '${file}' is neither .npy nor valid JSON (${(e as Error).message})`);
    }
    d = flatten(file, j);
  }
  const per = sample.reduce((a, x) => a * x, 1);
  if (d.shape.length === 0 || d.values.length === 0 || d.values.length % per !== 0) {
    throw new Error(`edgegrad quantize: calibration file '${file}' holds shape [${d.shape}], which is not a list of samples of shape [${sample}] (${per} values each)`);
  }
  return eg.tensor(d.values, [d.values.length / per, ...sample]);
}

export async function quantizeCommand(args: string[]): Promise<void> {
  const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  const [src, out] = pos;
  if (!src || !out) throw new Error(`edgegrad quantize: expects a model directory and an output directory\n${QUANTIZE_USAGE}`);
  await eg.init({ backend: flag(args, 'backend', 'wasm') as 'wasm' | 'js', enableRelaxedSimdFlag: true });
  let model: eg.Model<eg.Tensor | eg.Tensor[]>;
  try {
    model = await eg.loadModel<eg.Tensor | eg.Tensor[]>(src);
  } catch (e) {
    throw new Error(`edgegrad quantize: cannot load model '${src}': ${(e as Error).message}`);
  }
  const file = flag(args, 'calibration', '');
  if (args.includes('--calibration') && !file) throw new Error('edgegrad quantize: --calibration needs a file (JSON samples or a float32 .npy)');
  if (model.inputs.length !== 1 && file) throw new Error(`edgegrad quantize: model '${src}' has ${model.inputs.length} inputs; calibration from a file takes one-input models`);
  const calib = file ? await calibration(file, model.inputs[0].sampleShape) : undefined;
  const q = await eg.quantize(model, { dtype: 'int8', calibration: calib });
  const saved = await q.save(out);
  const before = (await model.toArtifacts({ includeOptimizer: false })).weights.length;
  console.log(`quantised ${q.layers.filter((l) => l.className.startsWith('Quantized')).map((l) => l.name).join(', ')} to int8 `
    + `(${calib ? `static activation ranges from ${calib.shape[0]} samples of '${file}'` : 'activations quantised per row at run time'})`);
  console.log(`saved to ${saved.url}/ (weights ${saved.weightsBytes} B, float32 ${before} B: ${(before / saved.weightsBytes).toFixed(2)}x smaller)`);
  calib?.dispose();
  model.dispose();
  q.dispose();
}

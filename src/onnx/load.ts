// eg.loadOnnx: an ONNX file (bytes, a Node path or a URL) as an OnnxModel. Decodes the protobuf
// (protobuf.ts, model.ts), reads external data files next to the model (Node paths), refuses ops
// edgegrad does not run (naming op, node and opset) before building anything, and turns the
// graph into OnnxGraph's JSON config: float initializers become the weights, the rest constants.
import { isNode, nodeModule } from '../platform.js';
import { type AttributeProto, FLOAT, DOUBLE, FLOAT16, type HostTensor, type ModelProto, type TensorProto, decodeModel, fromRaw, typeName } from './model.js';
import { OnnxFormatError } from './protobuf.js';
import { type AttrValue, OPS } from './ops.js';
import { type OnnxGraphConfig, OnnxGraph, OnnxModel } from './graph.js';

/** The opsets of the default domain edgegrad reads. */
export const MIN_OPSET = 7, MAX_OPSET = 21;

export type OnnxSource = Uint8Array | ArrayBuffer | string | URL;

const utf8 = new TextDecoder();

function attrValue(a: AttributeProto, where: string): AttrValue | undefined {
  switch (a.type) {
    case 1: return a.f ?? 0;
    case 2: return a.i ?? 0;
    case 3: return utf8.decode(a.s ?? new Uint8Array());
    case 4: {
      const t = a.t!;
      if (!t.value) throw new OnnxFormatError(`${where}: attribute '${a.name}' holds a tensor with external data, which is not supported`);
      return { type: t.value.type, shape: t.value.shape, data: Array.from(t.value.data) };
    }
    case 6: return a.floats;
    case 7: return a.ints;
    case 8: return a.strings.map((s) => utf8.decode(s));
    default: return undefined; // graphs, sparse tensors, type protos: no supported op reads them
  }
}

/** Refuses what edgegrad does not run, naming op, node and opset; returns the default domain's opset. */
export function checkOps(m: ModelProto): number {
  const opset = m.opsets.get('') ?? (m.opsets.size === 0 ? MAX_OPSET : 0);
  if (!opset) throw new Error(`loadOnnx: the model imports no opset of the default ONNX domain (it imports ${[...m.opsets.keys()].join(', ')})`);
  if (opset < MIN_OPSET || opset > MAX_OPSET) throw new Error(`loadOnnx: opset ${opset} is not supported (edgegrad reads opsets ${MIN_OPSET} to ${MAX_OPSET})`);
  m.graph.nodes.forEach((n, i) => {
    const where = `node '${n.name || `#${i}`}'`;
    if (n.domain !== '') throw new Error(`loadOnnx: unsupported op '${n.domain}.${n.opType}' at ${where} (opset ${m.opsets.get(n.domain) ?? '?'} of domain '${n.domain}'); edgegrad runs the default ONNX domain only`);
    if (!Object.prototype.hasOwnProperty.call(OPS, n.opType)) throw new Error(`loadOnnx: unsupported op '${n.opType}' at ${where} (opset ${opset}); supported: ${Object.keys(OPS).sort().join(', ')}`);
  });
  return opset;
}

/** The model as OnnxGraph's config and the weights' values (external data read already). */
export function toGraphConfig(m: ModelProto, name = 'onnx'): { config: OnnxGraphConfig; values: Map<string, HostTensor> } {
  const opset = checkOps(m);
  const g = m.graph;
  const inits = new Map(g.initializers.map((t) => [t.name, t]));
  const weights: OnnxGraphConfig['weights'] = [], constants: OnnxGraphConfig['constants'] = [];
  const values = new Map<string, HostTensor>();
  // A float initializer that only feeds comparisons, Where's condition or shapes (through slicing and
  // reshaping), such as a causal mask buffer, is a constant: it gets no gradient, and it folds.
  const readers = new Map<string, { op: string; k: number; out: string }[]>();
  for (const n of g.nodes) n.inputs.forEach((name, k) => { if (name) readers.set(name, [...(readers.get(name) ?? []), { op: n.opType, k, out: n.outputs[0] ?? '' }]); });
  const graphOuts = new Set(g.outputs.map((o) => o.name));
  const maskOnly = (name: string, depth = 0): boolean => {
    const r = readers.get(name);
    if (!r || graphOuts.has(name) || depth > 16) return false;
    return r.every(({ op, k, out }) => ['Equal', 'Less', 'Greater', 'LessOrEqual', 'GreaterOrEqual', 'Shape'].includes(op) || (op === 'Where' && k === 0)
      || (k === 0 && ['Slice', 'Gather', 'Reshape', 'Unsqueeze', 'Squeeze', 'Cast', 'Expand', 'Transpose', 'Identity'].includes(op) && maskOnly(out, depth + 1)));
  };
  for (const t of g.initializers) {
    const v = t.value!;
    const float = v.type === FLOAT || v.type === DOUBLE || v.type === FLOAT16 || v.type === 16;
    if (float && v.data.length > 1 && !maskOnly(t.name)) {
      weights.push({ name: t.name, shape: [...v.shape] });
      values.set(t.name, v);
    } else constants.push({ name: t.name, type: v.type, shape: [...v.shape], data: Array.from(v.data) });
  }
  const nodes = g.nodes.map((n, i) => {
    const attrs: Record<string, AttrValue> = {};
    for (const a of n.attrs.values()) {
      const v = attrValue(a, `node '${n.name || `#${i}`}' (${n.opType})`);
      if (v !== undefined) attrs[a.name] = v;
    }
    return { op: n.opType, name: n.name, inputs: n.inputs, outputs: n.outputs, attrs };
  });
  const spec = (v: { name: string; elemType: number; shape: (number | string | null)[] | null }) => ({ name: v.name, shape: v.shape, type: v.elemType || FLOAT });
  // IR < 4 lists initializers among the inputs too: those are not fed
  const inputs = g.inputs.filter((v) => !inits.has(v.name)).map(spec);
  for (const v of inputs) if (v.type === 8 || !typeName(v.type)) throw new Error(`loadOnnx: input '${v.name}' has element type ${typeName(v.type)}, which is not supported`);
  if (g.outputs.length === 0) throw new OnnxFormatError('the graph has no outputs');
  const safe = (g.name || name).replace(/[^\w.-]/g, '_') || 'onnx';
  return { config: { name: safe, trainable: true, opset, inputs, outputs: g.outputs.map(spec), nodes, weights, constants }, values };
}

async function readSource(source: OnnxSource): Promise<{ bytes: Uint8Array; dir: string | null }> {
  if (source instanceof Uint8Array) return { bytes: source, dir: null };
  if (source instanceof ArrayBuffer) return { bytes: new Uint8Array(source), dir: null };
  const url = source instanceof URL ? source : typeof source === 'string' && /^(https?|blob|data):/i.test(source) ? new URL(source) : null;
  if (url === null || url.protocol === 'file:') {
    if (!isNode()) throw new Error(`loadOnnx: a path needs Node; in a browser give a URL or the file's bytes, got ${JSON.stringify(String(source))}`);
    if (typeof source !== 'string' && !(source instanceof URL)) throw new Error(`loadOnnx: expected a Uint8Array, a path or a URL, got ${source === null ? 'null' : typeof source}`);
    const fs = await nodeModule<typeof import('node:fs/promises')>('fs/promises');
    const { dirname } = await nodeModule<typeof import('node:path')>('path');
    const { fileURLToPath } = await nodeModule<typeof import('node:url')>('url');
    const path = source instanceof URL ? fileURLToPath(source) : source;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(path));
    } catch (e) {
      throw new Error(`loadOnnx: cannot read '${path}': ${(e as Error).message}`);
    }
    return { bytes, dir: dirname(path) };
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`loadOnnx: fetching ${url} failed: HTTP ${res.status}`);
  return { bytes: new Uint8Array(await res.arrayBuffer()), dir: null };
}

async function readExternal(t: TensorProto, dir: string | null): Promise<void> {
  const e = t.external!;
  if (dir === null) throw new Error(`loadOnnx: initializer '${t.name}' keeps its data in the external file '${e.location}'; give the model as a Node path so the file can be read next to it`);
  if (e.location.includes('..') || e.location.startsWith('/') || e.location.includes('\\')) throw new OnnxFormatError(`initializer '${t.name}': external data location '${e.location}' must be a file next to the model`);
  const fs = await nodeModule<typeof import('node:fs/promises')>('fs/promises');
  const { join } = await nodeModule<typeof import('node:path')>('path');
  const path = join(dir, e.location);
  let fh;
  try {
    fh = await fs.open(path, 'r');
  } catch (err) {
    throw new Error(`loadOnnx: initializer '${t.name}': cannot open external data '${path}': ${(err as Error).message}`);
  }
  try {
    const size = (await fh.stat()).size;
    if (e.offset + e.length > size) throw new OnnxFormatError(`initializer '${t.name}': external data [${e.offset}, ${e.offset + e.length}) runs past the end of '${e.location}' (${size} bytes)`);
    const buf = new Uint8Array(e.length);
    await fh.read(buf, 0, e.length, e.offset);
    t.value = fromRaw(buf, t.type, t.dims, `initializer '${t.name}'`);
  } finally {
    await fh.close();
  }
}

/** eg.loadOnnx: the model at `source` (bytes, a Node path, or a URL). */
export async function loadOnnx(source: OnnxSource): Promise<OnnxModel> {
  const { bytes, dir } = await readSource(source);
  const m = decodeModel(bytes);
  checkOps(m); // before reading external data
  for (const t of m.graph.initializers) if (t.external) await readExternal(t, dir);
  const { config, values } = toGraphConfig(m);
  return new OnnxModel(new OnnxGraph(config, values));
}

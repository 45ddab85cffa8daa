// The decoded ONNX messages: ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
// ValueInfoProto (only the fields edgegrad uses; the rest are skipped). Field numbers from onnx.proto3.
import { I32, I64, LEN, OnnxFormatError, Reader, VARINT } from './protobuf.js';

/** TensorProto.DataType codes. */
export const ONNX_TYPES: Record<number, string> = {
  1: 'float', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
  10: 'float16', 11: 'double', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128', 16: 'bfloat16',
};
export const FLOAT = 1, INT64 = 7, BOOL = 9, DOUBLE = 11, FLOAT16 = 10, INT32 = 6, UINT8 = 2, INT8 = 3;
/** Bytes per element in raw_data, for the types edgegrad reads. */
const RAW_BYTES: Record<number, number> = { 1: 4, 2: 1, 3: 1, 4: 2, 5: 2, 6: 4, 7: 8, 9: 1, 10: 2, 11: 8, 12: 4, 13: 8 };

/** A tensor's values on the host: float types as Float32Array, the others (ints, bool) as exact numbers. */
export interface HostTensor {
  /** The ONNX element type (TensorProto.DataType). */
  type: number;
  shape: number[];
  data: Float32Array | Float64Array;
}

export interface TensorProto {
  name: string;
  dims: number[];
  type: number;
  /** The values, or null while they are in an external file (see `external`). */
  value: HostTensor | null;
  raw: Uint8Array | null;
  external: { location: string; offset: number; length: number } | null;
}

export interface AttributeProto {
  name: string;
  type: number;
  f?: number; i?: number; s?: Uint8Array; t?: TensorProto;
  floats: number[]; ints: number[]; strings: Uint8Array[];
  /** A subgraph attribute (If, Loop, Scan: ops edgegrad does not run); not decoded. */
  hasGraph: boolean;
}

export interface NodeProto {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attrs: Map<string, AttributeProto>;
}

export interface ValueInfo {
  name: string;
  /** The element type, 0 when not a tensor or not given. */
  elemType: number;
  /** Per axis: a size, a symbolic name (dim_param), or null (unknown); null when no shape is given. */
  shape: (number | string | null)[] | null;
}

export interface GraphProto {
  name: string;
  nodes: NodeProto[];
  initializers: TensorProto[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
}

export interface ModelProto {
  irVersion: number;
  producer: string;
  /** Opset version per domain ('' is the default ONNX domain, also written 'ai.onnx'). */
  opsets: Map<string, number>;
  graph: GraphProto;
}

export const typeName = (t: number): string => ONNX_TYPES[t] ?? `type ${t}`;

export function decodeModel(buf: Uint8Array): ModelProto {
  if (!(buf instanceof Uint8Array)) throw new OnnxFormatError(`expected the file's bytes as a Uint8Array, got ${typeof buf}`);
  if (buf.length === 0) throw new OnnxFormatError('the file is empty');
  const r = Reader.of(buf, 'ModelProto');
  const m: ModelProto = { irVersion: 0, producer: '', opsets: new Map(), graph: null as unknown as GraphProto };
  while (!r.done) {
    const [f, w] = r.key();
    if (f === 1 && w === VARINT) m.irVersion = r.varint();
    else if (f === 2 && w === LEN) m.producer = r.string();
    else if (f === 8 && w === LEN) {
      const o = r.sub('opset_import');
      let domain = '', version = 0;
      while (!o.done) {
        const [g, v] = o.key();
        if (g === 1 && v === LEN) domain = o.string();
        else if (g === 2 && v === VARINT) version = o.varint();
        else o.skip(v);
      }
      m.opsets.set(domain === 'ai.onnx' ? '' : domain, version);
    } else if (f === 7 && w === LEN) m.graph = decodeGraph(r.sub('graph'));
    else r.skip(w);
  }
  if (!m.graph) throw new OnnxFormatError('the file holds no graph (is it an ONNX model? ModelProto field 7 is missing)');
  if (m.irVersion === 0 && m.opsets.size === 0) throw new OnnxFormatError('the file has no ir_version and no opset_import (is it an ONNX model?)');
  return m;
}

function decodeGraph(r: Reader): GraphProto {
  const g: GraphProto = { name: '', nodes: [], initializers: [], inputs: [], outputs: [] };
  while (!r.done) {
    const [f, w] = r.key();
    if (w !== LEN) { r.skip(w); continue; }
    if (f === 1) g.nodes.push(decodeNode(r.sub(`node ${g.nodes.length}`)));
    else if (f === 2) g.name = r.string();
    else if (f === 5) g.initializers.push(decodeTensor(r.sub(`initializer ${g.initializers.length}`)));
    else if (f === 11) g.inputs.push(decodeValueInfo(r.sub(`input ${g.inputs.length}`)));
    else if (f === 12) g.outputs.push(decodeValueInfo(r.sub(`output ${g.outputs.length}`)));
    else if (f === 15) r.fail('sparse initializers are not supported');
    else r.skip(w);
  }
  return g;
}

function decodeNode(r: Reader): NodeProto {
  const n: NodeProto = { name: '', opType: '', domain: '', inputs: [], outputs: [], attrs: new Map() };
  while (!r.done) {
    const [f, w] = r.key();
    if (w !== LEN) { r.skip(w); continue; }
    if (f === 1) n.inputs.push(r.string());
    else if (f === 2) n.outputs.push(r.string());
    else if (f === 3) n.name = r.string();
    else if (f === 4) n.opType = r.string();
    else if (f === 7) n.domain = r.string();
    else if (f === 5) { const a = decodeAttribute(r.sub('attribute')); n.attrs.set(a.name, a); }
    else r.skip(w);
  }
  if (!n.opType) r.fail('a node without op_type');
  if (n.domain === 'ai.onnx') n.domain = '';
  return n;
}

function decodeAttribute(r: Reader): AttributeProto {
  const a: AttributeProto = { name: '', type: 0, floats: [], ints: [], strings: [], hasGraph: false };
  while (!r.done) {
    const [f, w] = r.key();
    switch (f) {
      case 1: r.expect(w, LEN); a.name = r.string(); break;
      case 20: r.expect(w, VARINT); a.type = r.varint(); break;
      case 2: r.expect(w, I32); a.f = r.float(); break;
      case 3: r.expect(w, VARINT); a.i = r.varint(); break;
      case 4: r.expect(w, LEN); a.s = r.bytes(); break;
      case 5: r.expect(w, LEN); a.t = decodeTensor(r.sub('attribute tensor')); break;
      case 6: case 11: a.hasGraph = true; r.skip(w); break;
      case 7: r.floats(w, a.floats); break;
      case 8: r.varints(w, a.ints); break;
      case 9: r.expect(w, LEN); a.strings.push(r.bytes()); break;
      default: r.skip(w);
    }
  }
  if (a.type === 0) {
    // proto2-era files may omit the type: infer it from the field that is set
    a.type = a.f !== undefined ? 1 : a.i !== undefined ? 2 : a.s ? 3 : a.t ? 4 : a.hasGraph ? 5 : a.floats.length ? 6 : a.ints.length ? 7 : a.strings.length ? 8 : 0;
  }
  return a;
}

function decodeValueInfo(r: Reader): ValueInfo {
  const v: ValueInfo = { name: '', elemType: 0, shape: null };
  while (!r.done) {
    const [f, w] = r.key();
    if (f === 1 && w === LEN) v.name = r.string();
    else if (f === 2 && w === LEN) {
      const t = r.sub('type');
      while (!t.done) {
        const [g, x] = t.key();
        if (g !== 1 || x !== LEN) { t.skip(x); continue; }
        const tt = t.sub('tensor_type');
        while (!tt.done) {
          const [h, y] = tt.key();
          if (h === 1 && y === VARINT) v.elemType = tt.varint();
          else if (h === 2 && y === LEN) {
            const s = tt.sub('shape');
            v.shape = [];
            while (!s.done) {
              const [k, z] = s.key();
              if (k !== 1 || z !== LEN) { s.skip(z); continue; }
              const d = s.sub('dim');
              let dim: number | string | null = null;
              while (!d.done) {
                const [e, q] = d.key();
                if (e === 1 && q === VARINT) dim = d.varint();
                else if (e === 2 && q === LEN) dim = d.string();
                else d.skip(q);
              }
              v.shape.push(dim);
            }
          } else tt.skip(y);
        }
      }
    } else r.skip(w);
  }
  return v;
}

function decodeTensor(r: Reader): TensorProto {
  const t: TensorProto = { name: '', dims: [], type: 0, value: null, raw: null, external: null };
  const floats: number[] = [], ints: number[] = [], doubles: number[] = [];
  const ext: Record<string, string> = {};
  let location = 0;
  while (!r.done) {
    const [f, w] = r.key();
    switch (f) {
      case 1: r.varints(w, t.dims); break;
      case 2: r.expect(w, VARINT); t.type = r.varint(); break;
      case 4: r.floats(w, floats); break;
      case 5: case 7: case 11: r.varints(w, ints); break;
      case 8: r.expect(w, LEN); t.name = r.string(); break;
      case 9: r.expect(w, LEN); t.raw = r.bytes(); break;
      case 10: r.doubles(w, doubles); break;
      case 13: {
        r.expect(w, LEN);
        const e = r.sub('external_data');
        let k = '', v = '';
        while (!e.done) {
          const [g, x] = e.key();
          if (g === 1 && x === LEN) k = e.string();
          else if (g === 2 && x === LEN) v = e.string();
          else e.skip(x);
        }
        ext[k] = v;
        break;
      }
      case 14: r.expect(w, VARINT); location = r.varint(); break;
      case 6: r.fail(`tensor '${t.name}': string tensors are not supported`); break;
      default: r.skip(w);
    }
  }
  const where = `tensor '${t.name}'`;
  if (t.dims.some((d) => !Number.isSafeInteger(d) || d < 0)) throw new OnnxFormatError(`${where}: invalid dims [${t.dims}]`);
  const n = t.dims.reduce((a, b) => a * b, 1);
  if (n > 2 ** 31) throw new OnnxFormatError(`${where}: dims [${t.dims}] hold ${n} elements, more than edgegrad can allocate`);
  if (!ONNX_TYPES[t.type] || !(t.type in RAW_BYTES)) throw new OnnxFormatError(`${where}: data type ${typeName(t.type)} is not supported`);
  if (location === 1) {
    if (!ext.location) throw new OnnxFormatError(`${where}: external data without a location`);
    const offset = Number(ext.offset ?? 0), length = ext.length !== undefined ? Number(ext.length) : n * RAW_BYTES[t.type];
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length !== n * RAW_BYTES[t.type]) {
      throw new OnnxFormatError(`${where}: external data offset ${ext.offset} / length ${ext.length} do not fit dims [${t.dims}] of ${typeName(t.type)}`);
    }
    t.external = { location: ext.location, offset, length };
    return t;
  }
  if (t.raw) t.value = fromRaw(t.raw, t.type, t.dims, where);
  else {
    const src = t.type === FLOAT ? floats : t.type === DOUBLE ? doubles : ints;
    if (src.length !== n) throw new OnnxFormatError(`${where}: dims [${t.dims}] need ${n} values, the file holds ${src.length}`);
    let data: Float32Array | Float64Array;
    if (t.type === FLOAT) data = Float32Array.from(src);
    else if (t.type === DOUBLE) data = Float64Array.from(src);
    else if (t.type === FLOAT16) data = Float32Array.from(src, halfToFloat);
    else data = Float64Array.from(src, t.type === 12 || t.type === 13 ? (v) => (v < 0 ? v + 2 ** 64 : v) : (v) => v);
    t.value = { type: t.type, shape: t.dims, data };
  }
  return t;
}

/** Values from raw_data (little-endian), checked against the dims. */
export function fromRaw(raw: Uint8Array, type: number, dims: number[], where: string): HostTensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const size = RAW_BYTES[type];
  if (size === undefined) throw new OnnxFormatError(`${where}: data type ${typeName(type)} is not supported`);
  if (raw.length !== n * size) throw new OnnxFormatError(`${where}: raw data of ${raw.length} bytes does not fit dims [${dims}] of ${typeName(type)} (${n * size} bytes)`);
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.length);
  let data: Float32Array | Float64Array;
  if (type === FLOAT) data = new Float32Array(new Uint8Array(raw).buffer); // a copy: raw may be a Node Buffer's view
  else if (type === FLOAT16) { data = new Float32Array(n); for (let i = 0; i < n; i++) data[i] = halfToFloat(dv.getUint16(2 * i, true)); }
  else {
    data = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      switch (type) {
        case 2: case 9: data[i] = raw[i]; break;
        case 3: data[i] = dv.getInt8(i); break;
        case 4: data[i] = dv.getUint16(2 * i, true); break;
        case 5: data[i] = dv.getInt16(2 * i, true); break;
        case 6: data[i] = dv.getInt32(4 * i, true); break;
        case 12: data[i] = dv.getUint32(4 * i, true); break;
        case 7: data[i] = dv.getInt32(8 * i + 4, true) * 4294967296 + dv.getUint32(8 * i, true); break;
        case 13: data[i] = dv.getUint32(8 * i + 4, true) * 4294967296 + dv.getUint32(8 * i, true); break;
        case 11: data[i] = dv.getFloat64(8 * i, true); break;
      }
    }
  }
  return { type, shape: dims, data };
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1, e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** A TensorProto from its bytes (the node tests' input_*.pb / output_*.pb files). */
export function decodeTensorProto(buf: Uint8Array): TensorProto {
  return decodeTensor(Reader.of(buf, 'TensorProto'));
}

export { I32, I64 };

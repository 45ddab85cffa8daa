// A minimal ONNX (protobuf) writer for tests: builds ModelProto bytes from plain descriptions, so
// tests can make models (an MLP, dynamic shapes, external data, bad ops) without Python's onnx.
type Bytes = number[];

export function varint(v: number | bigint): Bytes {
  let n = BigInt.asUintN(64, BigInt(v));
  const out: Bytes = [];
  do {
    let b = Number(n & 0x7fn);
    n >>= 7n;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
const key = (field: number, wire: number) => varint(field * 8 + wire);
const len = (field: number, payload: Bytes): Bytes => [...key(field, 2), ...varint(payload.length), ...payload];
const str = (field: number, s: string): Bytes => len(field, [...new TextEncoder().encode(s)]);
const int = (field: number, v: number | bigint): Bytes => [...key(field, 0), ...varint(v)];
const f32 = (v: number): Bytes => [...new Uint8Array(new Float32Array([v]).buffer)];

export interface TensorDesc {
  name?: string;
  dims: number[];
  /** TensorProto.DataType: 1 float, 7 int64, 6 int32, 9 bool ... */
  type: number;
  floats?: number[];
  ints?: number[];
  raw?: Uint8Array;
  external?: { location: string; offset?: number; length?: number };
}

export function tensor(t: TensorDesc): Bytes {
  const b: Bytes = [];
  if (t.dims.length) b.push(...len(1, t.dims.flatMap((d) => varint(d))));
  b.push(...int(2, t.type));
  if (t.floats) b.push(...len(4, t.floats.flatMap(f32)));
  if (t.ints) b.push(...len(t.type === 7 ? 7 : 5, t.ints.flatMap((v) => varint(v))));
  if (t.name !== undefined) b.push(...str(8, t.name));
  if (t.raw) b.push(...len(9, [...t.raw]));
  if (t.external) {
    const e = t.external;
    const entry = (k: string, v: string) => len(13, [...str(1, k), ...str(2, v)]);
    b.push(...entry('location', e.location));
    if (e.offset !== undefined) b.push(...entry('offset', String(e.offset)));
    if (e.length !== undefined) b.push(...entry('length', String(e.length)));
    b.push(...int(14, 1));
  }
  return b;
}

export type AttrDesc = number | number[] | string | { float: number } | { floats: number[] } | TensorDesc;

function attribute(name: string, v: AttrDesc): Bytes {
  const b: Bytes = [...str(1, name)];
  if (typeof v === 'number') b.push(...int(3, v), ...int(20, 2));
  else if (typeof v === 'string') b.push(...str(4, v), ...int(20, 3));
  else if (Array.isArray(v)) b.push(...len(8, v.flatMap((x) => varint(x))), ...int(20, 7));
  else if ('dims' in v) b.push(...len(5, tensor(v)), ...int(20, 4));
  else if ('float' in v) b.push(...key(2, 5), ...f32(v.float), ...int(20, 1));
  else b.push(...len(7, v.floats.flatMap(f32)), ...int(20, 6));
  return b;
}

export interface NodeDesc { op: string; inputs: string[]; outputs: string[]; name?: string; domain?: string; attrs?: Record<string, AttrDesc> }

function node(n: NodeDesc): Bytes {
  const b: Bytes = [];
  for (const i of n.inputs) b.push(...str(1, i));
  for (const o of n.outputs) b.push(...str(2, o));
  if (n.name) b.push(...str(3, n.name));
  b.push(...str(4, n.op));
  for (const [k, v] of Object.entries(n.attrs ?? {})) b.push(...len(5, attribute(k, v)));
  if (n.domain) b.push(...str(7, n.domain));
  return b;
}

export interface ValueDesc { name: string; type?: number; shape: (number | string)[] }

function valueInfo(v: ValueDesc): Bytes {
  const dims = v.shape.flatMap((d) => len(1, typeof d === 'number' ? int(1, d) : str(2, d)));
  const tensorType = [...int(1, v.type ?? 1), ...len(2, dims)];
  return [...str(1, v.name), ...len(2, len(1, tensorType))];
}

export interface ModelDesc {
  opset?: number;
  name?: string;
  nodes: NodeDesc[];
  inputs: ValueDesc[];
  outputs: ValueDesc[];
  initializers?: TensorDesc[];
}

export function model(m: ModelDesc): Uint8Array {
  const g: Bytes = [];
  for (const n of m.nodes) g.push(...len(1, node(n)));
  g.push(...str(2, m.name ?? 'test_graph'));
  for (const t of m.initializers ?? []) g.push(...len(5, tensor(t)));
  for (const v of m.inputs) g.push(...len(11, valueInfo(v)));
  for (const v of m.outputs) g.push(...len(12, valueInfo(v)));
  const b: Bytes = [...int(1, 8), ...str(2, 'edgegrad-tests'), ...len(7, g), ...len(8, [...str(1, ''), ...int(2, m.opset ?? 17)])];
  return new Uint8Array(b);
}

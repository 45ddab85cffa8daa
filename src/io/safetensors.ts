// The safetensors format (as huggingface/safetensors writes it): an 8-byte little-endian header
// length N, N bytes of JSON { name: { dtype, shape, data_offsets: [begin, end] }, __metadata__? },
// then the raw little-endian tensor bytes. Pure functions, no I/O: the format's tables and the
// encoder here, the validating decoder in safetensors-decode.ts (only loading needs it). Element codes
// and sizes come from src/dtypes.ts: F32, I32, I8, U8 and F16 are read and written; BF16 is read
// (widened to float32); any other code is refused naming it.
import { type DType, DTYPES, type TypedArray, bytesOf as elementBytes, toHalf } from '../dtypes.js';

/** The safetensors codes edgegrad reads (BF16 only reads, as float32). */
export type SafeDType = 'F32' | 'I32' | 'I8' | 'U8' | 'F16' | 'BF16';

export interface NamedTensor {
  name: string;
  dtype: DType;
  shape: number[];
  /** The values as a tensor reads them (float16 as Float32Array values). */
  data: TypedArray;
}

export interface Safetensors {
  tensors: NamedTensor[];
  metadata: Record<string, string>;
}

/** The largest header accepted (the reference implementation's limit). */
export const MAX_HEADER_BYTES = 100_000_000;

/** Code -> the dtype it loads as, and its bytes per element in the file. */
export const CODES: Record<SafeDType, { dtype: DType; bytes: number }> = {
  F32: { dtype: 'float32', bytes: 4 }, I32: { dtype: 'int32', bytes: 4 }, I8: { dtype: 'int8', bytes: 1 },
  U8: { dtype: 'uint8', bytes: 1 }, F16: { dtype: 'float16', bytes: 2 }, BF16: { dtype: 'float32', bytes: 2 },
};
export const KNOWN_OTHER = ['F64', 'I64', 'I16', 'U16', 'U32', 'U64', 'BOOL', 'F8_E4M3', 'F8_E5M2'];

export const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** The little-endian file bytes of a tensor's values in `dtype` (a copy; float16 rounds to its bits). */
function bytesOf(data: TypedArray, dtype: DType): Uint8Array {
  const size = elementBytes(dtype);
  let raw: ArrayBufferView;
  if (dtype === 'float16') {
    const h = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) h[i] = toHalf(data[i]);
    raw = h;
  } else if (data instanceof DTYPES[dtype].storage) {
    raw = data;
  } else {
    raw = new DTYPES[dtype].storage(data.length);
    (raw as TypedArray).set(data);
  }
  const out = new Uint8Array(raw.byteLength);
  out.set(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
  if (!littleEndian && size > 1) for (let i = 0; i < out.length; i += size) { out.subarray(i, i + size).reverse(); }
  return out;
}

/** Encodes tensors (in the given order) and string metadata; the data starts 8-byte aligned. */
export function encodeSafetensors(tensors: NamedTensor[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    if (t.name === '__metadata__' || t.name in header) throw new Error(`safetensors: duplicate or reserved tensor name '${t.name}'`);
    const info = Object.prototype.hasOwnProperty.call(DTYPES, t.dtype) ? DTYPES[t.dtype] : undefined;
    if (!info) throw new Error(`safetensors: tensor '${t.name}' has unsupported dtype ${String(t.dtype)}; edgegrad writes ${Object.keys(DTYPES).join(', ')}`);
    if (sizeOf(t.shape) !== t.data.length) throw new Error(`safetensors: tensor '${t.name}' has ${t.data.length} values for shape [${t.shape}]`);
    const n = t.data.length * info.bytes;
    header[t.name] = { dtype: info.safetensors, shape: [...t.shape], data_offsets: [offset, offset + n] };
    offset += n;
  }
  let json = JSON.stringify(header);
  const enc = new TextEncoder();
  let hb = enc.encode(json);
  // Pad with spaces so the data begins at a multiple of 8 (as the reference writer does).
  const pad = (8 - ((8 + hb.length) % 8)) % 8;
  if (pad) { json += ' '.repeat(pad); hb = enc.encode(json); }
  const out = new Uint8Array(8 + hb.length + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, hb.length, true);
  view.setUint32(4, 0, true);
  out.set(hb, 8);
  let at = 8 + hb.length;
  for (const t of tensors) { const b = bytesOf(t.data, t.dtype); out.set(b, at); at += b.length; }
  return out;
}

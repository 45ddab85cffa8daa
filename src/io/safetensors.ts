// The safetensors format (as huggingface/safetensors writes it): an 8-byte little-endian header
// length N, N bytes of JSON { name: { dtype, shape, data_offsets: [begin, end] }, __metadata__? },
// then the raw little-endian tensor bytes. Pure functions, no I/O; decode never reads past the buffer.
// Element codes and sizes come from src/dtypes.ts: F32, I32, I8, U8 and F16 are read and written;
// BF16 is read (widened to float32); any other code is refused naming it.
import { type DType, DTYPES, type TypedArray, bytesOf as elementBytes, fromBfloat16, toHalf, fromHalf } from '../dtypes.js';

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
const CODES: Record<SafeDType, { dtype: DType; bytes: number }> = {
  F32: { dtype: 'float32', bytes: 4 }, I32: { dtype: 'int32', bytes: 4 }, I8: { dtype: 'int8', bytes: 1 },
  U8: { dtype: 'uint8', bytes: 1 }, F16: { dtype: 'float16', bytes: 2 }, BF16: { dtype: 'float32', bytes: 2 },
};
const KNOWN_OTHER = ['F64', 'I64', 'I16', 'U16', 'U32', 'U64', 'BOOL', 'F8_E4M3', 'F8_E5M2'];

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function sizeOf(shape: readonly number[]): number {
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

const fail = (what: string, msg: string): never => { throw new Error(`${what}: ${msg}`); };

/**
 * Decodes and validates a safetensors buffer: header length within the buffer, UTF-8 JSON object,
 * dtypes F32/I32/I8/U8/F16/BF16, integer shapes, offsets inside the data, sizes matching shapes, no overlaps or
 * gaps, and no bytes beyond the last tensor. `what` names the source in error messages.
 */
export function decodeSafetensors(bytes: Uint8Array, what = 'safetensors'): Safetensors {
  if (!(bytes instanceof Uint8Array)) fail(what, `expected bytes (Uint8Array), got ${typeof bytes}`);
  if (bytes.length < 8) fail(what, `truncated: the file has ${bytes.length} bytes, fewer than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lo = view.getUint32(0, true), hi = view.getUint32(4, true);
  const n = hi * 2 ** 32 + lo;
  if (n > MAX_HEADER_BYTES) fail(what, `corrupt header: header length ${n} exceeds the ${MAX_HEADER_BYTES}-byte limit`);
  if (n < 2) fail(what, `corrupt header: header length ${n} is too small for a JSON object`);
  if (8 + n > bytes.length) fail(what, `truncated: the header claims ${n} bytes but only ${bytes.length - 8} follow the length field`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n));
  } catch {
    return fail(what, 'corrupt header: it is not valid UTF-8');
  }
  if (text[0] !== '{') fail(what, `corrupt header: it must start with '{', found ${JSON.stringify(text.slice(0, 16))}`);
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    return fail(what, `corrupt header: invalid JSON (${(e as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) fail(what, 'corrupt header: the JSON must be an object');
  const dataLen = bytes.length - 8 - n;
  const metadata: Record<string, string> = {};
  const entries: { name: string; code: SafeDType; shape: number[]; begin: number; end: number }[] = [];
  for (const [name, raw] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(what, 'corrupt header: __metadata__ must be an object of strings');
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof v !== 'string') fail(what, `corrupt header: __metadata__.${k} must be a string`);
        metadata[k] = v as string;
      }
      continue;
    }
    const info = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (info === null || typeof info !== 'object') fail(what, `corrupt header: entry '${name}' is not an object`);
    const code = typeof info.dtype === 'string' && Object.prototype.hasOwnProperty.call(CODES, info.dtype) ? info.dtype as SafeDType : undefined;
    if (!code) {
      const known = typeof info.dtype === 'string' && KNOWN_OTHER.includes(info.dtype);
      fail(what, `tensor '${name}' has ${known ? 'unsupported' : 'unknown'} dtype ${JSON.stringify(info.dtype)}; edgegrad reads ${Object.keys(CODES).join(', ')}`);
    }
    const shape = info.shape;
    if (!Array.isArray(shape) || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) {
      fail(what, `tensor '${name}' has an invalid shape ${JSON.stringify(shape)}; expected non-negative integers`);
    }
    const off = info.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || off.some((o) => !Number.isSafeInteger(o) || o < 0)) {
      fail(what, `tensor '${name}' has invalid data_offsets ${JSON.stringify(off)}; expected [begin, end]`);
    }
    const [begin, end] = off as number[];
    if (end < begin) fail(what, `tensor '${name}' has data_offsets [${begin}, ${end}] with end before begin`);
    if (end > dataLen) fail(what, `truncated: tensor '${name}' ends at byte ${end} of the data but the file holds only ${dataLen} data bytes`);
    const want = sizeOf(shape as number[]) * CODES[code!].bytes;
    if (end - begin !== want) fail(what, `tensor '${name}' has ${end - begin} bytes but shape [${shape as number[]}] of ${info.dtype} needs ${want}`);
    entries.push({ name, code: code!, shape: [...(shape as number[])], begin, end });
  }
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (e.begin < at) fail(what, `tensor '${e.name}' (bytes ${e.begin}-${e.end}) overlaps tensor '${sorted[i - 1].name}' (bytes ${sorted[i - 1].begin}-${sorted[i - 1].end})`);
    if (e.begin > at) fail(what, `corrupt offsets: ${e.begin - at} unclaimed bytes before tensor '${e.name}' at byte ${at}`);
    at = e.end;
  }
  if (at !== dataLen) fail(what, `corrupt offsets: the tensors cover ${at} data bytes but the file holds ${dataLen}`);
  const base = 8 + n;
  const tensors = entries.map((e): NamedTensor => {
    const { dtype, bytes: size } = CODES[e.code];
    const copy = bytes.slice(base + e.begin, base + e.end);
    if (!littleEndian && size > 1) for (let i = 0; i < copy.length; i += size) copy.subarray(i, i + size).reverse();
    const n = copy.length / size;
    let data: TypedArray;
    if (e.code === 'F16' || e.code === 'BF16') {
      const h = new Uint16Array(copy.buffer, 0, n);
      const f = new Float32Array(n);
      const widen = e.code === 'F16' ? fromHalf : fromBfloat16;
      for (let i = 0; i < n; i++) f[i] = widen(h[i]);
      data = f;
    } else {
      data = new (DTYPES[dtype].storage as unknown as new (b: ArrayBuffer, o: number, n: number) => TypedArray)(copy.buffer, 0, n);
    }
    return { name: e.name, dtype, shape: e.shape, data };
  });
  return { tensors, metadata };
}

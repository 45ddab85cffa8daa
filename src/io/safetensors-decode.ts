// The safetensors decoder (the format: safetensors.ts): validates a buffer and reads its tensors,
// never past the buffer. Loading models needs it, so it is a file of its own that a layers app,
// which only saves, does not ship (loading is lazy; eg.io imports it only where an app uses eg.io).
import { DTYPES, type TypedArray, fromBfloat16, fromHalf } from '../dtypes.js';
import { CODES, KNOWN_OTHER, MAX_HEADER_BYTES, type NamedTensor, type SafeDType, type Safetensors, littleEndian, sizeOf } from './safetensors.js';

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

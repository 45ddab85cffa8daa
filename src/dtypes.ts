// The dtype table: bytes per element, the host typed array, the safetensors code, per dtype. Every
// allocation, view and file reader asks it; nothing else hard-codes an element size.
//
// float16 is stored as its IEEE binary16 bits (a Uint16Array on the host, 2 bytes per element) and
// read back widened to float32 values (JavaScript has no Float16Array before Node 24).

export type DType = 'float32' | 'int32' | 'int8' | 'uint8' | 'float16';
/** What a tensor's values read back as: float32 and float16 as Float32Array, the integers as their own. */
export type TypedArray = Float32Array | Int32Array | Int8Array | Uint8Array;
/** A buffer's raw host storage (float16 as bits). */
export type StorageArray = Float32Array | Int32Array | Int8Array | Uint8Array | Uint16Array;

export interface DTypeInfo {
  readonly name: DType;
  /** Bytes per stored element. */
  readonly bytes: 1 | 2 | 4;
  /** Storage array of the raw elements (float16: Uint16Array of bits). */
  readonly storage: new (n: number) => StorageArray;
  /** The safetensors code written and read for it. */
  readonly safetensors: 'F32' | 'I32' | 'I8' | 'U8' | 'F16';
  /** Values are integers (cast from a float truncates toward zero, then wraps to the type). */
  readonly integer: boolean;
}

export const DTYPES: { readonly [D in DType]: DTypeInfo } = {
  float32: { name: 'float32', bytes: 4, storage: Float32Array, safetensors: 'F32', integer: false },
  int32: { name: 'int32', bytes: 4, storage: Int32Array, safetensors: 'I32', integer: true },
  int8: { name: 'int8', bytes: 1, storage: Int8Array, safetensors: 'I8', integer: true },
  uint8: { name: 'uint8', bytes: 1, storage: Uint8Array, safetensors: 'U8', integer: true },
  float16: { name: 'float16', bytes: 2, storage: Uint16Array, safetensors: 'F16', integer: false },
};

export const DTYPE_NAMES = Object.keys(DTYPES) as DType[];

export function isDType(d: unknown): d is DType {
  return typeof d === 'string' && Object.prototype.hasOwnProperty.call(DTYPES, d);
}

/** Bytes per element of `dtype`. */
export function bytesOf(dtype: DType): number {
  return DTYPES[dtype].bytes;
}

/** A zeroed host array for `n` values of `dtype` as read() returns them (float16: Float32Array). */
export function arrayFor(dtype: DType, n: number): TypedArray {
  switch (dtype) {
    case 'int32': return new Int32Array(n);
    case 'int8': return new Int8Array(n);
    case 'uint8': return new Uint8Array(n);
    default: return new Float32Array(n);
  }
}

/** A zeroed raw storage array for `n` elements of `dtype` (float16: Uint16Array of bits). */
export function storageFor(dtype: DType, n: number): StorageArray {
  return new DTYPES[dtype].storage(n);
}

// ---- float16 ------------------------------------------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The binary16 bits of `v` rounded to nearest even (overflow to Infinity, NaN stays NaN). */
export function toHalf(v: number): number {
  f32[0] = v;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 | (mant >>> 13) : 0);
  // NOTE: rounding happens on the float32 value, so float64 inputs round twice (as a Float32Array
  // store followed by a float32 -> float16 conversion would); the difference is below a half ulp.
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && (m & 1))) m++;
    return sign | m;
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (m & 1))) {
    m++;
    if (m === 0x400) { m = 0; e++; if (e >= 0x1f) return sign | 0x7c00; }
  }
  return sign | (e << 10) | m;
}

/** The value of binary16 bits `h`. */
export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** The value of bfloat16 bits `h` (the high half of a float32). */
export function fromBfloat16(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0];
}

/** Writes `values` into raw storage `dst` of `dtype` from `at`, converting (float16: to bits). */
export function writeValues(dst: StorageArray, dtype: DType, values: ArrayLike<number>, at = 0): void {
  if (dtype === 'float16') {
    for (let i = 0; i < values.length; i++) dst[at + i] = toHalf(values[i]);
  } else {
    // NOTE: an Int8Array/Uint8Array store ToInt8s/ToUint8s a value: NaN 0, truncation toward zero,
    // then modulo 2^8, the same rule as cast.
    dst.set(values, at);
  }
}

/** The values of raw storage `src` (n elements of `dtype` from `at`) as read() returns them: a copy. */
export function readValues(src: StorageArray, dtype: DType, at: number, n: number): TypedArray {
  if (dtype === 'float16') {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = fromHalf(src[at + i]);
    return out;
  }
  return src.slice(at, at + n) as TypedArray;
}

/**
 * The error for a kernel asked to work on a dtype it does not define (storage-only dtypes such as
 * int8 have create, cast, read and save/load, not arithmetic yet).
 */
export function dtypeUnsupported(op: string, dtype: DType, takes: readonly DType[]): Error {
  return new Error(`${op}: dtype ${dtype} is not supported; ${op} takes ${takes.join(' or ')}`
    + (DTYPES[dtype].bytes < 4 ? ` (${dtype} tensors can be created, cast, read and saved; use eg.cast(x, 'float32') to compute)` : ''));
}

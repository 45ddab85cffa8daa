// Batched f32 GEMM with a fused epilogue: C[p] = act(op(A[p]) op(B[p]) + bias), C row-major [M, N].
// One driver serves every transpose form: B is packed into NR-wide panels (which undoes its
// transpose), A is read in place through two strides or packed into MR-tall panels when it pays,
// and one 4x8 register tile (4x4, 1x8, 1x4 at the edges) does all the arithmetic.
// NOTE: plain loops on purpose; Binaryen folds hand-unrolled k-loops into trees that spill.
import { madd, storeTransposed4x4, vgelu, vsigmoid, vtanh } from './math';

const ZERO: v128 = i32x4.splat(0);

/** Register tile (MR rows x NR columns), K block, and the rows / columns of one cache block. */
const MR = 4;
const NR = 8;
const KC = 256;
const MC = 128;
const NC = 1024;

/** Activations of the epilogue (the `act` argument; bindings/abi.ts mirrors them as GemmActivation). */
const ACT_LINEAR = 0;
const ACT_RELU = 1;
const ACT_GELU = 2;
const ACT_SIGMOID = 3;
const ACT_TANH = 4;

/** Scratch the kernels need at `work` for these sizes: packed B block, packed A block, edge tile, bias. */
export function f32_gemm_work_bytes(M: i32, N: i32, K: i32): i32 {
  const kc = min(max(K, 1), KC), nc = (min(N, NC) + NR - 1) & ~(NR - 1);
  const mc = min(M, MC) & ~(MR - 1);
  return (kc * nc + mc * kc + MR * NR + ((N + NR - 1) & ~(NR - 1))) << 2;
}

// ---- packing ----------------------------------------------------------------------------------

/**
 * Packs a kc x w block of a matrix whose element (k, j) lies at src + k*ks + j*js (bytes) into
 * dst as kc rows of `width` (4 or 8) floats, zero-padded past w. js == 4 copies rows; ks == 4
 * (a transposed operand) goes through 4x4 register transposes.
 */
function pack(src: usize, ks: usize, js: usize, kc: i32, w: i32, width: i32, dst: usize): void {
  const ds = <usize>width << 2;
  if (w == width && js == 4) {
    for (let k = 0; k < kc; k++) {
      v128.store(dst, v128.load(src));
      if (width == 8) v128.store(dst, v128.load(src, 16), 16);
      src += ks;
      dst += ds;
    }
    return;
  }
  let k = 0;
  if (w == width && ks == 4) {
    for (; k + 4 <= kc; k += 4) {
      for (let g = 0; g < width; g += 4) {
        const s = src + <usize>g * js + (<usize>k << 2);
        storeTransposed4x4(dst + <usize>k * ds + (<usize>g << 2), ds,
          v128.load(s), v128.load(s + js), v128.load(s + 2 * js), v128.load(s + 3 * js));
      }
    }
  }
  for (; k < kc; k++) {
    const d = dst + <usize>k * ds, s = src + <usize>k * ks;
    v128.store(d, ZERO);
    if (width == 8) v128.store(d, ZERO, 16);
    for (let j = 0; j < w; j++) store<f32>(d + (<usize>j << 2), load<f32>(s + <usize>j * js));
  }
}

// ---- the register tile ------------------------------------------------------------------------

/** Applies `act` to the 4-lane group v. */
export function activate(v: v128, act: i32): v128 {
  if (act == ACT_RELU) return f32x4.add(f32x4.pmax(v, ZERO), ZERO);
  if (act == ACT_GELU) return vgelu(v);
  if (act == ACT_SIGMOID) return vsigmoid(v);
  if (act == ACT_TANH) return vtanh(v);
  return v;
}

/** Applies `act` in place to `rows` rows of `nv` 4-lane groups at c, rows ldc bytes apart (a tile still in L1). */
function activateTile(c: usize, ldc: usize, rows: i32, nv: i32, act: i32): void {
  for (let i = 0; i < rows; i++) {
    for (let v = 0; v < nv; v++) {
      const p = c + <usize>i * ldc + (<usize>v << 4);
      v128.store(p, activate(v128.load(p), act));
    }
  }
}

/**
 * One MRT x (4 NV) tile over kc steps: A(i, k) at a + i*ars + k*acs, B row k (4 NV floats) at
 * b + k*bs, all in bytes. The result goes to c (rows ldc bytes apart), added to what is there
 * when `acc`, and with the bias row at `bias` (0: none) added before the store.
 */
@inline function tile(a: usize, ars: usize, acs: usize, b: usize, bs: usize, kc: i32, c: usize, ldc: usize,
  acc: bool, bias: usize, MRT: i32, NV: i32): void {
  let c0x0123 = ZERO, c0x4567 = ZERO, c1x0123 = ZERO, c1x4567 = ZERO;
  let c2x0123 = ZERO, c2x4567 = ZERO, c3x0123 = ZERO, c3x4567 = ZERO;
  for (let k = 0; k < kc; k++) {
    const b0123 = v128.load(b);
    const b4567 = NV == 2 ? v128.load(b, 16) : ZERO;
    const a0 = v128.load32_splat(a);
    c0x0123 = madd(a0, b0123, c0x0123);
    if (NV == 2) c0x4567 = madd(a0, b4567, c0x4567);
    if (MRT == 4) {
      const a1 = v128.load32_splat(a + ars);
      c1x0123 = madd(a1, b0123, c1x0123);
      if (NV == 2) c1x4567 = madd(a1, b4567, c1x4567);
      const a2 = v128.load32_splat(a + 2 * ars);
      c2x0123 = madd(a2, b0123, c2x0123);
      if (NV == 2) c2x4567 = madd(a2, b4567, c2x4567);
      const a3 = v128.load32_splat(a + 3 * ars);
      c3x0123 = madd(a3, b0123, c3x0123);
      if (NV == 2) c3x4567 = madd(a3, b4567, c3x4567);
    }
    a += acs;
    b += bs;
  }
  if (acc) {
    c0x0123 = f32x4.add(c0x0123, v128.load(c));
    if (NV == 2) c0x4567 = f32x4.add(c0x4567, v128.load(c, 16));
    if (MRT == 4) {
      c1x0123 = f32x4.add(c1x0123, v128.load(c + ldc));
      if (NV == 2) c1x4567 = f32x4.add(c1x4567, v128.load(c + ldc, 16));
      c2x0123 = f32x4.add(c2x0123, v128.load(c + 2 * ldc));
      if (NV == 2) c2x4567 = f32x4.add(c2x4567, v128.load(c + 2 * ldc, 16));
      c3x0123 = f32x4.add(c3x0123, v128.load(c + 3 * ldc));
      if (NV == 2) c3x4567 = f32x4.add(c3x4567, v128.load(c + 3 * ldc, 16));
    }
  }
  if (bias != 0) {
    const bias0123 = v128.load(bias);
    const bias4567 = NV == 2 ? v128.load(bias, 16) : ZERO;
    c0x0123 = f32x4.add(c0x0123, bias0123);
    if (NV == 2) c0x4567 = f32x4.add(c0x4567, bias4567);
    if (MRT == 4) {
      c1x0123 = f32x4.add(c1x0123, bias0123);
      if (NV == 2) c1x4567 = f32x4.add(c1x4567, bias4567);
      c2x0123 = f32x4.add(c2x0123, bias0123);
      if (NV == 2) c2x4567 = f32x4.add(c2x4567, bias4567);
      c3x0123 = f32x4.add(c3x0123, bias0123);
      if (NV == 2) c3x4567 = f32x4.add(c3x4567, bias4567);
    }
  }
  v128.store(c, c0x0123);
  if (NV == 2) v128.store(c, c0x4567, 16);
  if (MRT == 4) {
    v128.store(c + ldc, c1x0123);
    if (NV == 2) v128.store(c + ldc, c1x4567, 16);
    v128.store(c + 2 * ldc, c2x0123);
    if (NV == 2) v128.store(c + 2 * ldc, c2x4567, 16);
    v128.store(c + 3 * ldc, c3x0123);
    if (NV == 2) v128.store(c + 3 * ldc, c3x4567, 16);
  }
}

/** Copies rows x w (< 8) floats between two row-major tiles. */
// NOTE: @inline: with asconfig's shrinkLevel 1, Binaryen would leave this a call inside panel and
// the GEMM would lose a few percent; forced inline, the GEMM code is the same as at shrinkLevel 0.
@inline function copyTile(src: usize, ss: usize, dst: usize, ds: usize, rows: i32, w: i32): void {
  // NOTE: element loops, not memory.copy: V8 runs that through a call, slow for a few bytes.
  for (let i = 0; i < rows; i++) {
    const s = src + <usize>i * ss, d = dst + <usize>i * ds;
    let j = 0;
    if (w >= 4) { v128.store(d, v128.load(s)); j = 4; }
    for (; j < w; j++) store<f32>(d + (<usize>j << 2), load<f32>(s + (<usize>j << 2)));
  }
}

/**
 * The tiles of one B panel (kc x 4 NV floats, bs bytes per k; w of its columns are real)
 * against MC rows of A. Full tiles go straight to C; a partial one goes through the edge tile.
 */
function panel<Width>(a: usize, ars: usize, acs: usize, ap: usize, rows: i32, b: usize, bs: usize, kc: i32,
  c: usize, ldc: usize, w: i32, acc: bool, bias: usize, act: i32, edge: usize): void {
  // NOTE: the width is a type (u64: 8 columns, u32: 4) so that each is its own function with NV a
  // constant; passed as a value, Binaryen merges both into one loop that tests NV at every k.
  const NV = <i32>(sizeof<Width>() >> 2);
  const full = w == NV * 4;
  const rows4 = rows & ~(MR - 1);
  // A packed (ap != 0) is MR floats per k, panels kc * MR floats apart.
  const aStep: usize = ap != 0 ? <usize>(kc * MR * 4) : <usize>MR * ars;
  const ars4: usize = ap != 0 ? 4 : ars;
  const acs4: usize = ap != 0 ? <usize>(MR * 4) : acs;
  let pa = ap != 0 ? ap : a;
  for (let i = 0; i < rows; ) {
    const m = i < rows4 ? MR : 1;
    const pc = c + <usize>i * ldc;
    // Rows past the packed ones are read in place.
    const ra = i < rows4 ? pa : a + <usize>i * ars;
    const rs = i < rows4 ? ars4 : ars;
    const cs = i < rows4 ? acs4 : acs;
    if (full) {
      if (m == MR) tile(ra, rs, cs, b, bs, kc, pc, ldc, acc, bias, MR, NV);
      else tile(ra, rs, cs, b, bs, kc, pc, ldc, acc, bias, 1, NV);
      if (act != ACT_LINEAR) activateTile(pc, ldc, m, NV, act);
    } else {
      const ts: usize = NR << 2;
      if (acc) copyTile(pc, ldc, edge, ts, m, w);
      if (m == MR) tile(ra, rs, cs, b, bs, kc, edge, ts, acc, bias, MR, NV);
      else tile(ra, rs, cs, b, bs, kc, edge, ts, acc, bias, 1, NV);
      if (act != ACT_LINEAR) activateTile(edge, ts, m, NV, act);
      copyTile(edge, ts, pc, ldc, m, w);
    }
    if (i < rows4) pa += aStep;
    i += m;
  }
}

// ---- B packed ahead (the packed-weight cache) ---------------------------------------------------

/**
 * Byte offset of block (jc, pc) in a whole packed B: the NC-column blocks one after the other, each
 * its K blocks (kc x nc rounded up to NR) one after the other, in gemm's panel layout.
 */
@inline function packBlock(jc: i32, pc: i32, nc: i32, K: i32): usize {
  return (<usize>jc * <usize>K + <usize>pc * <usize>((nc + NR - 1) & ~(NR - 1))) << 2;
}

/** Bytes f32_gemm_pack_b writes for B with K rows and N columns. */
export function f32_gemm_packed_bytes(N: i32, K: i32): usize {
  let n: usize = 0;
  for (let jc = 0; jc < N; jc += NC) n += <usize>((min(NC, N - jc) + NR - 1) & ~(NR - 1));
  return (n * <usize>K) << 2;
}

/**
 * Packs all of B [K, N] (stored [N, K] when transB; rows ldb elements long) into dst
 * (f32_gemm_packed_bytes(N, K) bytes) as every call of gemm would pack it, block by block.
 */
export function f32_gemm_pack_b(b: usize, N: i32, K: i32, ldb: i32, transB: bool, dst: usize): void {
  const lb = <usize>ldb << 2;
  const bks: usize = transB ? 4 : lb, bjs: usize = transB ? lb : 4;
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      const bBlock = b + <usize>pc * bks + <usize>jc * bjs, out = dst + packBlock(jc, pc, nc, K);
      for (let jr = 0; jr < nc; jr += NR) {
        const w = min(NR, nc - jr);
        pack(bBlock + <usize>jr * bjs, bks, bjs, kc, w, w <= 4 ? 4 : NR, out + (<usize>(jr * kc) << 2));
      }
    }
  }
}

/**
 * C[p] = act(op(A[p]) B + bias) with B packed ahead by f32_gemm_pack_b (one B for the whole batch);
 * A as in f32_gemm_nn / f32_gemm_tn (transA). `work` holds f32_gemm_work_bytes(M, N, K) bytes.
 */
export function f32_gemm_packed(a: usize, packed: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldc: i32,
  batch: i32, strideA: i32, strideC: i32, bias: usize, act: i32, work: usize, transA: bool): void {
  const la = <usize>lda << 2;
  const ars: usize = transA ? 4 : la, acs: usize = transA ? la : 4;
  const packA = M >= 2 * MR && N > 4 * NR && K > 64 && (transA ? lda >= 256 : lda >= 512);
  for (let p = 0; p < batch; p++) {
    gemm(a + (<usize>(p * strideA) << 2), ars, acs, 0, 0, 0, c + (<usize>(p * strideC) << 2), <usize>ldc << 2,
      M, N, K, bias, act, work, packA, true, false, packed);
  }
}

/**
 * C = act(A B + bias) for one matrix (C += A B when `accumulate`). A(i, k) at a + i*ars + k*acs and
 * B(k, j) at b + k*bks + j*bjs (bytes); bias is N floats or 0. `packA` packs A's full MR-row panels
 * per block. `work` holds f32_gemm_work_bytes(M, N, K) bytes. Also the convolutions' GEMM (conv.ts).
 * `packed` (not 0): B already packed whole by f32_gemm_pack_b; b, bks and bjs are then unused.
 */
export function gemm(a: usize, ars: usize, acs: usize, b: usize, bks: usize, bjs: usize, c: usize, ldc: usize,
  M: i32, N: i32, K: i32, bias: usize, act: i32, work: usize, packA: bool, packB: bool, accumulate: bool = false,
  packed: usize = 0): void {
  const kcMax = min(max(K, 1), KC), ncMax = (min(N, NC) + NR - 1) & ~(NR - 1);
  const bPack = work;
  const aPack = bPack + (<usize>(kcMax * ncMax) << 2);
  const edge = aPack + (<usize>((min(M, MC) & ~(MR - 1)) * kcMax) << 2);
  const biasPad = edge + MR * NR * 4;
  if (bias != 0) {
    const n8 = (N + NR - 1) & ~(NR - 1);
    memory.fill(biasPad + (<usize>N << 2), 0, <usize>(n8 - N) << 2);
    memory.copy(biasPad, bias, <usize>N << 2);
  }
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc == 0 || pc < K; pc += KC) {
      const kc = min(KC, K - pc);
      const acc = pc > 0 || accumulate, last = pc + kc >= K;
      const bBlock = b + <usize>pc * bks + <usize>jc * bjs;
      // B packed ahead (f32_gemm_pack_b): this block's panels lie where packBlock puts them.
      const bPanels = packed != 0 ? packed + packBlock(jc, pc, nc, K) : bPack;
      // Packs the block's panels: NR wide, the last one 4 wide when at most 4 columns remain.
      if (packed == 0 && (packB || nc % NR != 0)) {
        for (let jr = packB ? 0 : nc & ~(NR - 1); jr < nc; jr += NR) {
          const w = min(NR, nc - jr);
          pack(bBlock + <usize>jr * bjs, bks, bjs, kc, w, w <= 4 ? 4 : NR, bPack + (<usize>(jr * kc) << 2));
        }
      }
      const epBias = last && bias != 0 ? biasPad + (<usize>jc << 2) : 0;
      const epAct = last ? act : ACT_LINEAR;
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        const aBlock = a + <usize>ic * ars + <usize>pc * acs;
        if (packA) {
          for (let ir = 0; ir + MR <= mc; ir += MR) {
            pack(aBlock + <usize>ir * ars, acs, ars, kc, MR, MR, aPack + (<usize>(ir * kc) << 2));
          }
        }
        for (let jr = 0; jr < nc; jr += NR) {
          const w = min(NR, nc - jr);
          const direct = packed == 0 && !packB && w == NR;
          const pb = direct ? bBlock + <usize>jr * bjs : bPanels + (<usize>(jr * kc) << 2);
          const pcC = c + <usize>ic * ldc + (<usize>(jc + jr) << 2);
          const pBias = epBias != 0 ? epBias + (<usize>jr << 2) : 0;
          if (w > 4) {
            panel<u64>(aBlock, ars, acs, packA ? aPack : 0, mc, pb, direct ? bks : NR * 4, kc, pcC, ldc, w, acc, pBias, epAct, edge);
          } else {
            panel<u32>(aBlock, ars, acs, packA ? aPack : 0, mc, pb, 16, kc, pcC, ldc, w, acc, pBias, epAct, edge);
          }
        }
      }
    }
  }
}

/**
 * The batched entry for all forms: A [M, K] (or stored [K, M] when transA), B [K, N] (or stored
 * [N, K] when transB), leading dims and batch strides in elements (a batch stride of 0 broadcasts
 * that operand). `work` holds f32_gemm_work_bytes(M, N, K) bytes of scratch.
 */
@inline function batched(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize, transA: bool, transB: bool): void {
  const la = <usize>lda << 2, lb = <usize>ldb << 2;
  const ars: usize = transA ? 4 : la, acs: usize = transA ? la : 4;
  const bks: usize = transB ? 4 : lb, bjs: usize = transB ? lb : 4;
  // B is packed unless it is stored [K, N] and A has too few rows to repay the copy: read in place,
  // a panel's rows lie ldb apart and, for power-of-two ldb, fall into a few L1 sets.
  const packB = transB || M > 8;
  // A is packed where many B panels reuse it and its rows lie far apart.
  const packA = M >= 2 * MR && N > 4 * NR && K > 64 && (transA ? lda >= 256 : lda >= 512);
  for (let p = 0; p < batch; p++) {
    gemm(a + (<usize>(p * strideA) << 2), ars, acs, b + (<usize>(p * strideB) << 2), bks, bjs,
      c + (<usize>(p * strideC) << 2), <usize>ldc << 2, M, N, K, bias, act, work, packA, packB);
  }
}

/** C = A B: A [M, K] (lda), B [K, N] (ldb). */
export function f32_gemm_nn(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, false, false);
}

/** C = A^T B: A stored [K, M] (lda), B [K, N] (ldb). */
export function f32_gemm_tn(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, true, false);
}

/** C = A B^T: A [M, K] (lda), B stored [N, K] (ldb). */
export function f32_gemm_nt(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, false, true);
}

/** C = A^T B^T: A stored [K, M] (lda), B stored [N, K] (ldb). */
export function f32_gemm_tt(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, lda: i32, ldb: i32, ldc: i32,
  batch: i32, strideA: i32, strideB: i32, strideC: i32, bias: usize, act: i32, work: usize): void {
  batched(a, b, c, M, N, K, lda, ldb, ldc, batch, strideA, strideB, strideC, bias, act, work, true, true);
}

/**
 * act(A B + bias) (or C += A B) for operands given by byte strides, packing as `batched` decides:
 * the convolutions' entry (conv.ts). `work` holds f32_gemm_work_bytes(M, N, K) bytes.
 */
export function gemmStrided(a: usize, ars: usize, acs: usize, b: usize, bks: usize, bjs: usize, c: usize, ldc: usize,
  M: i32, N: i32, K: i32, bias: usize, act: i32, work: usize, accumulate: bool): void {
  const packB = bjs != 4 || M > 8;
  const packA = M >= 2 * MR && N > 4 * NR && K > 64 && (ars == 4 ? acs >= 1024 : ars >= 2048);
  gemm(a, ars, acs, b, bks, bjs, c, ldc, M, N, K, bias, act, work, packA, packB, accumulate);
}

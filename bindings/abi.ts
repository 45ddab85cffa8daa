// The kernel module's exports as TypeScript sees them: pointers are byte offsets into the shared memory,
// sizes and strides are element counts, and every kernel writes its output in place.

type Ptr = number;
/** x -> out, n elements. */
type Unary = (x: Ptr, out: Ptr, n: number) => void;
/** (dy, v) -> out, n elements. */
type Grad = (dy: Ptr, v: Ptr, out: Ptr, n: number) => void;
/** Broadcasting binary op; `params` holds rank, out shape, a strides, b strides (see ParamsLayout). */
type Binary = (a: Ptr, b: Ptr, out: Ptr, params: Ptr) => void;
/** x [outer, R, inner] -> out [outer, inner]. */
type Reduce = (x: Ptr, out: Ptr, outer: number, R: number, inner: number) => void;
/** x [rows, C] -> out [rows, C]. */
type RowWise = (x: Ptr, out: Ptr, rows: number, C: number) => void;
/** logits [rows, C], labels -> loss [rows]. */
type Loss = (logits: Ptr, labels: Ptr, out: Ptr, rows: number, C: number) => void;
/**
 * Batched C[p] = act(op(A[p]) op(B[p]) + bias) with C [M, N]; lda/ldb/ldc are the stored row lengths
 * and the batch strides are in elements (0 broadcasts an operand). bias: N floats, or 0 for none;
 * act: a GemmActivation; work: f32_gemm_work_bytes(M, N, K) bytes of scratch, 16-byte aligned.
 */
type Gemm = (a: Ptr, b: Ptr, c: Ptr, M: number, N: number, K: number, lda: number, ldb: number, ldc: number,
  batch: number, strideA: number, strideB: number, strideC: number, bias: Ptr, act: number, work: Ptr) => void;

/** The GEMM epilogue's activations (the `act` argument). Mirrors assembly/gemm.ts. */
export const GemmActivation = { linear: 0, relu: 1, gelu: 2, sigmoid: 3, tanh: 4 } as const;

/** The GEMM register tiles, rows x columns (the `tile` of f32_gemm_set_tile). Mirrors assembly/gemm.ts. */
export const GemmTile = { '4x8': 0, '4x16': 1, '3x12': 2 } as const;
export type GemmTileName = keyof typeof GemmTile;

/**
 * The params block of the conv family (i32 slots, indices): x [N, H, W, C], out [N, OH, OW, O],
 * window [KH, KW], strides, dilations, the top and left pads, groups. Pooling: O = C, KH/KW its
 * poolSize. Mirrors assembly/conv.ts.
 */
export const ConvParams = {
  N: 0, H: 1, W: 2, C: 3, OH: 4, OW: 5, O: 6, KH: 7, KW: 8,
  strideH: 9, strideW: 10, dilationH: 11, dilationW: 12, padTop: 13, padLeft: 14, groups: 15,
} as const;

/** The params block for N-d kernels (i32 slots, byte offsets). Mirrors assembly/layout.ts. */
export const ParamsLayout = {
  maxRank: 8,
  rank: 0,
  shape: 4,
  strideA: 36,
  strideB: 68,
  /** Kernel scratch (index counters) from here; the block needs `bytes` in all. */
  counter: 100,
  bytes: 132,
} as const;

export interface WasmKernels {
  /** First byte after the module's static data. */
  heap_base(): number;

  f32_neg: Unary; f32_exp: Unary; f32_log: Unary; f32_sqrt: Unary; f32_square: Unary; f32_abs: Unary;
  f32_sign: Unary; f32_reciprocal: Unary; f32_relu: Unary; f32_sigmoid: Unary; f32_tanh: Unary; f32_gelu: Unary;
  f32_leaky_relu(x: Ptr, out: Ptr, n: number, alpha: number): void;
  /** lo, hi: the bounds rounded to float32. */
  f32_clip(x: Ptr, out: Ptr, n: number, lo: number, hi: number): void;
  f32_floor: Unary; f32_ceil: Unary; f32_round: Unary; f32_sin: Unary; f32_cos: Unary;

  i32_neg: Unary; i32_abs: Unary; i32_square: Unary; i32_sign: Unary;

  f32_relu_grad: Grad; f32_sigmoid_grad: Grad; f32_tanh_grad: Grad; f32_gelu_grad: Grad;
  f32_leaky_relu_grad(dy: Ptr, x: Ptr, out: Ptr, n: number, alpha: number): void;
  /** lo, hi: float32 bounds with lo <= x <= hi exactly when min <= x <= max for every float32 x. */
  f32_clip_grad(dy: Ptr, x: Ptr, out: Ptr, n: number, lo: number, hi: number): void;

  f32_add: Binary; f32_sub: Binary; f32_mul: Binary; f32_div: Binary; f32_pow: Binary;
  f32_maximum: Binary; f32_minimum: Binary;
  f32_greater: Binary; f32_greater_equal: Binary; f32_less: Binary; f32_less_equal: Binary;
  f32_equal: Binary; f32_not_equal: Binary;
  i32_add: Binary; i32_sub: Binary; i32_mul: Binary; i32_maximum: Binary; i32_minimum: Binary;
  i32_greater: Binary; i32_greater_equal: Binary; i32_less: Binary; i32_less_equal: Binary;
  i32_equal: Binary; i32_not_equal: Binary;

  f32_sum: Reduce; f32_max: Reduce; f32_min: Reduce; f32_argmax: Reduce; f32_argmin: Reduce;
  i32_sum: Reduce; i32_max: Reduce; i32_min: Reduce; i32_argmax: Reduce; i32_argmin: Reduce;

  f32_softmax: RowWise; f32_log_softmax: RowWise;
  f32_softmax_cross_entropy: Loss;
  /** labels int32 [rows]. */
  f32_sparse_softmax_cross_entropy: Loss;

  f32_gemm_nn: Gemm; f32_gemm_nt: Gemm; f32_gemm_tn: Gemm; f32_gemm_tt: Gemm;
  /** Bytes of scratch the gemm kernels need for one [M, K] x [K, N] product (packed panels). */
  f32_gemm_work_bytes(M: number, N: number, K: number): number;
  /** Bytes of B [K, N] packed whole by f32_gemm_pack_b (the packed-weight cache). */
  f32_gemm_packed_bytes(N: number, K: number): number;
  /** Packs B [K, N] (stored [N, K] when transB = 1; rows ldb long) into dst, f32_gemm_packed_bytes(N, K) bytes. */
  f32_gemm_pack_b(b: Ptr, N: number, K: number, ldb: number, transB: number, dst: Ptr): void;
  /** Batched C[p] = act(op(A[p]) B + bias) with B packed by f32_gemm_pack_b (shared by the batch); transA: 0 or 1. */
  f32_gemm_packed(a: Ptr, packed: Ptr, c: Ptr, M: number, N: number, K: number, lda: number, ldc: number,
    batch: number, strideA: number, strideC: number, bias: Ptr, act: number, work: Ptr, transA: number): void;
  /** Chooses the register tile (a GemmTile) of this instance's later GEMMs; 0 (and no change) for an unknown id. */
  f32_gemm_set_tile(tile: number): number;
  /** The GemmTile in use. */
  f32_gemm_tile(): number;
  /** The start-up probe: `reps` runs of tile `tile`'s register kernel over kc steps on a cache-resident block at work. */
  f32_gemm_tile_probe(tile: number, work: Ptr, kc: number, reps: number): void;
  /** Bytes of f32_gemm_tile_probe's block for this kc. */
  f32_gemm_tile_probe_bytes(kc: number): number;

  /** N-d strided copy of 4-byte elements; params: rank, shape, src strides (A), dst strides (B). */
  x32_copy_nd(src: Ptr, dst: Ptr, params: Ptr): void;
  /** Fills n elements with the 32-bit pattern `bits`. */
  x32_fill(out: Ptr, n: number, bits: number): void;
  /** x [outer, N, inner], idx int32 [M] -> out [outer, M, inner]. */
  x32_gather(x: Ptr, idx: Ptr, out: Ptr, outer: number, N: number, inner: number, M: number): void;
  /** dy [outer, M, inner], idx int32 [M] -> out [outer, n, inner]. */
  f32_scatter_add(dy: Ptr, idx: Ptr, out: Ptr, outer: number, M: number, inner: number, n: number): void;
  f32_one_hot(idx: Ptr, out: Ptr, n: number, depth: number): void;
  f32_cast_i32: Unary;
  i32_cast_f32: Unary;

  // Convolution and pooling, NHWC (assembly/conv.ts); params: a ConvParams block.
  /** Scratch bytes for kind 0 (conv2d), 1 (backprop input), 2 (backprop filter); 16-byte aligned at `work`. */
  f32_conv_work_bytes(params: Ptr, kind: number): number;
  /** x, w [KH, KW, C/G, O], bias (O floats or 0) -> act(conv + bias); act: a GemmActivation. */
  f32_conv2d(x: Ptr, w: Ptr, bias: Ptr, out: Ptr, act: number, params: Ptr, work: Ptr): void;
  /** Bytes of the forward conv's filter packed ahead (0: that path reads the filter in place). */
  f32_conv_packed_bytes(params: Ptr): number;
  /** Packs w for the forward conv of params into dst (f32_conv_packed_bytes bytes): the conv filter cache. */
  f32_conv_pack_filter(w: Ptr, params: Ptr, dst: Ptr): void;
  /** f32_conv2d on a filter packed by f32_conv_pack_filter. */
  f32_conv2d_packed(x: Ptr, packed: Ptr, bias: Ptr, out: Ptr, act: number, params: Ptr, work: Ptr): void;
  f32_conv2d_backprop_input(dy: Ptr, w: Ptr, dx: Ptr, params: Ptr, work: Ptr): void;
  /** Scratch bytes of f32_conv2d_max_pool for the conv of params: one chunk of images' conv output and the conv's own. */
  f32_conv2d_max_pool_work_bytes(params: Ptr): number;
  /**
   * max_pool(act(conv(x, w) + bias)) per chunk of images, the conv output never whole; packed: the filter
   * cache's panels or 0; pool: a ConvParams block of the pooling over the conv output (inference).
   */
  f32_conv2d_max_pool(x: Ptr, w: Ptr, packed: Ptr, bias: Ptr, out: Ptr, act: number, params: Ptr, pool: Ptr, work: Ptr): void;
  f32_conv2d_backprop_filter(x: Ptr, dy: Ptr, dw: Ptr, params: Ptr, work: Ptr): void;
  f32_max_pool2d(x: Ptr, out: Ptr, params: Ptr): void;
  f32_max_pool2d_grad(x: Ptr, dy: Ptr, dx: Ptr, params: Ptr): void;
  f32_avg_pool2d(x: Ptr, out: Ptr, params: Ptr): void;
  f32_avg_pool2d_grad(dy: Ptr, dx: Ptr, params: Ptr): void;
  /** Training batch-norm over the columns of x [rows, C] (KernelAttrs.batchNormTrain); rows >= 1. */
  f32_batch_norm_train(x: Ptr, gamma: Ptr, beta: Ptr, y: Ptr, mean: Ptr, variance: Ptr, rows: number, C: number, eps: number): void;
  /** Its gradient (KernelAttrs.batchNormTrainGrad); rows >= 1. */
  f32_batch_norm_train_grad(x: Ptr, gamma: Ptr, mean: Ptr, variance: Ptr, dy: Ptr, dmean: Ptr, dvar: Ptr,
    dx: Ptr, dgamma: Ptr, dbeta: Ptr, rows: number, C: number, eps: number): void;

  // Fused attention (assembly/attention.ts): see KernelAttrs.attention; mask 0 for none, maskStride
  // Tq·Tk or 0 (one mask for every batch), causal 0 or 1, work: f32_attention_work_bytes(Tk, D, Dv) bytes.
  f32_attention_work_bytes(Tk: number, D: number, Dv: number): number;
  f32_attention(q: Ptr, k: Ptr, v: Ptr, mask: Ptr, out: Ptr, lse: Ptr,
    B: number, Tq: number, Tk: number, D: number, Dv: number, maskStride: number, scale: number, causal: number, work: Ptr): void;
  f32_attention_grad(q: Ptr, k: Ptr, v: Ptr, out: Ptr, lse: Ptr, dy: Ptr, mask: Ptr, dq: Ptr, dk: Ptr, dv: Ptr,
    B: number, Tq: number, Tk: number, D: number, Dv: number, maskStride: number, scale: number, causal: number, work: Ptr): void;
  /** x [rows, C], gamma, beta [C] -> y, mean [rows], rstd [rows] (KernelAttrs.layerNorm). */
  f32_layer_norm(x: Ptr, g: Ptr, b: Ptr, y: Ptr, mean: Ptr, rstd: Ptr, rows: number, C: number, eps: number): void;
  f32_layer_norm_grad(x: Ptr, g: Ptr, mean: Ptr, rstd: Ptr, dy: Ptr, dx: Ptr, dg: Ptr, db: Ptr, rows: number, C: number): void;

  // Optimizer updates, in place (assembly/optim.ts). decay = lr * weightDecay (decoupled, applied first).
  f32_sgd_update(param: Ptr, grad: Ptr, n: number, lr: number, decay: number): void;
  f32_sgd_momentum_update(param: Ptr, grad: Ptr, vel: Ptr, n: number, lr: number, momentum: number, nesterov: number, decay: number): void;
  /** alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t). */
  f32_adam_update(param: Ptr, grad: Ptr, m: Ptr, v: Ptr, n: number,
    alpha: number, oneMinusBeta1: number, oneMinusBeta2: number, eps: number, decay: number): void;
  /** mom = 0 without momentum, mg = 0 unless centered. */
  f32_rmsprop_update(param: Ptr, grad: Ptr, ms: Ptr, mom: Ptr, mg: Ptr, n: number,
    lr: number, rho: number, oneMinusRho: number, momentum: number, eps: number, decay: number): void;
  f32_adagrad_update(param: Ptr, grad: Ptr, acc: Ptr, n: number, lr: number, eps: number, decay: number): void;

  // Int8 GEMM (assembly/qgemm.ts).
  /** Bytes of the packed form of int8 weights [K, N]. */
  i8_qpack_bytes(K: number, N: number): number;
  /** int8 w [K, N] -> packed panels + column sums (src/kernels.ts `qpack`). */
  i8_qpack(w: Ptr, out: Ptr, K: number, N: number): void;
  /** Scratch bytes of i8_qgemm. */
  i8_qgemm_work_bytes(M: number, N: number, K: number): number;
  /** The activation levels L of the path i8_qgemm takes for this `relaxed` argument (127 or 63). */
  i8_qgemm_levels(relaxed: number): number;
  /** x f32 [M, K], packed w, colScale [N], bias (or 0) -> out [M, N]; range > 0 static; relaxed: the dot form (1 or 2) the probe found exact, else 0. */
  i8_qgemm(x: Ptr, wp: Ptr, colScale: Ptr, bias: Ptr, out: Ptr, M: number, N: number, K: number,
    range: number, act: number, work: Ptr, relaxed: number): void;
  /** out (4 i32) = the relaxed dot of a, b plus c in form `variant` (1 fused, 2 i16 dot + extadd); returns 0 (nothing written) without relaxed SIMD. */
  i8_relaxed_dot_probe(a: Ptr, b: Ptr, c: Ptr, out: Ptr, variant: number): number;
  /** x [N, H, W, C] -> patches [N OH OW, KH KW C]; params: a ConvParams block (O, groups unused). */
  f32_im2col(x: Ptr, out: Ptr, params: Ptr): void;
  /** The quantised convolution: x [N, H, W, C], packed filter, colScale [O], bias (or 0) -> out [N, OH, OW, O]; params: ConvParams; work: i8_qgemm_work_bytes(N OH OW, O, KH KW C). */
  i8_qconv2d(x: Ptr, wp: Ptr, colScale: Ptr, bias: Ptr, out: Ptr, params: Ptr, range: number, act: number, work: Ptr, relaxed: number): void;
}

/** Every export name, for checks that the module and this interface agree. */
// NOTE: /* @__PURE__ */ lets bundlers drop this list (only tests read it) from apps that import abi.ts.
export const KERNEL_EXPORTS = /* @__PURE__ */ Object.keys({
  heap_base: 0,
  f32_neg: 0, f32_exp: 0, f32_log: 0, f32_sqrt: 0, f32_square: 0, f32_abs: 0, f32_sign: 0, f32_reciprocal: 0,
  f32_relu: 0, f32_sigmoid: 0, f32_tanh: 0, f32_gelu: 0, f32_leaky_relu: 0, f32_clip: 0,
  f32_floor: 0, f32_ceil: 0, f32_round: 0, f32_sin: 0, f32_cos: 0,
  i32_neg: 0, i32_abs: 0, i32_square: 0, i32_sign: 0,
  f32_relu_grad: 0, f32_sigmoid_grad: 0, f32_tanh_grad: 0, f32_gelu_grad: 0, f32_leaky_relu_grad: 0, f32_clip_grad: 0,
  f32_add: 0, f32_sub: 0, f32_mul: 0, f32_div: 0, f32_pow: 0, f32_maximum: 0, f32_minimum: 0,
  f32_greater: 0, f32_greater_equal: 0, f32_less: 0, f32_less_equal: 0, f32_equal: 0, f32_not_equal: 0,
  i32_add: 0, i32_sub: 0, i32_mul: 0, i32_maximum: 0, i32_minimum: 0,
  i32_greater: 0, i32_greater_equal: 0, i32_less: 0, i32_less_equal: 0, i32_equal: 0, i32_not_equal: 0,
  f32_sum: 0, f32_max: 0, f32_min: 0, f32_argmax: 0, f32_argmin: 0,
  i32_sum: 0, i32_max: 0, i32_min: 0, i32_argmax: 0, i32_argmin: 0,
  f32_softmax: 0, f32_log_softmax: 0, f32_softmax_cross_entropy: 0, f32_sparse_softmax_cross_entropy: 0,
  f32_gemm_nn: 0, f32_gemm_nt: 0, f32_gemm_tn: 0, f32_gemm_tt: 0, f32_gemm_work_bytes: 0,
  f32_gemm_packed_bytes: 0, f32_gemm_pack_b: 0, f32_gemm_packed: 0,
  f32_gemm_set_tile: 0, f32_gemm_tile: 0, f32_gemm_tile_probe: 0, f32_gemm_tile_probe_bytes: 0,
  x32_copy_nd: 0, x32_fill: 0, x32_gather: 0, f32_scatter_add: 0, f32_one_hot: 0, f32_cast_i32: 0, i32_cast_f32: 0,
  f32_conv_work_bytes: 0, f32_conv2d: 0, f32_conv_packed_bytes: 0, f32_conv_pack_filter: 0, f32_conv2d_packed: 0, f32_conv2d_backprop_input: 0, f32_conv2d_backprop_filter: 0,
  f32_conv2d_max_pool_work_bytes: 0, f32_conv2d_max_pool: 0,
  f32_max_pool2d: 0, f32_max_pool2d_grad: 0, f32_avg_pool2d: 0, f32_avg_pool2d_grad: 0, f32_batch_norm_train: 0, f32_batch_norm_train_grad: 0,
  f32_attention_work_bytes: 0, f32_attention: 0, f32_attention_grad: 0, f32_layer_norm: 0, f32_layer_norm_grad: 0,
  f32_sgd_update: 0, f32_sgd_momentum_update: 0, f32_adam_update: 0, f32_rmsprop_update: 0, f32_adagrad_update: 0,
  i8_qpack_bytes: 0, i8_qpack: 0, i8_qgemm_work_bytes: 0, i8_qgemm_levels: 0, i8_qgemm: 0, i8_relaxed_dot_probe: 0, f32_im2col: 0, i8_qconv2d: 0,
} satisfies Record<keyof WasmKernels, 0>) as (keyof WasmKernels)[];

/**
 * The reference build (assembly/reference.ts, bindings/wasm-reference.gen.ts): every kernel above plus
 * the scalar references, f64 math as the js backend. Only kernel tests load it; the library never does.
 */
export interface ReferenceKernels extends WasmKernels {
  f32_neg_scalar: Unary; f32_exp_scalar: Unary; f32_log_scalar: Unary; f32_sqrt_scalar: Unary;
  f32_square_scalar: Unary; f32_abs_scalar: Unary; f32_sign_scalar: Unary; f32_reciprocal_scalar: Unary;
  f32_relu_scalar: Unary; f32_sigmoid_scalar: Unary; f32_tanh_scalar: Unary; f32_gelu_scalar: Unary;
  f32_leaky_relu_scalar(x: Ptr, out: Ptr, n: number, alpha: number): void;
  f32_clip_scalar(x: Ptr, out: Ptr, n: number, lo: number, hi: number): void;
  /** All four forms (transA, transB: 0 or 1), accumulating in f64. */
  f32_gemm_scalar(a: Ptr, b: Ptr, c: Ptr, M: number, N: number, K: number, lda: number, ldb: number, ldc: number,
    batch: number, strideA: number, strideB: number, strideC: number, transA: number, transB: number): void;
}

/** The reference build's exports beyond KERNEL_EXPORTS. */
export const REFERENCE_EXPORTS = /* @__PURE__ */ Object.keys({
  f32_neg_scalar: 0, f32_exp_scalar: 0, f32_log_scalar: 0, f32_sqrt_scalar: 0, f32_square_scalar: 0,
  f32_abs_scalar: 0, f32_sign_scalar: 0, f32_reciprocal_scalar: 0, f32_relu_scalar: 0, f32_sigmoid_scalar: 0,
  f32_tanh_scalar: 0, f32_gelu_scalar: 0, f32_leaky_relu_scalar: 0, f32_clip_scalar: 0, f32_gemm_scalar: 0,
} satisfies Record<Exclude<keyof ReferenceKernels, keyof WasmKernels>, 0>) as (keyof ReferenceKernels)[];

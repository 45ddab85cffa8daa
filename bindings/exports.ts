// The one table from kernel (src/kernels.ts) to the wasm exports that run it (bindings/abi.ts),
// keyed by the dtype or the variant each export serves. backends/wasm.ts takes every export it
// calls from here, so `grep f32_leaky_relu` finds the kernel it serves, and a renamed export is a
// compile error here.
import type { KernelName } from '../src/kernels.js';
import type { WasmKernels } from './abi.js';

type Export = keyof WasmKernels;

export const WASM_EXPORTS = {
  // unary (by input dtype)
  neg: { float32: 'f32_neg', int32: 'i32_neg' },
  exp: { float32: 'f32_exp' },
  log: { float32: 'f32_log' },
  sqrt: { float32: 'f32_sqrt' },
  square: { float32: 'f32_square', int32: 'i32_square' },
  abs: { float32: 'f32_abs', int32: 'i32_abs' },
  sign: { float32: 'f32_sign', int32: 'i32_sign' },
  reciprocal: { float32: 'f32_reciprocal' },
  relu: { float32: 'f32_relu' },
  sigmoid: { float32: 'f32_sigmoid' },
  tanh: { float32: 'f32_tanh' },
  gelu: { float32: 'f32_gelu' },
  leakyRelu: { float32: 'f32_leaky_relu' },
  clip: { float32: 'f32_clip' },
  floor: { float32: 'f32_floor' },
  ceil: { float32: 'f32_ceil' },
  round: { float32: 'f32_round' },
  sin: { float32: 'f32_sin' },
  cos: { float32: 'f32_cos' },
  // binary, broadcasting through the params block (by input dtype)
  add: { float32: 'f32_add', int32: 'i32_add' },
  sub: { float32: 'f32_sub', int32: 'i32_sub' },
  mul: { float32: 'f32_mul', int32: 'i32_mul' },
  div: { float32: 'f32_div' },
  pow: { float32: 'f32_pow' },
  maximum: { float32: 'f32_maximum', int32: 'i32_maximum' },
  minimum: { float32: 'f32_minimum', int32: 'i32_minimum' },
  greater: { float32: 'f32_greater', int32: 'i32_greater' },
  greaterEqual: { float32: 'f32_greater_equal', int32: 'i32_greater_equal' },
  less: { float32: 'f32_less', int32: 'i32_less' },
  lessEqual: { float32: 'f32_less_equal', int32: 'i32_less_equal' },
  equal: { float32: 'f32_equal', int32: 'i32_equal' },
  notEqual: { float32: 'f32_not_equal', int32: 'i32_not_equal' },
  // backward elementwise
  reluGrad: { float32: 'f32_relu_grad' },
  leakyReluGrad: { float32: 'f32_leaky_relu_grad' },
  sigmoidGrad: { float32: 'f32_sigmoid_grad' },
  tanhGrad: { float32: 'f32_tanh_grad' },
  geluGrad: { float32: 'f32_gelu_grad' },
  clipGrad: { float32: 'f32_clip_grad' },
  // reductions
  sum: { float32: 'f32_sum', int32: 'i32_sum' },
  max: { float32: 'f32_max', int32: 'i32_max' },
  min: { float32: 'f32_min', int32: 'i32_min' },
  argmax: { float32: 'f32_argmax', int32: 'i32_argmax' },
  argmin: { float32: 'f32_argmin', int32: 'i32_argmin' },
  // rows
  softmax: { float32: 'f32_softmax' },
  logSoftmax: { float32: 'f32_log_softmax' },
  softmaxCrossEntropy: { float32: 'f32_softmax_cross_entropy' },
  sparseSoftmaxCrossEntropy: { float32: 'f32_sparse_softmax_cross_entropy' },
  // gemm (by operand form; work: the scratch size; packed/pack/packedBytes: B packed ahead, the packed-weight cache;
  // setTile/tile/tileProbe/tileProbeBytes: the register tile, chosen at start by timing each)
  matmul: {
    nn: 'f32_gemm_nn', nt: 'f32_gemm_nt', tn: 'f32_gemm_tn', tt: 'f32_gemm_tt', work: 'f32_gemm_work_bytes',
    packed: 'f32_gemm_packed', pack: 'f32_gemm_pack_b', packedBytes: 'f32_gemm_packed_bytes',
    setTile: 'f32_gemm_set_tile', tile: 'f32_gemm_tile', tileProbe: 'f32_gemm_tile_probe', tileProbeBytes: 'f32_gemm_tile_probe_bytes',
  },
  fusedMatmul: {
    nn: 'f32_gemm_nn', nt: 'f32_gemm_nt', tn: 'f32_gemm_tn', tt: 'f32_gemm_tt', work: 'f32_gemm_work_bytes',
    packed: 'f32_gemm_packed', pack: 'f32_gemm_pack_b', packedBytes: 'f32_gemm_packed_bytes',
  },
  // layout, on 4-byte words of any dtype
  transpose: { word: 'x32_copy_nd' },
  slice: { word: 'x32_copy_nd' },
  pad: { word: 'x32_copy_nd', fill: 'x32_fill' },
  concat: { word: 'x32_copy_nd' },
  gather: { word: 'x32_gather' },
  scatterAdd: { float32: 'f32_scatter_add' },
  oneHot: { float32: 'f32_one_hot' },
  // cast by <from>_<to> (other pairs and same-dtype copies run on the host side of the memory)
  cast: { float32_int32: 'f32_cast_i32', int32_float32: 'i32_cast_f32' },
  fill: { word: 'x32_fill' },
  // optimizer updates, in place
  sgdUpdate: { plain: 'f32_sgd_update', momentum: 'f32_sgd_momentum_update' },
  adamUpdate: { float32: 'f32_adam_update' },
  rmspropUpdate: { float32: 'f32_rmsprop_update' },
  adagradUpdate: { float32: 'f32_adagrad_update' },
  // conv, NHWC (work: the scratch size of each convolution)
  conv2d: { float32: 'f32_conv2d', work: 'f32_conv_work_bytes' },
  conv2dBackpropInput: { float32: 'f32_conv2d_backprop_input', work: 'f32_conv_work_bytes' },
  conv2dBackpropFilter: { float32: 'f32_conv2d_backprop_filter', work: 'f32_conv_work_bytes' },
  maxPool2d: { float32: 'f32_max_pool2d' },
  conv2dMaxPool: { float32: 'f32_conv2d_max_pool', work: 'f32_conv2d_max_pool_work_bytes' },
  maxPool2dGrad: { float32: 'f32_max_pool2d_grad' },
  avgPool2d: { float32: 'f32_avg_pool2d' },
  avgPool2dGrad: { float32: 'f32_avg_pool2d_grad' },
  batchNormTrain: { float32: 'f32_batch_norm_train' },
  batchNormTrainGrad: { float32: 'f32_batch_norm_train_grad' },
  // int8 (assembly/qgemm.ts)
  qpack: { int8: 'i8_qpack' },
  qmatmul: { float32: 'i8_qgemm', work: 'i8_qgemm_work_bytes', levels: 'i8_qgemm_levels', probe: 'i8_relaxed_dot_probe' },
  im2col: { float32: 'f32_im2col' },
  qconv2d: { float32: 'i8_qconv2d', work: 'i8_qgemm_work_bytes' },
  // fused attention (work: the scratch size of both)
  attention: { float32: 'f32_attention', work: 'f32_attention_work_bytes' },
  attentionGrad: { float32: 'f32_attention_grad', work: 'f32_attention_work_bytes' },
  layerNorm: { float32: 'f32_layer_norm' },
  layerNormGrad: { float32: 'f32_layer_norm_grad' },
} as const satisfies { readonly [K in KernelName]: { readonly [variant: string]: Export } };

/** The exports of `kernel` from a loaded module, by the variant keys of WASM_EXPORTS. */
export function exportsOf<K extends KernelName>(kernels: WasmKernels, kernel: K): { [V in keyof (typeof WASM_EXPORTS)[K]]: WasmKernels[(typeof WASM_EXPORTS)[K][V] & Export] } {
  const names = WASM_EXPORTS[kernel] as Record<string, Export>;
  const out: Record<string, unknown> = {};
  for (const v of Object.keys(names)) out[v] = kernels[names[v]];
  return out as never;
}

// The kernel module: every export of every family, plus where the module's static data ends.
export * from './elementwise';
export * from './reduce';
export * from './softmax';
export {
  f32_gemm_nn, f32_gemm_nt, f32_gemm_tn, f32_gemm_tt, f32_gemm_work_bytes, f32_gemm_packed_bytes, f32_gemm_pack_b, f32_gemm_packed,
  f32_gemm_set_tile, f32_gemm_tile, f32_gemm_tile_probe, f32_gemm_tile_probe_bytes,
} from './gemm';
export * from './conv';
export * from './optim';
export { f32_attention, f32_attention_grad, f32_attention_work_bytes, f32_layer_norm, f32_layer_norm_grad } from './attention';
export {
  i8_qpack, i8_qpack_bytes, i8_qgemm, i8_qgemm_work_bytes, i8_qgemm_levels, i8_relaxed_dot_probe, f32_im2col, i8_qconv2d,
} from './qgemm';
export {
  x32_copy_nd, x32_fill, x32_gather, f32_scatter_add, f32_one_hot, f32_cast_i32, i32_cast_f32,
} from './layout';

/** First byte after the module's static data; the arena starts above it. */
export function heap_base(): usize {
  return __heap_base;
}

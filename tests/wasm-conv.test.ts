// The wasm conv family (assembly/conv.ts) through engine.runKernel against a float64 reference here,
// and against the js backend for the kernels it has: geometry swept around the paths (1x1 straight to
// GEMM, im2col in row blocks of 256, Winograd F(4x4, 3x3) (3x3 stride 1, C % 4 == 0, C >= 8, O % 4 == 0), the direct
// forward (C <= 64) and dX as the transposed conv's Winograd (3x3 stride 1) or direct forward, direct dW
// loops for few input channels (and their dX at stride 1 by per-pixel dot products), KH GEMMs on wide rows (C > 64, stride 1), depthwise with multipliers 1 to 4 (dX at stride 1
// by the flipped filter's forward), groups, one channel), the tiles (C and O off multiples of 4 and 8), strides beyond the window, asymmetric pads, dilation, batch 1,
// 1x1 inputs and windows wholly in the padding; pooling with ties, NaN and -Infinity, on and off the
// tiling fast path.
// EDGEGRAD_WASM_BUILD=relaxed runs it on the relaxed-SIMD build.
//
// Tolerances: a sum of k products is within 2*k*u32 * sum |terms| of the exact value (as tests/gemm);
// the activations add 1.2x that plus rtol 1e-5, atol 1e-6 (their own error).
import { beforeAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { type Conv2dGeometry, type KernelName, convOutShape } from '../src/kernels.js';
import { JS_F64, testBackends, use } from './util/backends.js';
import { hashName } from './util/cases.js';
import { Rng } from './util/ref.js';

const U32 = 2 ** -24;
type Act = 'linear' | 'relu' | 'sigmoid' | 'tanh' | 'gelu';
type Shape4 = [number, number, number, number];

interface ConvCase {
  name: string;
  x: Shape4;
  /** [KH, KW, C / groups, O] */
  w: Shape4;
  geo: Conv2dGeometry;
  groups: number;
  bias: boolean;
  act: Act;
  /** x holds NaN, Infinity and -Infinity at a few pixels (which outputs they reach is checked exactly). */
  /** true: NaN and infinities in x; 'dy': in dy at edge pixels (where some taps lie in the padding). */
  special?: boolean | 'dy';
}

const geo = (strides: [number, number] = [1, 1], pads: Shape4 = [0, 0, 0, 0], dilations: [number, number] = [1, 1]): Conv2dGeometry => ({ strides, dilations, pads });

function conv(name: string, x: Shape4, kh: number, kw: number, O: number, g: Conv2dGeometry, groups = 1, bias = true, act: Act = 'linear', special: boolean | 'dy' = false): ConvCase {
  return { name, x, w: [kh, kw, x[3] / groups, O], geo: g, groups, bias, act, special };
}

const CONV_CASES: ConvCase[] = [
  conv('1x1 stride 1 (straight to GEMM) C3 O5', [2, 5, 7, 3], 1, 1, 5, geo()),
  conv('1x1 stride 1 C16 O9 relu', [1, 6, 6, 16], 1, 1, 9, geo(), 1, true, 'relu'),
  conv('1x1 groups 2 C6 O4', [2, 3, 5, 6], 1, 1, 4, geo(), 2),
  conv('1x1 stride 2', [2, 7, 6, 5], 1, 1, 3, geo([2, 2])),
  conv('1x1 asymmetric pads', [1, 4, 5, 3], 1, 1, 6, geo([1, 1], [1, 0, 0, 2])),
  // Few input channels (C <= 4, one group, O % 4 == 0, not 1x1 stride 1): dW by direct loops; just outside: im2col + GEMM.
  conv('3x3 C1 O16 same (few channels: direct dW)', [3, 9, 8, 1], 3, 3, 16, geo([1, 1], [1, 1, 1, 1]), 1, true, 'relu'),
  conv('few channels C4 O20 (16 + 4 lanes) stride 2 pads [0,2,1,1] dilations [2,1] tanh', [2, 9, 10, 4], 3, 3, 20, geo([2, 2], [0, 2, 1, 1], [2, 1]), 1, true, 'tanh'),
  conv('few channels C2 O12 2x3 strides [1,3] (beyond the window) no bias', [1, 7, 13, 2], 2, 3, 12, geo([1, 3], [1, 0, 2, 2]), 1, false),
  conv('few channels C3 O32 5x5 same gelu', [2, 8, 6, 3], 5, 5, 32, geo([1, 1], [2, 2, 2, 2]), 1, true, 'gelu'),
  // dX of C < 4 at stride 1 (O % 4 == 0): the transposed conv by per-pixel dot products over dy's channels (directDotTile).
  conv('dX by dot products: C2 O12 3x3 same (3 channel groups a tap), W 9: 2 blocks of 4 pixels + 1', [2, 5, 9, 2], 3, 3, 12, geo([1, 1], [1, 1, 1, 1])),
  conv('few channels C1 O8 2x2 pads [0,1,0,1] (taps past the bottom and right: padded copy)', [2, 6, 7, 1], 2, 2, 8, geo([1, 1], [0, 1, 0, 1]), 1, true, 'relu'),
  conv('few channels C1 O24 3x3 stride 2 valid, rows left over (in place; 4-pixel tiles + 1)', [2, 9, 14, 1], 3, 3, 24, geo([2, 2])),
  // The few-channel dW's 3-tap blocks (8 output channels a pass, then 4; taps past a multiple of 3 one at a time;
  // pixels with every tap of a block inside x unchecked, the edge pixels checked tap by tap).
  conv('few channels C1 O4 3x3 same (one 4-lane pass)', [2, 7, 9, 1], 3, 3, 4, geo([1, 1], [1, 1, 1, 1])),
  conv('few channels C2 O16 3x3 valid stride 2', [2, 9, 11, 2], 3, 3, 16, geo([2, 2])),
  conv('few channels C3 O12 3x3 same dilations [2,2] (8 + 4 lanes)', [2, 9, 10, 3], 3, 3, 12, geo([1, 1], [2, 2, 2, 2], [2, 2])),
  conv('few channels C1 O16 3x5 stride [1,2] pads [1,1,2,2] (a block of 3 + 2 single taps)', [2, 7, 12, 1], 3, 5, 16, geo([1, 2], [1, 1, 2, 2])),
  conv('few channels C2 O12 3x3 same W 2 (no pixel has all 3 taps inside)', [1, 5, 2, 2], 3, 3, 12, geo([1, 1], [1, 1, 1, 1])),
  conv('few channels C3 O16 3x3 stride 2 same pads [0,1,0,1] dilations [1,2]', [2, 8, 9, 3], 3, 3, 16, geo([2, 2], [0, 1, 0, 1], [1, 2])),
  conv('wide rows (C > 64, stride 1, wide output) 3x3 C68 O8 same relu', [1, 5, 40, 68], 3, 3, 8, geo([1, 1], [1, 1, 1, 1]), 1, true, 'relu'),
  conv('wide rows C65 O12 dilations [2,1] pads [2,2,1,1] batch 2 gelu', [2, 9, 34, 65], 3, 3, 12, geo([1, 1], [2, 2, 1, 1], [2, 1]), 1, true, 'gelu'),
  conv('wide rows in place (valid, KW 1) 3x1 C72 O4 no bias', [2, 6, 40, 72], 3, 1, 4, geo(), 1, false),
  // The direct forward (one group, C <= 64, O % 4 == 0, not 1x1 stride 1) and, at stride 1 with O <= 64, C % 4 == 0
  // and at most 1/8 more output pixels in dx than in y, dX as the direct forward of the transposed conv.
  conv('direct C16 O32 3x3 same (dX by the transposed conv\'s Winograd) relu', [2, 7, 9, 16], 3, 3, 32, geo([1, 1], [1, 1, 1, 1]), 1, true, 'relu'),
  conv('direct C64 O64 3x3 same, K = 576 > 256, batch 1 (dX by the transposed forward)', [1, 6, 7, 64], 3, 3, 64, geo([1, 1], [1, 1, 1, 1])),
  conv('direct C33 O12 (8 + 4 lanes) 3x3 dilations [2,1] pads [2,2,1,1] gelu (C % 4: dX by im2col)', [2, 9, 14, 33], 3, 3, 12, geo([1, 1], [2, 2, 1, 1], [2, 1]), 1, true, 'gelu'),
  conv('direct C8 O12 3x3 dilations [2,1] pads [2,2,1,1] (dX by the transposed forward)', [2, 9, 14, 8], 3, 3, 12, geo([1, 1], [2, 2, 1, 1], [2, 1])),
  conv('direct C8 O20 2x3 asymmetric pads [0,1,2,0], dX by the transposed forward (C8 O20 -> O8 C20)', [2, 8, 9, 8], 2, 3, 20, geo([1, 1], [0, 1, 2, 0])),
  conv('direct C12 O16 3x3 valid: dX too many pixels for the transposed forward (im2col)', [2, 7, 7, 12], 3, 3, 16, geo()),
  conv('direct C8 O4 3x3 same (dX by the transposed forward over 4 channels: the flat tap table)', [2, 6, 9, 8], 3, 3, 4, geo([1, 1], [1, 1, 1, 1]), 1, true, 'relu'),
  conv('direct C8 O4 3x3 pads 3 (beyond the window: dX not transposable)', [1, 4, 5, 8], 3, 3, 4, geo([1, 1], [3, 3, 3, 3])),
  conv('direct C6 O8 3x3 stride 2 (dX by im2col)', [2, 9, 8, 6], 3, 3, 8, geo([2, 2], [1, 1, 1, 1])),
  conv('direct C16 O68 3x3 same (O > 64: dX by im2col)', [1, 5, 6, 16], 3, 3, 68, geo([1, 1], [1, 1, 1, 1])),
  conv('not few channels: C5 O8', [2, 6, 7, 5], 3, 3, 8, geo([1, 1], [1, 1, 1, 1])),
  conv('not few channels: C4 O6', [2, 6, 7, 4], 3, 3, 6, geo()),
  conv('3x3 C1 O5 valid', [2, 7, 6, 1], 3, 3, 5, geo()),
  conv('3x3 C5 O7 stride 2 pads [1,2,0,1] dilation [1,2]', [2, 9, 11, 5], 3, 3, 7, geo([2, 2], [1, 2, 0, 1], [1, 2])),
  conv('2x2 stride 3 (beyond the window) C3 O9', [2, 8, 10, 3], 2, 2, 9, geo([3, 3])),
  conv('3x2 strides [2,1] dilations [2,3] sigmoid', [1, 10, 9, 4], 3, 2, 8, geo([2, 1], [2, 0, 1, 3], [2, 3]), 1, true, 'sigmoid'),
  conv('3x3 groups 2 C6 O10', [2, 6, 7, 6], 3, 3, 10, geo([1, 1], [1, 1, 1, 1]), 2),
  conv('3x3 groups 3 C9 O6 stride 2 tanh', [1, 7, 7, 9], 3, 3, 6, geo([2, 2], [0, 1, 0, 1]), 3, true, 'tanh'),
  conv('depthwise 3x3 C7 same', [2, 6, 5, 7], 3, 3, 7, geo([1, 1], [1, 1, 1, 1]), 7, true, 'relu'),
  conv('depthwise 3x3 C8 stride 2 dilation 2', [1, 9, 9, 8], 3, 3, 8, geo([2, 2], [2, 1, 2, 1], [2, 2]), 8),
  // Depthwise at stride 1, multiplier 1: dX by the depthwise forward of the flipped filter; 3x3 rows: dW summed in registers.
  conv('depthwise 3x3 C12 pads [0,2,1,1] dilations [1,2] batch 2 (dX by the flipped forward)', [2, 7, 11, 12], 3, 3, 12, geo([1, 1], [0, 2, 1, 1], [1, 2]), 12),
  conv('depthwise 3x3 C16 same wide rows (register dW rows, dX by the flipped forward)', [1, 6, 19, 16], 3, 3, 16, geo([1, 1], [1, 1, 1, 1]), 16, false),
  conv('depthwise 3x3 C8 dilations [2,1] pads [2,2,1,1] (3x3 rows one at a time: dilated rows)', [1, 9, 8, 8], 3, 3, 8, geo([1, 1], [2, 2, 1, 1], [2, 1]), 8),
  conv('depthwise 3x3 C4 valid, 3 fast rows (one block of 4 pixels each) batch 2 relu', [2, 5, 6, 4], 3, 3, 4, geo(), 4, true, 'relu'),
  conv('depthwise 3x3 C6 same W 12 (blocks of 4 pixels, then 2 one by one; 2 scalar lanes) relu', [2, 5, 12, 6], 3, 3, 6, geo([1, 1], [1, 1, 1, 1]), 6, true, 'relu'),
  conv('depthwise 3x3 C8 strides [1,2] (rows with the 9 weights in registers, no blocks)', [1, 6, 11, 8], 3, 3, 8, geo([1, 2], [1, 1, 1, 1]), 8),
  conv('depthwise 2x3 C5 pads [1,0,2,1] (dX by the flipped forward, scalar lane)', [2, 5, 6, 5], 2, 3, 5, geo([1, 1], [1, 0, 2, 1]), 5),
  conv('depthwise 3x3 C4 stride 1 pads 3 (beyond the window: dX by the scatter)', [1, 4, 4, 4], 3, 3, 4, geo([1, 1], [3, 3, 3, 3]), 4),
  conv('depthwise multiplier 2 C5 O10', [2, 5, 6, 5], 3, 3, 10, geo([1, 1], [1, 1, 1, 1]), 5),
  conv('depthwise multiplier 3 C3 O9 gelu', [1, 6, 5, 3], 2, 3, 9, geo([1, 2], [0, 1, 1, 1]), 3, true, 'gelu'),
  conv('depthwise multiplier 4 C2 O8 no bias', [1, 5, 5, 2], 3, 3, 8, geo([1, 1], [1, 1, 1, 1]), 2, false),
  conv('batch 1, 1x1 input, 3x3 same', [1, 1, 1, 4], 3, 3, 3, geo([1, 1], [1, 1, 1, 1])),
  conv('windows wholly in the padding (1x1, pads 3)', [2, 2, 2, 3], 1, 1, 5, geo([1, 1], [3, 3, 3, 3]), 1, true, 'relu'),
  conv('depthwise windows wholly in the padding', [1, 2, 2, 4], 1, 1, 4, geo([2, 2], [3, 2, 3, 2]), 4),
  conv('kernel the size of the input', [2, 5, 5, 3], 5, 5, 4, geo()),
  conv('no bias 3x3 C4 O8', [2, 5, 5, 4], 3, 3, 8, geo([1, 1], [1, 1, 1, 1]), 1, false),
  conv('rows across im2col blocks C9 O13 (646 rows)', [2, 17, 19, 9], 3, 3, 13, geo([1, 1], [1, 1, 1, 1]), 1, true, 'relu'),
  conv('K blocks (k = 3*3*40 = 360 > 256) C40 O13 (im2col)', [1, 9, 8, 40], 3, 3, 13, geo([1, 1], [1, 1, 1, 1])),
  conv('K blocks (k = 3*3*72 = 648 > 256) C72 O12 stride 2 (im2col)', [1, 9, 8, 72], 3, 3, 12, geo([2, 2], [1, 1, 1, 1])),
  conv('1x1 rows past one GEMM block C20 O33', [3, 11, 13, 20], 1, 1, 33, geo()),
  // NaN and infinities in x: the outputs whose windows reach them are NaN or infinite exactly as in float64.
  conv('NaN, Infinity, -Infinity in x: C1 O16 3x3 same relu (flat table)', [2, 7, 9, 1], 3, 3, 16, geo([1, 1], [1, 1, 1, 1]), 1, true, 'relu', true),
  conv('NaN, Infinity, -Infinity in x: C16 O12 3x3 same (channels four a loop turn)', [1, 6, 7, 16], 3, 3, 12, geo([1, 1], [1, 1, 1, 1]), 1, true, 'linear', true),
  conv('NaN, Infinity, -Infinity in x: depthwise 3x3 C8 same W 13 (blocks of 4 pixels)', [1, 6, 13, 8], 3, 3, 8, geo([1, 1], [1, 1, 1, 1]), 8, true, 'linear', true),
  conv('NaN, Infinity, -Infinity in x: few channels C2 O16 3x3 valid (3-tap dW blocks)', [2, 7, 9, 2], 3, 3, 16, geo(), 1, true, 'linear', true),
  // Non-finite dy at edge pixels: dw's taps that lie in the padding there stay finite (skipped, not multiplied by 0).
  conv('NaN, Infinity, -Infinity in dy at edges: few channels C1 O16 3x3 same', [2, 6, 8, 1], 3, 3, 16, geo([1, 1], [1, 1, 1, 1]), 1, true, 'linear', 'dy'),
  conv('NaN, Infinity, -Infinity in dy at edges: few channels C3 O12 3x3 stride 2 pads [1,1,1,1] dilations [1,2]', [2, 7, 9, 3], 3, 3, 12, geo([2, 2], [1, 1, 1, 1], [1, 2]), 1, true, 'linear', 'dy'),
  // Empty batches: y and dx are empty, dw is zeros.
  conv('batch 0, 1x1', [0, 3, 3, 4], 1, 1, 5, geo()),
  conv('batch 0, 3x3 same', [0, 3, 3, 4], 3, 3, 5, geo([1, 1], [1, 1, 1, 1])),
  conv('batch 0, depthwise', [0, 3, 3, 4], 3, 3, 4, geo(), 4),
  // Winograd F(4x4, 3x3) (one group, 3x3 stride 1 undilated, C % 4 == 0 and C >= 8, O % 4 == 0, pads 0 or 1 a side,
  // (tiles + 8) * 4 <= output pixels): output tiles of 4x4 overhanging the output's edge (sizes 2 to 7 and past a
  // multiple of 4), input tiles reaching past the image (zero-padded copies), blocks of tiles (several, the last
  // partial), C past the GEMM's K block, bias and relu or not; just outside the rule, the direct forward.
  conv('winograd C8 O4 valid, 2x3 output, batch 16, relu', [16, 4, 5, 8], 3, 3, 4, geo(), 1, true, 'relu'),
  conv('winograd C12 O20 same 5x7 output (tiles overhang by 3 and 1)', [2, 5, 7, 12], 3, 3, 20, geo([1, 1], [1, 1, 1, 1])),
  conv('winograd C16 O12 same 6x6 relu no bias', [2, 6, 6, 16], 3, 3, 12, geo([1, 1], [1, 1, 1, 1]), 1, false, 'relu'),
  conv('winograd C16 O32 valid 11x11 (the reference CNN: 3x3 tiles) relu', [3, 13, 13, 16], 3, 3, 32, geo(), 1, true, 'relu'),
  conv('winograd C8 O16 explicit pads [1,0,0,1] 7x7', [2, 8, 8, 8], 3, 3, 16, geo([1, 1], [1, 0, 0, 1])),
  conv('winograd C8 O8 explicit pads [0,1,1,0] 4x4 output (one tile an image) gelu', [4, 5, 5, 8], 3, 3, 8, geo([1, 1], [0, 1, 1, 0]), 1, true, 'gelu'),
  conv('winograd C16 O16 same, 3 images of 30x31: several blocks of tiles, the last partial', [3, 30, 31, 16], 3, 3, 16, geo([1, 1], [1, 1, 1, 1]), 1, true, 'relu'),
  conv('winograd C68 O8 same (C > 64) sigmoid', [1, 7, 9, 68], 3, 3, 8, geo([1, 1], [1, 1, 1, 1]), 1, true, 'sigmoid'),
  conv('winograd C260 O12 valid 8x7 (C > 256: K blocks in the GEMM)', [1, 10, 9, 260], 3, 3, 12, geo()),
  conv('NaN, Infinity, -Infinity in x: winograd C8 O8 valid relu (tiles with non-finite outputs redone directly)', [2, 9, 10, 8], 3, 3, 8, geo(), 1, true, 'relu', true),
  conv('not winograd: C8 O8 valid 1x1 output, batch 1, no bias (too few outputs)', [1, 3, 3, 8], 3, 3, 8, geo(), 1, false),
  conv('not winograd: C8 O12 pads [2,0,0,0] (more than 1)', [1, 6, 6, 8], 3, 3, 12, geo([1, 1], [2, 0, 0, 0])),
  // dX by Winograd's forward of the transposed conv (3x3 stride 1, one group, O % 4 == 0 and O >= 8, C % 4 == 0):
  // its padding is 2 - pad a side (2 for 'valid'), dx tiles overhanging odd sizes, several blocks of tiles.
  conv('winograd dX: C4 O8 valid 9x10 batch 1 (transposed pads 2; forward direct)', [1, 9, 10, 4], 3, 3, 8, geo()),
  conv('winograd dX: C12 O68 same 11x7 batch 2 (O > 64)', [2, 11, 7, 12], 3, 3, 68, geo([1, 1], [1, 1, 1, 1])),
  conv('winograd dX: C8 O12 pads [0,2,1,0] 9x7 (transposed pads 2, 0, 1, 2)', [2, 9, 7, 8], 3, 3, 12, geo([1, 1], [0, 2, 1, 0])),
  conv('winograd dX: C8 O16 same 3 images of 30x31 (several blocks of tiles)', [3, 30, 31, 8], 3, 3, 16, geo([1, 1], [1, 1, 1, 1])),
  conv('winograd dX: C68 O8 valid 13x13 batch 2', [2, 13, 13, 68], 3, 3, 8, geo()),
  // dW by Winograd F(3x3, 4x4) (3x3 stride 1, one group, C and O multiples of 4 and >= 8, pads <= 2 top and left):
  // dy tiles overhanging odd sizes, x windows past the image, many tiles summed in several blocks, non-finite
  // values (the sums redone by im2col).
  conv('winograd dW: C8 O8 same 9x11 batch 1 (dy tiles overhang by 3 and 1)', [1, 9, 11, 8], 3, 3, 8, geo([1, 1], [1, 1, 1, 1])),
  conv('winograd dW: C12 O68 valid 10x13 batch 2', [2, 10, 13, 12], 3, 3, 68, geo()),
  conv('winograd dW: C68 O12 pads [0,2,2,1] 9x10 batch 2', [2, 9, 10, 68], 3, 3, 12, geo([1, 1], [0, 2, 2, 1])),
  conv('winograd dW: C16 O64 same 2 images of 30x31 (4 blocks of 32 tiles)', [2, 30, 31, 16], 3, 3, 64, geo([1, 1], [1, 1, 1, 1])),
  conv('NaN, Infinity, -Infinity in x: winograd C8 O12 same (dW redone by im2col)', [2, 6, 8, 8], 3, 3, 12, geo([1, 1], [1, 1, 1, 1]), 1, true, 'linear', true),
];

// ---- the float64 reference ----------------------------------------------------------------------

interface Ref {
  /** values, and the sum of |terms| of each. */
  v: Float64Array;
  s: Float64Array;
  /** terms per element (the k of the tolerance). */
  k: number;
}

const ACTS: Record<Act, (v: number) => number> = {
  linear: (v) => v,
  relu: (v) => Math.max(v, 0),
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  tanh: Math.tanh,
  gelu: (v) => 0.5 * v * (1 + erf(v / Math.SQRT2)),
};

function erf(x: number): number {
  // Abramowitz-Stegun 7.1.26 is 1.5e-7 absolute; good enough under the tolerance's atol.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** conv2d's forward (before bias and activation), dx and dw by one loop over every product. */
function convRef(c: ConvCase, x: Float32Array, w: Float32Array, dy: Float32Array): { y: Ref; dx: Ref; dW: Ref; outShape: Shape4 } {
  const [N, H, W, C] = c.x, [KH, KW, Cg, O] = c.w;
  const [, OH, OW] = convOutShape(c.x, KH, KW, c.geo);
  const Og = O / c.groups;
  const [sh, sw] = c.geo.strides, [dh, dw] = c.geo.dilations, [pt, , pl] = c.geo.pads;
  const y = new Float64Array(N * OH * OW * O), ys = new Float64Array(y.length);
  const dx = new Float64Array(x.length), dxs = new Float64Array(x.length);
  const dW = new Float64Array(w.length), dWs = new Float64Array(w.length);
  let dxk = 0;
  const dxTerms = new Uint32Array(x.length);
  for (let n = 0; n < N; n++) for (let oh = 0; oh < OH; oh++) for (let ow = 0; ow < OW; ow++) {
    for (let o = 0; o < O; o++) {
      const yi = ((n * OH + oh) * OW + ow) * O + o, g = Math.floor(o / Og);
      for (let kh = 0; kh < KH; kh++) {
        const ih = oh * sh - pt + kh * dh;
        if (ih < 0 || ih >= H) continue;
        for (let kw = 0; kw < KW; kw++) {
          const iw = ow * sw - pl + kw * dw;
          if (iw < 0 || iw >= W) continue;
          for (let ci = 0; ci < Cg; ci++) {
            const xi = ((n * H + ih) * W + iw) * C + g * Cg + ci, wi = ((kh * KW + kw) * Cg + ci) * O + o;
            y[yi] += x[xi] * w[wi]; ys[yi] += Math.abs(x[xi] * w[wi]);
            dx[xi] += dy[yi] * w[wi]; dxs[xi] += Math.abs(dy[yi] * w[wi]); dxk = Math.max(dxk, ++dxTerms[xi]);
            dW[wi] += x[xi] * dy[yi]; dWs[wi] += Math.abs(x[xi] * dy[yi]);
          }
        }
      }
    }
  }
  return { y: { v: y, s: ys, k: KH * KW * Cg }, dx: { v: dx, s: dxs, k: dxk }, dW: { v: dW, s: dWs, k: N * OH * OW }, outShape: [N, OH, OW, O] };
}

function close(got: ArrayLike<number>, want: Ref, slope = 1, rtol = 0, atol = 1e-7): string[] {
  const bad: string[] = [];
  if (got.length !== want.v.length) return [`length ${got.length}, want ${want.v.length}`];
  for (let i = 0; i < got.length; i++) {
    const tol = slope * 2 * Math.max(want.k, 1) * U32 * want.s[i] + rtol * Math.abs(want.v[i]) + atol;
    const ok = Number.isFinite(want.v[i]) ? Math.abs(got[i] - want.v[i]) <= tol : Object.is(got[i], want.v[i]);
    if (!ok && bad.length < 5) bad.push(`[${i}] got ${got[i]}, want ${want.v[i]} (tol ${tol.toExponential(2)})`);
  }
  return bad;
}

function values(rng: Rng, n: number): Float32Array {
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.uniform(-2, 2);
  return v;
}

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** Runs one kernel on the active backend; the result's values. */
function run<K extends KernelName>(name: K, inputs: { v: Float32Array; shape: readonly number[] }[], attrs: Parameters<typeof engine.runKernel<K>>[2]): Float32Array {
  return eg.tidy(() => {
    const ts = inputs.map((i) => eg.tensor(i.v, [...i.shape]));
    const [out] = engine.runKernel(name, ts, attrs);
    return Float32Array.from(out.dataSync());
  });
}

/** Whether the active backend (js, in beforeAll) implements kernel k. */
const jsHas = (k: KernelName) => engine.backend?.kernels[k] !== undefined;

// ---- conv cases -----------------------------------------------------------------------------------

interface ConvRun {
  c: ConvCase;
  x: Float32Array; w: Float32Array; b: Float32Array; dy: Float32Array;
  ref: ReturnType<typeof convRef>;
}

function prepare(c: ConvCase): ConvRun {
  const rng = new Rng(hashName(c.name));
  const x = values(rng, size(c.x)), w = values(rng, size(c.w)), b = values(rng, c.w[3]);
  if (c.special === true) {
    // One pixel in 12 gets one non-finite channel: NaN, Infinity or -Infinity in turn.
    for (let i = 0, k = 0; i < x.length; i += c.x[3]) if (rng.next() < 1 / 12) x[i + (k % c.x[3])] = [NaN, Infinity, -Infinity][k++ % 3];
  }
  const [N, OH, OW] = convOutShape(c.x, c.w[0], c.w[1], c.geo);
  const dy = values(rng, N * OH * OW * c.w[3]);
  if (c.special === 'dy') {
    // Infinity at the first pixel (channel 0), NaN at the end of the first row (channel 1), -Infinity at the start of the last row (channel 2).
    const O = c.w[3];
    dy[0] = Infinity;
    dy[(OW - 1) * O + 1] = NaN;
    dy[((N - 1) * OH + OH - 1) * OW * O + 2] = -Infinity;
  }
  return { c, x, w, b, dy, ref: convRef(c, x, w, dy) };
}

function convForward(r: ConvRun): Float32Array {
  const { c } = r;
  const inputs = [{ v: r.x, shape: c.x }, { v: r.w, shape: c.w }, ...(c.bias ? [{ v: r.b, shape: [c.w[3]] }] : [])];
  return run('conv2d', inputs, { ...c.geo, groups: c.groups, activation: c.act });
}
function convInput(r: ConvRun): Float32Array {
  return run('conv2dBackpropInput', [{ v: r.dy, shape: r.ref.outShape }, { v: r.w, shape: r.c.w }], { ...r.c.geo, groups: r.c.groups, inShape: r.c.x });
}
function convFilter(r: ConvRun): Float32Array {
  return run('conv2dBackpropFilter', [{ v: r.x, shape: r.c.x }, { v: r.dy, shape: r.ref.outShape }], { ...r.c.geo, groups: r.c.groups, filterShape: r.c.w });
}

/** The forward reference with bias and activation applied. */
function forwardRef(r: ConvRun): Ref {
  const { c } = r, O = c.w[3], f = ACTS[c.act];
  const v = r.ref.y.v.map((s, i) => f(s + (c.bias ? r.b[i % O] : 0)));
  const s = r.ref.y.s.map((s, i) => s + (c.bias ? Math.abs(r.b[i % O]) : 0));
  return { v, s, k: r.ref.y.k + 1 };
}

// ---- pooling ------------------------------------------------------------------------------------

interface PoolCase { name: string; x: Shape4; pool: [number, number]; geo: Conv2dGeometry; values?: 'ties' | 'special' | 'zeros' }

const POOL_CASES: PoolCase[] = [
  { name: '2x2 stride 2 C1', x: [2, 6, 6, 1], pool: [2, 2], geo: geo([2, 2]) },
  { name: '2x2 stride 2 C16 odd size', x: [1, 7, 9, 16], pool: [2, 2], geo: geo([2, 2]) },
  { name: '3x3 stride 2 same C5', x: [2, 7, 8, 5], pool: [3, 3], geo: geo([2, 2], [1, 1, 1, 1]) },
  { name: '3x3 stride 1 dilation 2 C4', x: [1, 9, 8, 4], pool: [3, 3], geo: geo([1, 1], [2, 2, 1, 2], [2, 2]) },
  { name: '1x1 stride 2 (beyond the window) C3', x: [2, 5, 6, 3], pool: [1, 1], geo: geo([2, 2]) },
  { name: '2x2 stride 3 C13', x: [1, 8, 8, 13], pool: [2, 2], geo: geo([3, 3]) },
  { name: 'asymmetric pads C6, 2x3 window strides [1,2]', x: [2, 5, 6, 6], pool: [2, 3], geo: geo([1, 2], [0, 1, 2, 0]) },
  { name: 'windows wholly in the padding C5', x: [1, 2, 2, 5], pool: [1, 1], geo: geo([2, 2], [3, 3, 3, 3]) },
  { name: '1x1 input, 3x3 same, C8', x: [1, 1, 1, 8], pool: [3, 3], geo: geo([1, 1], [1, 1, 1, 1]) },
  { name: 'ties (values in {-1, 0, 1}) C7 3x3 stride 1', x: [2, 6, 6, 7], pool: [3, 3], geo: geo([1, 1], [1, 1, 1, 1]), values: 'ties' },
  { name: 'NaN and -Infinity C9', x: [1, 6, 6, 9], pool: [2, 2], geo: geo([1, 1]), values: 'special' },
  // The tiling fast path (stride = window, no padding or dilation, every window inside x, C % 4 == 0) and just outside it.
  { name: 'tiling 2x2 C8 exact cover, ties', x: [2, 6, 8, 8], pool: [2, 2], geo: geo([2, 2]), values: 'ties' },
  { name: 'tiling 2x2 C12 with a remainder (unrolled 2x2), NaN and -Infinity', x: [2, 7, 9, 12], pool: [2, 2], geo: geo([2, 2]), values: 'special' },
  { name: 'tiling 3x3 C4 with a remainder, NaN and -Infinity', x: [1, 8, 7, 4], pool: [3, 3], geo: geo([3, 3]), values: 'special' },
  { name: 'tiling 2x3 strides [2,3] C12', x: [1, 5, 7, 12], pool: [2, 3], geo: geo([2, 3]) },
  { name: 'not tiling: bottom/right padding past x C8', x: [1, 7, 7, 8], pool: [2, 2], geo: geo([2, 2], [0, 1, 0, 1]) },
  { name: 'not tiling: C10', x: [1, 6, 6, 10], pool: [2, 2], geo: geo([2, 2]) },
  { name: 'not tiling: dilation 2 C4', x: [1, 8, 8, 4], pool: [2, 2], geo: geo([2, 2], [0, 0, 0, 0], [2, 2]) },
  // -0 and +0 (and a few NaN): the first of equal taps wins, as in js (checked sign for sign against it)
  { name: 'signed zeros, tiling 2x2 C8 (unrolled)', x: [2, 6, 6, 8], pool: [2, 2], geo: geo([2, 2]), values: 'zeros' },
  { name: 'signed zeros, tiling 3x3 C4', x: [1, 6, 6, 4], pool: [3, 3], geo: geo([3, 3]), values: 'zeros' },
  { name: 'signed zeros, 3x3 stride 1 same C6 (lanes and a scalar tail)', x: [1, 5, 6, 6], pool: [3, 3], geo: geo([1, 1], [1, 1, 1, 1]), values: 'zeros' },
];

/** max and avg pooling and their gradients in float64, straight from the doc comments. */
function poolRef(p: PoolCase, x: Float32Array, dy: Float32Array) {
  const [N, H, W, C] = p.x, [KH, KW] = p.pool;
  const [, OH, OW] = convOutShape(p.x, KH, KW, p.geo);
  const [sh, sw] = p.geo.strides, [dh, dw] = p.geo.dilations, [pt, , pl] = p.geo.pads;
  const n0 = N * OH * OW * C;
  const max = new Float64Array(n0), avg = new Float64Array(n0), avgS = new Float64Array(n0);
  const dxMax = new Float64Array(x.length), dxAvg = new Float64Array(x.length), dxS = new Float64Array(x.length);
  let kAvg = 1;
  for (let n = 0; n < N; n++) for (let oh = 0; oh < OH; oh++) for (let ow = 0; ow < OW; ow++) for (let c = 0; c < C; c++) {
    const oi = ((n * OH + oh) * OW + ow) * C + c;
    const at: number[] = [];
    for (let kh = 0; kh < KH; kh++) for (let kw = 0; kw < KW; kw++) {
      const ih = oh * sh - pt + kh * dh, iw = ow * sw - pl + kw * dw;
      if (ih >= 0 && ih < H && iw >= 0 && iw < W) at.push(((n * H + ih) * W + iw) * C + c);
    }
    kAvg = Math.max(kAvg, at.length);
    let m = -Infinity, best = -1, s = 0, sa = 0;
    for (const i of at) {
      const v = x[i];
      if (best < 0 || v > m || (Number.isNaN(v) && !Number.isNaN(m))) { m = v; best = i; }
      s += v; sa += Math.abs(v);
    }
    max[oi] = m;
    avg[oi] = s / at.length;
    avgS[oi] = sa / at.length;
    if (best >= 0) dxMax[best] += dy[oi];
    for (const i of at) { dxAvg[i] += dy[oi] / at.length; dxS[i] += Math.abs(dy[oi] / at.length); }
  }
  return {
    outShape: [N, OH, OW, C] as Shape4,
    max: { v: max, s: new Float64Array(n0), k: 0 },
    avg: { v: avg, s: avgS, k: kAvg },
    dxMax: { v: dxMax, s: dxMax.map(Math.abs), k: KH * KW },
    dxAvg: { v: dxAvg, s: dxS, k: KH * KW },
  };
}

function poolValues(p: PoolCase): { x: Float32Array; dy: Float32Array } {
  const rng = new Rng(hashName(p.name));
  const x = values(rng, size(p.x));
  if (p.values === 'ties') for (let i = 0; i < x.length; i++) x[i] = Math.round(x[i] / 2);
  if (p.values === 'zeros') for (let i = 0; i < x.length; i++) { const r = rng.next(); x[i] = r < 0.03 ? NaN : r < 0.5 ? -0 : 0; }
  if (p.values === 'special') {
    for (let i = 0; i < x.length; i++) {
      const r = rng.next();
      if (r < 0.08) x[i] = NaN;
      else if (r < 0.3) x[i] = -Infinity;
    }
  }
  const [N, OH, OW] = convOutShape(p.x, p.pool[0], p.pool[1], p.geo);
  return { x, dy: values(rng, N * OH * OW * p.x[3]) };
}

// ---- the suites -----------------------------------------------------------------------------------

const CONV_RUNS = CONV_CASES.map(prepare);
const POOLS = POOL_CASES.map((p) => ({ p, ...poolValues(p) }));

/** The js backend's results (float64 precision) for the kernels it has, by case name. */
const JS: Map<string, Float32Array> = new Map();

beforeAll(async () => {
  await use(JS_F64);
  for (const r of CONV_RUNS) {
    if (jsHas('conv2d')) JS.set(`conv2d ${r.c.name}`, convForward(r));
    if (jsHas('conv2dBackpropInput')) JS.set(`dx ${r.c.name}`, convInput(r));
    if (jsHas('conv2dBackpropFilter')) JS.set(`dw ${r.c.name}`, convFilter(r));
  }
  for (const q of POOLS) for (const [k, f] of Object.entries(poolRuns(q))) if (jsHas(k as KernelName)) JS.set(`${k} ${q.p.name}`, f());
});

/** The four pooling kernels on one case, each a thunk on the active backend. */
function poolRuns({ p, x, dy }: (typeof POOLS)[number]): Record<'maxPool2d' | 'avgPool2d' | 'maxPool2dGrad' | 'avgPool2dGrad', () => Float32Array> {
  const attrs = { ...p.geo, poolSize: p.pool };
  const xi = { v: x, shape: p.x }, dyi = { v: dy, shape: [...convOutShape(p.x, p.pool[0], p.pool[1], p.geo), p.x[3]] };
  return {
    maxPool2d: () => run('maxPool2d', [xi], attrs),
    avgPool2d: () => run('avgPool2d', [xi], attrs),
    maxPool2dGrad: () => run('maxPool2dGrad', [xi, dyi], attrs),
    avgPool2dGrad: () => run('avgPool2dGrad', [dyi], { ...attrs, inShape: p.x }),
  };
}

/** got against the js backend's result, when it has the kernel, with the reference's tolerance. */
function againstJs(key: string, got: Float32Array, ref: Ref, slope = 1, rtol = 0, atol = 1e-7): string[] {
  const js = JS.get(key);
  return js ? close(got, { ...ref, v: Float64Array.from(js) }, 2 * slope, rtol, atol).map((s) => `js: ${s}`) : [];
}

for (const cfg of testBackends().filter((b) => b.backend === 'wasm')) {
  describe(`conv family on ${cfg.label}`, () => {
    beforeAll(async () => { await use(cfg); });

    for (const r of CONV_RUNS) {
      it(`conv2d, dx, dw: ${r.c.name}`, () => {
        const before = eg.memory();
        const fwd = forwardRef(r);
        const slope = r.c.act === 'linear' || r.c.act === 'relu' ? 1 : 1.2;
        const [rtol, atol] = slope === 1 ? [0, 1e-7] : [1e-5, 1e-6];
        const y = convForward(r), dx = convInput(r), dw = convFilter(r);
        expect({
          y: close(y, fwd, slope, rtol, atol), yJs: againstJs(`conv2d ${r.c.name}`, y, fwd, slope, rtol, atol),
          dx: close(dx, r.ref.dx), dxJs: againstJs(`dx ${r.c.name}`, dx, r.ref.dx),
          dw: close(dw, r.ref.dW), dwJs: againstJs(`dw ${r.c.name}`, dw, r.ref.dW),
        }).toEqual({ y: [], yJs: [], dx: [], dxJs: [], dw: [], dwJs: [] });
        // The special cases reach NaN, Infinity and (before relu) -Infinity outputs and keep finite ones.
        if (r.c.special === 'dy') expect([dw.some((v) => !Number.isFinite(v)), dw.some(Number.isFinite)]).toEqual([true, true]);
        if (r.c.special === true) {
          const kinds = (r.c.act === 'relu' ? [NaN, Infinity] : [NaN, Infinity, -Infinity]).map((v) => y.some((u) => Object.is(u, v)));
          expect([...kinds, y.some(Number.isFinite)]).toEqual([...kinds.map(() => true), true]);
        }
        const after = eg.memory();
        expect([after.tensors, after.bytes]).toEqual([before.tensors, before.bytes]);
      });
    }

    for (const q of POOLS) {
      const { p, x, dy } = q;
      it(`pooling and its gradients: ${p.name}`, () => {
        const ref = poolRef(p, x, dy);
        const k = poolRuns(q);
        const max = k.maxPool2d(), avg = k.avgPool2d(), dxMax = k.maxPool2dGrad(), dxAvg = k.avgPool2dGrad();
        // max is exact, -Infinity and NaN included (Object.is tells them apart; against the float64 reference
        // +0 and -0 pass as equal; against js, whose rule the kernels follow, the sign of a zero counts too).
        const exact = (got: Float32Array, want: ArrayLike<number>, signed = false) => Array.from(got).map((v, i) => [i, v, want[i]])
          .filter(([, v, w]) => !((!signed && v === w) || Object.is(v, w))).slice(0, 5);
        const jsMax = JS.get(`maxPool2d ${p.name}`);
        expect({ max: exact(max, ref.max.v), maxJs: jsMax ? exact(max, jsMax, true) : [] }).toEqual({ max: [], maxJs: [] });
        if (p.values === 'zeros') expect(jsMax && Array.from(max).some((v) => Object.is(v, -0)) && max.some((v) => Object.is(v, 0))).toBe(true);
        expect({
          avg: close(avg, ref.avg), avgJs: againstJs(`avgPool2d ${p.name}`, avg, ref.avg),
          dxMax: close(dxMax, ref.dxMax), dxMaxJs: againstJs(`maxPool2dGrad ${p.name}`, dxMax, ref.dxMax),
          dxAvg: close(dxAvg, ref.dxAvg), dxAvgJs: againstJs(`avgPool2dGrad ${p.name}`, dxAvg, ref.dxAvg),
        }).toEqual({ avg: [], avgJs: [], dxMax: [], dxMaxJs: [], dxAvg: [], dxAvgJs: [] });
      });
    }

    it('the cases reach every path: the windows wholly in the padding give act(bias) and -Infinity', () => {
      const r = CONV_RUNS.find((q) => q.c.name.startsWith('windows wholly'))!;
      const y = convForward(r);
      // Output pixel (0, 0) sees only padding: relu(bias).
      expect(Array.from(y.subarray(0, 5))).toEqual(Array.from(r.b.subarray(0, 5), (b) => Math.max(b, 0)));
      const max = poolRuns(POOLS.find((q) => q.p.name.startsWith('windows wholly'))!).maxPool2d();
      expect(Array.from(max.subarray(0, 5))).toEqual([-Infinity, -Infinity, -Infinity, -Infinity, -Infinity]);
    });

    it('the conv scratch is reused, not leaked: arena bytes stay flat over repeated calls', () => {
      const r = CONV_RUNS.find((q) => q.c.name.startsWith('rows across'))!;
      convForward(r); convInput(r); convFilter(r);
      const before = eg.memory();
      for (let i = 0; i < 3; i++) { convForward(r); convInput(r); convFilter(r); }
      const after = eg.memory();
      expect(after).toEqual(before);
    });
  });
}

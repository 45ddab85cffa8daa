// Rounding error of a build's conv2d forward (a bindings/wasm-*.gen.ts file) against a float64 direct
// conv on the same float32 inputs (uniform in [-1, 1)): per layer the largest |got - want| relative to
// the largest |want|, and the largest |got - want| relative to that output's sum of |x w| (the bound the
// conv tests use: 2 * 9C * 2^-24 of it). E.g. Winograd F(4x4) against F(2x2) against the direct forward:
//   node --experimental-wasm-relaxed-simd bench/conv-error.mjs bindings/wasm-simd.gen.ts
import { readFileSync } from 'node:fs';
const files = process.argv.slice(2);
const b64 = (f) => readFileSync(f, 'utf8').match(/wasmBase64(?:: string)? =\s*'([^']+)'/)[1];
const rnd = (n, s) => { const v = new Float32Array(n); for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 31 - 1; } return v; };
/** [name, N, H, W, C, O, pad] of 3x3 stride-1 convs. */
const LAYERS = [
  ['13x13x16->32 valid (the reference CNN) b16', 16, 13, 13, 16, 32, 0],
  ['28x28x16->32 same b4', 4, 28, 28, 16, 32, 1],
  ['56x56x64->64 same b1', 1, 56, 56, 64, 64, 1],
  ['14x14x256->256 same b1', 1, 14, 14, 256, 256, 1],
];
for (const file of files) {
  const memory = new WebAssembly.Memory({ initial: 2048 });
  const { instance } = await WebAssembly.instantiate(Buffer.from(b64(file), 'base64'), { env: { memory } });
  const k = instance.exports;
  for (const [name, N, H, W, C, O, pad] of LAYERS) {
    const OH = H + 2 * pad - 2, OW = W + 2 * pad - 2;
    let top = (k.heap_base() + 15) & ~15;
    const alloc = (bytes) => { const p = top; top = (top + bytes + 15) & ~15; return p; };
    const p = alloc(64); new Int32Array(memory.buffer, p, 16).set([N, H, W, C, OH, OW, O, 3, 3, 1, 1, 1, 1, pad, pad, 1]);
    const x = rnd(N * H * W * C, 1), w = rnd(9 * C * O, 2);
    const px = alloc(x.length * 4), pw = alloc(w.length * 4), po = alloc(N * OH * OW * O * 4);
    const work = alloc(k.f32_conv_work_bytes(p, 0));
    new Float32Array(memory.buffer, px, x.length).set(x); new Float32Array(memory.buffer, pw, w.length).set(w);
    k.f32_conv2d(px, pw, 0, po, 0, p, work);
    const got = new Float32Array(memory.buffer, po, N * OH * OW * O);
    let maxErr = 0, maxWant = 0, maxScaled = 0;
    const want = new Float64Array(O), scale = new Float64Array(O);
    for (let n = 0; n < N; n++) for (let oh = 0; oh < OH; oh++) for (let ow = 0; ow < OW; ow++) {
      want.fill(0); scale.fill(0);
      for (let kh = 0; kh < 3; kh++) for (let kw = 0; kw < 3; kw++) {
        const ih = oh - pad + kh, iw = ow - pad + kw;
        if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
        for (let c = 0; c < C; c++) {
          const xv = x[((n * H + ih) * W + iw) * C + c], wb = ((kh * 3 + kw) * C + c) * O;
          for (let o = 0; o < O; o++) { const t = xv * w[wb + o]; want[o] += t; scale[o] += Math.abs(t); }
        }
      }
      const base = ((n * OH + oh) * OW + ow) * O;
      for (let o = 0; o < O; o++) {
        const e = Math.abs(got[base + o] - want[o]);
        maxErr = Math.max(maxErr, e); maxWant = Math.max(maxWant, Math.abs(want[o])); maxScaled = Math.max(maxScaled, e / scale[o]);
      }
    }
    console.log(`${file} ${name}: max |err| / max |want| ${(maxErr / maxWant).toExponential(2)}, max |err| / sum|xw| ${maxScaled.toExponential(2)} (the tests' bound ${(2 * 9 * C * 2 ** -24).toExponential(2)})`);
    // The backward: dy uniform in [-1, 1) against float64 sums of the same products (dx: over the taps
    // and output channels, 9*O terms; dW: over the batch's output pixels, N*OH*OW terms).
    const dy = rnd(N * OH * OW * O, 3), pdy = alloc(dy.length * 4), pdx = alloc(x.length * 4), pdw = alloc(w.length * 4);
    new Float32Array(memory.buffer, pdy, dy.length).set(dy);
    const w1 = alloc(k.f32_conv_work_bytes(p, 1)); k.f32_conv2d_backprop_input(pdy, pw, pdx, p, w1);
    const w2 = alloc(k.f32_conv_work_bytes(p, 2)); k.f32_conv2d_backprop_filter(px, pdy, pdw, p, w2);
    const gdx = new Float32Array(memory.buffer, pdx, x.length), gdw = new Float32Array(memory.buffer, pdw, w.length);
    const dx = new Float64Array(x.length), dxs = new Float64Array(x.length), dw = new Float64Array(w.length), dws = new Float64Array(w.length);
    for (let n = 0; n < N; n++) for (let oh = 0; oh < OH; oh++) for (let ow = 0; ow < OW; ow++) for (let kh = 0; kh < 3; kh++) for (let kw = 0; kw < 3; kw++) {
      const ih = oh - pad + kh, iw = ow - pad + kw;
      if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
      const yb = ((n * OH + oh) * OW + ow) * O, xb = ((n * H + ih) * W + iw) * C;
      for (let c = 0; c < C; c++) {
        const wb = ((kh * 3 + kw) * C + c) * O, xv = x[xb + c];
        let s = 0, sa = 0;
        for (let o = 0; o < O; o++) { const t = dy[yb + o] * w[wb + o]; s += t; sa += Math.abs(t); const u = xv * dy[yb + o]; dw[wb + o] += u; dws[wb + o] += Math.abs(u); }
        dx[xb + c] += s; dxs[xb + c] += sa;
      }
    }
    const err = (got, want, scale) => {
      let e = 0, m = 0, sc = 0;
      for (let i = 0; i < got.length; i++) { const d = Math.abs(got[i] - want[i]); e = Math.max(e, d); m = Math.max(m, Math.abs(want[i])); if (scale[i] > 0) sc = Math.max(sc, d / scale[i]); }
      return `max |err| / max |want| ${(e / m).toExponential(2)}, max |err| / sum|terms| ${sc.toExponential(2)}`;
    };
    console.log(`${file} ${name} dX: ${err(gdx, dx, dxs)} (the tests' bound ${(2 * 9 * O * 2 ** -24).toExponential(2)})`);
    console.log(`${file} ${name} dW: ${err(gdw, dw, dws)} (the direct sum's bound ${(2 * N * OH * OW * 2 ** -24).toExponential(2)})`);
  }
}

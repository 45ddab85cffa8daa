// Minimal reproduction of the engine bug behind the int8 GEMM's choice of dot form (assembly/qgemm.ts
// rdot, src/backends/wasm.ts probeRelaxedDot): one `i32x4.relaxed_dot_i8x16_i7x16_add_s(a, b, c)`,
// a signed and b in [0, 127] (the lanes the relaxed-SIMD spec defines alike everywhere), run in each
// of V8's wasm tiers. Node 20.20 (V8 11.3) on x64 without AVX-VNNI: the baseline tier (Liftoff) gives
// 2 * dot(a, b) and drops c; its machine code (--print-wasm-code) picks the accumulator's register
// as the scratch of pmaddubsw: `vpmaddubsw xmm2,xmm1,xmm0` (c was in xmm2), `vpmaddwd xmm2,xmm2,xmm3`,
// `vmovdqa xmm0,xmm2`, `vpaddd xmm0,xmm0,xmm2`. The optimizing tier (TurboFan) computes it right.
// (Newer V8 excludes the accumulator from Liftoff's scratch registers.)
//   node scripts/relaxed-dot-repro.mjs
import { spawnSync } from 'node:child_process';

if (process.argv[2] === 'run') {
  // (func (param a b c out) (v128.store (out) (i32x4.relaxed_dot_i8x16_i7x16_add_s (v128.load a) (v128.load b) (v128.load c))))
  const load = (i) => [0x20, i, 0xfd, 0x00, 0x00, 0x00];
  const body = [0x00, 0x20, 0x03, ...load(0), ...load(1), ...load(2), 0xfd, 0x93, 0x02, 0xfd, 0x0b, 0x00, 0x00, 0x0b];
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x08, 0x01, 0x60, 0x04, 0x7f, 0x7f, 0x7f, 0x7f, 0x00, // type: (i32 i32 i32 i32) -> ()
    0x02, 0x0f, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x01, // import env.memory
    0x03, 0x02, 0x01, 0x00, // one function
    0x07, 0x07, 0x01, 0x03, 0x64, 0x6f, 0x74, 0x00, 0x00, // export "dot"
    0x0a, body.length + 2, 0x01, body.length, ...body,
  ]);
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { instance } = await WebAssembly.instantiate(bytes, { env: { memory } });
  const i8 = new Int8Array(memory.buffer), i32 = new Int32Array(memory.buffer);
  const a = [-128, 127, -5, 3, 1, 2, 3, 4, -1, -2, -3, -4, 100, -100, 50, 7];
  const b = [127, 0, 64, 1, 1, 1, 1, 1, 9, 8, 7, 6, 127, 126, 1, 0];
  const c = [1000, 2000, 3000, 4000];
  i8.set(a, 0); i8.set(b, 16); i32.set(c, 8);
  instance.exports.dot(0, 16, 32, 48);
  const got = Array.from(i32.subarray(12, 16));
  const dot = c.map((_, l) => a.slice(4 * l, 4 * l + 4).reduce((s, v, t) => s + v * b[4 * l + t], 0));
  const want = dot.map((d, l) => d + c[l]);
  const verdict = got.every((g, l) => g === want[l]) ? 'exact' : got.every((g, l) => g === 2 * dot[l]) ? 'WRONG: 2 * dot, addend dropped' : 'WRONG';
  console.log(`got [${got}], want [${want}]: ${verdict}`);
} else {
  console.log(`node ${process.version} (V8 ${process.versions.v8}), ${process.arch}`);
  for (const [tier, flag] of [['baseline (Liftoff)', '--liftoff-only'], ['optimizing (TurboFan)', '--no-liftoff']]) {
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', flag, new URL(import.meta.url).pathname, 'run'], { encoding: 'utf8' });
    process.stdout.write(`${tier}: ${r.stdout || r.stderr}`);
  }
}

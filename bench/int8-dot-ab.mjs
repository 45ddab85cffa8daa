// In-process A/B of the relaxed int8 GEMM's two forms of the dot (i8_qgemm's `relaxed` 1: the fused
// i32x4.relaxed_dot_i8x16_i7x16_add_s, 2: the i16 relaxed dot + extadd_pairwise + add) and the float32
// GEMM (f32_gemm_packed, B packed once, + bias + relu), one relaxed module, called alternately and
// timed by CPU time. Warm-up first: V8's baseline compiler (Liftoff, Node 20) computes the fused form
// wrong (scripts/relaxed-dot-repro.mjs), so its sums are checked after TurboFan took over. First, the
// register-only peaks (8 accumulators, no memory) of each int8 form and of f32 relaxed_madd: their
// ratio bounds what int8 can gain over a float32 GEMM that runs near its own peak.
//   node --experimental-wasm-relaxed-simd bench/int8-dot-ab.mjs [bindings/wasm-relaxed.gen.ts]   (ROUNDS=n, 9 by default)
import { readFileSync } from 'node:fs';
import asc from 'assemblyscript/asc';
const file = process.argv[2] ?? 'bindings/wasm-relaxed.gen.ts';
const b64 = readFileSync(file, 'utf8').match(/wasmBase64(?::\s*string)?\s*=\s*'([^']+)'/)[1];
const memory = new WebAssembly.Memory({ initial: 2048 });
const { instance } = await WebAssembly.instantiate(Buffer.from(b64, 'base64'), { env: { memory } });
const k = instance.exports;
let top = (k.heap_base() + 15) & ~15;
const alloc = (bytes) => { const p = top; top = (top + bytes + 63) & ~63; return p; };
const rnd = (n, s) => { const v = new Float32Array(n); for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; } return v; };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const rounds = Number(process.env.ROUNDS ?? 9);

// The peaks: 8 independent accumulators, operands in registers; int8 16 MACs per dot, f32 4 per madd.
const i8dot = { fused: (w, x, c) => `i32x4.relaxed_dot_i8x16_i7x16_add_s(${w}, ${x}, ${c})`,
  i16: (w, x, c) => `i32x4.add(${c}, i32x4.extadd_pairwise_i16x8_s(i16x8.relaxed_dot_i8x16_i7x16_s(${w}, ${x})))` };
const acc = (n) => Array.from({ length: n }, (_, i) => i);
const peakSrc = Object.entries(i8dot).map(([name, dot]) => `export function ${name}(n: i32, s: i32): i32 {
  ${acc(4).map((i) => `const w${i} = i8x16.splat(<i8>(s + ${i}));`).join(' ')}
  let x0 = i8x16.splat(<i8>(s & 63)), x1 = i8x16.splat(<i8>((s + 3) & 63));
  ${acc(8).map((i) => `let c${i} = i32x4.splat(${i});`).join(' ')}
  // 8 different (w, x) pairs and x changing every turn: nothing for the compilers to share or hoist
  for (let i = 0; i < n; i++) {
    ${acc(8).map((i) => `c${i} = ${dot(`w${i & 3}`, `x${i >> 2}`, `c${i}`)};`).join(' ')}
    x0 = i8x16.add(x0, x1); x1 = i8x16.sub(x1, x0);
  }
  return i32x4.extract_lane(${acc(8).map((i) => `c${i}`).reduce((p, q) => `i32x4.add(${p}, ${q})`)}, 0);
}`).join('\n') + `
export function madd(n: i32, s: f32): f32 {
  const x = f32x4.splat(s), y = f32x4.splat(s * 1e-3);
  ${acc(12).map((i) => `let c${i} = f32x4.splat(s + ${i}.0);`).join(' ')}
  for (let i = 0; i < n; i++) { ${acc(12).map((i) => `c${i} = f32x4.relaxed_madd(c${i}, x, y);`).join(' ')} }
  return f32x4.extract_lane(${acc(12).map((i) => `c${i}`).reduce((p, q) => `f32x4.add(${p}, ${q})`)}, 0);
}`;
const compiled = await asc.compileString(peakSrc, { optimizeLevel: 3, runtime: 'stub', noAssert: true, enable: ['simd', 'relaxed-simd'] });
if (compiled.error || !compiled.binary) throw new Error(`peaks: asc failed: ${compiled.error?.message}`);
const P = (await WebAssembly.instantiate(await WebAssembly.compile(compiled.binary))).exports;
{
  const n = 1 << 21, macs = { fused: 128, i16: 128, madd: 48 }, t = { fused: [], i16: [], madd: [] };
  for (const f of Object.keys(t)) P[f](1 << 16, 3);
  for (let r = 0; r < rounds; r++) for (const f of Object.keys(t)) { const t0 = cpu(); P[f](n, 3); t[f].push(cpu() - t0); }
  const g = Object.fromEntries(Object.keys(t).map((f) => [f, (n * macs[f]) / med(t[f]) / 1e9]));
  console.log(`register peaks: int8 i16 form ${g.i16.toFixed(1)}, int8 fused ${g.fused.toFixed(1)}, f32 relaxed_madd ${g.madd.toFixed(1)} GMAC/s; `
    + `int8/f32 ceiling ${(g.i16 / g.madd).toFixed(2)}x (i16 form), ${(g.fused / g.madd).toFixed(2)}x (fused); load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
}
for (const [M, K, N] of [[64, 784, 128], [512, 512, 512], [256, 784, 128]]) {
  const x = alloc(M * K * 4), w = alloc(K * N * 4), wq = alloc(K * N), wp = alloc(k.i8_qpack_bytes(K, N)), fp = alloc(k.f32_gemm_packed_bytes(N, K));
  const cs = alloc(N * 4), bias = alloc(N * 4), out = alloc(M * N * 4), work = alloc(Math.max(k.i8_qgemm_work_bytes(M, N, K), k.f32_gemm_work_bytes(M, N, K)));
  new Float32Array(memory.buffer, x, M * K).set(rnd(M * K, 1));
  new Float32Array(memory.buffer, w, K * N).set(rnd(K * N, 2));
  new Float32Array(memory.buffer, bias, N).set(rnd(N, 3));
  new Float32Array(memory.buffer, cs, N).fill(0.01);
  const i8 = new Int8Array(memory.buffer, wq, K * N);
  for (let i = 0; i < K * N; i++) i8[i] = ((i * 37) % 255) - 127;
  k.i8_qpack(wq, wp, K, N);
  k.f32_gemm_pack_b(w, N, K, N, 0, fp);
  const runs = {
    f32: () => k.f32_gemm_packed(x, fp, out, M, N, K, K, N, 1, 0, 0, bias, 1, work, 0),
    'int8 form 2': () => k.i8_qgemm(x, wp, cs, bias, out, M, N, K, 0, 1, work, 2),
    'int8 form 1 (fused)': () => k.i8_qgemm(x, wp, cs, bias, out, M, N, K, 0, 1, work, 1),
  };
  const res = (f) => { f(); return new Float32Array(memory.buffer, out, M * N).slice(); };
  for (let i = 0; i < 30; i++) for (const f of Object.values(runs)) f();
  const r2 = res(runs['int8 form 2']), r1 = res(runs['int8 form 1 (fused)']);
  const same = r1.every((v, i) => v === r2[i]);
  const t = Object.fromEntries(Object.keys(runs).map((n) => [n, []]));
  const reps = Math.max(1, Math.round(2e8 / (M * K * N)));
  for (let r = 0; r < rounds; r++) {
    for (const [n, f] of Object.entries(runs)) { const t0 = cpu(); for (let i = 0; i < reps; i++) f(); t[n].push((cpu() - t0) / reps); }
  }
  const base = med(t.f32);
  console.log(`${M}x${K}x${N}: ` + Object.entries(t).map(([n, ts]) => `${n} ${(2 * M * K * N / med(ts) / 1e9).toFixed(1)} GOP/s (${(base / med(ts)).toFixed(2)}x f32)`).join(', ') +
    `; forms give the same floats after warm-up: ${same}`);
}

// In-process A/B of the GEMM exports of two builds of the module (A, B: bindings/wasm-*.gen.ts files),
// each in its own instance and memory, called alternately on the same data and timed by the process's
// CPU time (robust on a loaded machine: both see the same load), with the register-only probe of
// bench/probe.ts (mul+add, or relaxed_madd for a relaxed build) timed between them: GFLOP/s, B/A and
// % of the probe. The shapes are the MLP rows and the square sizes of `npm run bench -- --only gemm`;
// the calls skip the tensors' upload and read-back, so the % runs above the bench's. E.g. main against a branch:
//   git show main:bindings/wasm-simd.gen.ts > /tmp/a.gen.ts
//   node --experimental-wasm-relaxed-simd bench/gemm-ab.mjs /tmp/a.gen.ts bindings/wasm-simd.gen.ts [tile id] [shape filter]
// (tile id as f32_gemm_set_tile: 0 4x8, 1 4x16, 2 3x12; ROUNDS=n sets the rounds, 15 by default;
// EXTRA='NN 1024x576x64;PN 32x784x128' adds shapes).
import { readFileSync } from 'node:fs';
import asc from 'assemblyscript/asc';
const [fileA, fileB, tileArg = '0', only] = process.argv.slice(2);
const relaxed = fileB.includes('relaxed');
const tile = Number(tileArg);
const b64 = (f) => readFileSync(f, 'utf8').match(/wasmBase64(?::\s*string)?\s*=\s*'([^']+)'/)[1];
async function inst(f) {
  const memory = new WebAssembly.Memory({ initial: 4096 });
  const { instance } = await WebAssembly.instantiate(Buffer.from(b64(f), 'base64'), { env: { memory } });
  const k = instance.exports; let top = (k.heap_base() + 15) & ~15;
  const alloc = (bytes) => { const p = top; top = (top + bytes + 63) & ~63; return p; };
  if (!k.f32_gemm_set_tile(tile)) throw new Error(`${f}: the module refused tile ${tile}`);
  return { k, memory, alloc };
}
const rnd = (n, s) => { const v = new Float32Array(n); for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; } return v; };
const shapes = [
  ['NN', 64, 784, 128], ['NT', 64, 784, 128], ['TN', 64, 784, 128],
  ['NN', 64, 128, 10], ['NT', 64, 128, 10], ['TN', 64, 128, 10],
  ['NN', 784, 64, 128], ['TN', 784, 64, 128],
  ['NN', 64, 128, 784], ['NT', 64, 128, 784],
  ['NN', 512, 512, 512], ['NN', 1024, 1024, 1024],
  // PN: B resident, packed once (f32_gemm_pack_b) and run by f32_gemm_packed, as the packed-weight
  // cache runs a dense layer's weights; + bias and relu (the MLP's first layer at predict's batch 256)
  ['PN', 256, 784, 128], ['PN', 256, 128, 10],
  ...(process.env.EXTRA ?? '').split(';').filter(Boolean).map((x) => { const [f, m, k, n] = x.split(/[ x]/); return [f, +m, +k, +n]; }),
].filter(([f, M, K, N]) => !only || `${f} ${M}x${K}x${N}`.includes(only));
/** One GEMM [form, M, K, N] on module m: the call, and a copy of C. */
function setup(m, [form, M, K, N]) {
  const a = m.alloc(M * K * 4), b = m.alloc(K * N * 4), c = m.alloc(M * N * 4), work = m.alloc(m.k.f32_gemm_work_bytes(M, N, K));
  new Float32Array(m.memory.buffer, a, M * K).set(rnd(M * K, 1));
  new Float32Array(m.memory.buffer, b, K * N).set(rnd(K * N, 2));
  const lda = form[0] === 'T' ? M : K, ldb = form[1] === 'T' ? K : N;
  if (form === 'PN') {
    const packed = m.alloc(m.k.f32_gemm_packed_bytes(N, K)), bias = m.alloc(N * 4);
    new Float32Array(m.memory.buffer, bias, N).set(rnd(N, 3));
    m.k.f32_gemm_pack_b(b, N, K, N, 0, packed);
    return {
      run: () => m.k.f32_gemm_packed(a, packed, c, M, N, K, K, N, 1, 0, 0, bias, 1, work, 0),
      out: () => new Float32Array(m.memory.buffer, c, M * N).slice(),
    };
  }
  const fn = m.k[`f32_gemm_${form.toLowerCase()}`];
  return { run: () => fn(a, b, c, M, N, K, lda, ldb, N, 1, 0, 0, 0, 0, 0, work), out: () => new Float32Array(m.memory.buffer, c, M * N).slice() };
}
// The probe: bench/probe.ts's 12 chains, compiled the same way.
const madd = relaxed ? 'f32x4.relaxed_madd(A, x, y)' : 'f32x4.add(f32x4.mul(A, x), y)';
const peakSrc = `export function peak(n: i32, s: f32): f32 {
  const x = f32x4.splat(s), y = f32x4.splat(s * 1e-3);
  ${Array.from({ length: 12 }, (_, i) => `let c${i} = f32x4.splat(s + ${i}.0);`).join(' ')}
  for (let i = 0; i < n; i++) { ${Array.from({ length: 12 }, (_, i) => `c${i} = ${madd.replace('A', `c${i}`)};`).join(' ')} }
  let t = ${Array.from({ length: 12 }, (_, i) => `c${i}`).reduce((p, q) => `f32x4.add(${p}, ${q})`)};
  return f32x4.extract_lane(t, 0);
}`;
const r = await asc.compileString(peakSrc, { optimizeLevel: 3, runtime: 'stub', noAssert: true, enable: relaxed ? ['simd', 'relaxed-simd'] : ['simd'] });
if (r.error || !r.binary) throw new Error(`probe: asc failed: ${r.error?.message}`);
const peak = (await WebAssembly.instantiate(await WebAssembly.compile(r.binary))).exports.peak;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const A = await inst(fileA), B = await inst(fileB);
const med = (v) => [...v].sort((x, y) => x - y)[v.length >> 1];
const PN = 1 << 20; peak(PN, 0.999);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`${relaxed ? 'relaxed' : 'simd'} build, tile ${tile}, probe ${relaxed ? 'relaxed_madd' : 'mul+add'}; load ${load()}`);
for (const s of shapes) {
  const gA = setup(A, s), gB = setup(B, s);
  gA.run(); gB.run();
  const oa = gA.out(), ob = gB.out();
  const same = oa.every((v, i) => Object.is(v, ob[i]));
  let n = 0; const t0 = performance.now(); for (; performance.now() - t0 < 150; n++) { gA.run(); gB.run(); }
  const reps = Math.max(1, Math.round(n * 8 / (performance.now() - t0)));
  const ta = [], tb = [], tp = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [g, ts] of [[gA, ta], [gB, tb]]) { const c0 = cpu(); for (let i = 0; i < reps; i++) g.run(); ts.push((cpu() - c0) / reps); }
    const c0 = cpu(); peak(PN, 0.999); tp.push(cpu() - c0);
  }
  const [f, M, K, N] = s, mflop = 2 * M * N * K / 1e6, pk = PN * 12 * 8 / 1e6 / med(tp);
  const ga = mflop / med(ta), gb = mflop / med(tb);
  console.log(`${f} ${M}x${K}x${N}: A ${ga.toFixed(1)}, B ${gb.toFixed(1)} GFLOP/s, B/A ${(med(ta) / med(tb)).toFixed(3)}x; `
    + `probe ${pk.toFixed(1)}: A ${(100 * ga / pk).toFixed(1)}%, B ${(100 * gb / pk).toFixed(1)}%${same ? '' : '; C differs between A and B'}`);
}
console.log(`load ${load()}`);

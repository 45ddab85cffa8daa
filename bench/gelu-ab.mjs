// In-process A/B of the gelu and geluGrad wasm kernels: two builds of the module (A, B: bindings/wasm-*.gen.ts),
// each in its own instance and memory, called alternately (A, B, A, B...) on the same data and timed by the
// process's CPU time (and f32_gemm_nn with its gelu epilogue); then each build's max error against a float64 reference over a dense sweep of [-10, 10].
//   git show main:bindings/wasm-simd.gen.ts > /tmp/a.gen.ts
//   node --experimental-wasm-relaxed-simd bench/gelu-ab.mjs /tmp/a.gen.ts bindings/wasm-simd.gen.ts [rounds]
import { readFileSync } from 'node:fs';
const [fileA, fileB, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 15);
const b64 = (f) => readFileSync(f, 'utf8').match(/wasmBase64(?:: string)? =\s*'([^']+)'/)[1];
async function inst(f) {
  const memory = new WebAssembly.Memory({ initial: 2048 });
  const { instance } = await WebAssembly.instantiate(Buffer.from(b64(f), 'base64'), { env: { memory } });
  const k = instance.exports; let top = (k.heap_base() + 15) & ~15;
  const alloc = (n) => { const p = top; top = (top + n * 4 + 15) & ~15; return p; };
  const f32 = (p, n) => new Float32Array(memory.buffer, p, n);
  return { k, alloc, f32 };
}
const A = await inst(fileA), B = await inst(fileB);

// ---- float64 reference: Phi via erfc, relatively accurate in both tails ----
function erfc(z) { // z >= 0
  if (z < 2.5) {
    let term = z, sum = z; const z2 = z * z;
    for (let n = 1; n < 80; n++) { term *= -z2 / n; const t = term / (2 * n + 1); sum += t; if (Math.abs(t) < 1e-18 * Math.abs(sum)) break; }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = z, c = z, d = 0; // Lentz continued fraction
  for (let n = 1; n < 500; n++) { d = 1 / (z + (n / 2) * d); c = z + n / 2 / c; const delta = c * d; f *= delta; if (Math.abs(delta - 1) < 1e-17) break; }
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
}
const phiCdf = (x) => (x < 0 ? 0.5 * erfc(-x * Math.SQRT1_2) : 1 - 0.5 * erfc(x * Math.SQRT1_2));
const gelu = (x) => x * phiCdf(x);
const geluDeriv = (x) => phiCdf(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

function accuracy(m, name) {
  const n = 2_000_001, x = m.alloc(n), dy = m.alloc(n), o1 = m.alloc(n), o2 = m.alloc(n);
  const xs = m.f32(x, n);
  for (let i = 0; i < n; i++) xs[i] = -10 + (20 * i) / (n - 1);
  m.f32(dy, n).fill(1);
  m.k.f32_gelu(x, o1, n); m.k.f32_gelu_grad(dy, x, o2, n);
  const g = m.f32(o1, n), d = m.f32(o2, n);
  const st = { gRel: 0, gRelAt: 0, gAbs: 0, dRel: 0, dRelAt: 0, dAbs: 0 };
  for (let i = 0; i < n; i++) {
    const xv = xs[i], rg = gelu(xv), rd = geluDeriv(xv);
    if (rg !== 0) { const e = Math.abs(g[i] - rg) / Math.abs(rg); if (e > st.gRel) { st.gRel = e; st.gRelAt = xv; } }
    st.gAbs = Math.max(st.gAbs, Math.abs(g[i] - rg));
    // NOTE: gelu' crosses 0 near x = -0.7518: relative error there is measured against max(|ref|, 1e-3).
    const e = Math.abs(d[i] - rd) / Math.max(Math.abs(rd), 1e-3); if (e > st.dRel) { st.dRel = e; st.dRelAt = xv; }
    st.dAbs = Math.max(st.dAbs, Math.abs(d[i] - rd));
  }
  const ex = [-10, -6, -3, 3, 6].map((v) => { const y = m.f32(m.alloc(1), 1), o = m.alloc(1); y[0] = v; m.k.f32_gelu(y.byteOffset, o, 1); return `gelu(${v})=${m.f32(o, 1)[0].toExponential(6)} (f64 ${gelu(Math.fround(v)).toExponential(6)})`; });
  console.log(`${name} accuracy over ${n} points in [-10, 10]: gelu max rel ${st.gRel.toExponential(2)} (x=${st.gRelAt.toFixed(4)}), max abs ${st.gAbs.toExponential(2)}; ` +
    `geluGrad max rel ${st.dRel.toExponential(2)} (x=${st.dRelAt.toFixed(4)}, vs max(|ref|,1e-3)), max abs ${st.dAbs.toExponential(2)}`);
  console.log(`  ${ex.join(', ')}`);
}

// ---- speed ----
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
function setup(m, n, kernel) {
  const x = m.alloc(n), dy = m.alloc(n), out = m.alloc(n);
  let s = 12345; const xs = m.f32(x, n), ds = m.f32(dy, n);
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; xs[i] = (s / 2 ** 32 - 0.5) * 10; ds[i] = 1 - i / n; }
  return kernel === 'gelu' ? () => m.k.f32_gelu(x, out, n) : () => m.k.f32_gelu_grad(dy, x, out, n);
}
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]; };
for (const kernel of ['gelu', 'geluGrad']) {
  for (const n of [393216, 4096]) {
    const fa = setup(A, n, kernel), fb = setup(B, n, kernel);
    const reps = Math.max(1, Math.round(4e6 / n)); // ~4M elements (~15-25 ms) per timing
    const time = (f) => { const t = cpu(); for (let r = 0; r < reps; r++) f(); return (cpu() - t) * 1e3 / (reps * n); };
    for (let w = 0; w < 3; w++) { time(fa); time(fb); }
    const ta = [], tb = [], ratio = [];
    for (let r = 0; r < rounds; r++) { const a = time(fa), b = time(fb); ta.push(a); tb.push(b); ratio.push(b / a); }
    console.log(`${kernel.padEnd(8)} n=${String(n).padStart(6)}: A ${median(ta).toFixed(3)} ns/elem, B ${median(tb).toFixed(3)} ns/elem, B/A median ${median(ratio).toFixed(3)} (min ${Math.min(...ratio).toFixed(3)}, max ${Math.max(...ratio).toFixed(3)}, ${rounds} pairs)`);
  }
}
// GEMM + gelu epilogue (f32_gemm_nn, act 2 = gelu) at the char-GPT FFN's shape, and without the epilogue (act 0).
for (const act of [2, 0]) {
  const [M, K, N] = [768, 128, 512];
  const mk = (m) => {
    const a = m.alloc(M * K), b = m.alloc(K * N), c = m.alloc(M * N), bias = m.alloc(N), work = m.alloc(m.k.f32_gemm_work_bytes(M, N, K) / 4);
    for (const [q, n, s] of [[a, M * K, 1], [b, K * N, 2], [bias, N, 3]]) { let r = s; const v = m.f32(q, n); for (let i = 0; i < n; i++) { r = (Math.imul(r, 1664525) + 1013904223) >>> 0; v[i] = (r / 2 ** 32 - 0.5) * 0.5; } }
    return () => m.k.f32_gemm_nn(a, b, c, M, N, K, K, N, N, 1, 0, 0, 0, bias, act, work);
  };
  const fa = mk(A), fb = mk(B), reps = 8;
  const time = (f) => { const t = cpu(); for (let r = 0; r < reps; r++) f(); return (cpu() - t) / 1e3 / reps; };
  for (let w = 0; w < 2; w++) { time(fa); time(fb); }
  const ta = [], tb = [], ratio = [];
  for (let r = 0; r < rounds; r++) { const a = time(fa), b = time(fb); ta.push(a); tb.push(b); ratio.push(b / a); }
  console.log(`gemm nn ${M}x${K}x${N} + bias${act ? ' + gelu' : ''}: A ${median(ta).toFixed(3)} ms, B ${median(tb).toFixed(3)} ms, B/A median ${median(ratio).toFixed(3)} (min ${Math.min(...ratio).toFixed(3)}, max ${Math.max(...ratio).toFixed(3)})`);
}
accuracy(A, 'A'); accuracy(B, 'B');

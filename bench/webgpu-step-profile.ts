// Where a replayed compiled step's wall time goes on WebGPU (Dawn + SwiftShader, issue 16).
// Part 1, the device's fixed costs, each from N repeats of a trivial program, timed from the first
// call to onSubmittedWorkDone (wall) and as process CPU (this thread + SwiftShader's): per dispatch
// (one pass, one submit), per compute pass, per submit, per 256-byte writeBuffer, per mapAsync read,
// per workgroup, and a workgroupBarrier program. Part 2, per row of bench/compiled.ts's webgpu rows:
// the plan's step replayed (wall per step), then each of its dispatches (captured from one replay)
// re-issued alone K times in one pass, as wall per dispatch: the sum of these against the replay
// tells the per-kernel share; a dispatch's cost above the empty one is its work. Part 3, per row:
// the same step traced with and without constant folding and dead-kernel removal (Plan.folding),
// the two plans replayed alternately (10 steps each, 15 rounds, the order swapped every round),
// wall and process CPU per step, medians, and the ratio unfolded / folded of each round's pair.
//   npm run build && VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json node dist/bench/webgpu-step-profile.js [reps]
/// <reference types="@webgpu/types" />
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { planOf } from '../src/model/compiled.js';
import { Plan } from '../src/trace.js';
import type { Dispatch, GpuRuntime, Program } from '../src/backends/webgpu/runtime.js';
import { cnn, cnnData, mlp, mlpData, small, smallData } from './compiled.js';
import { useBackend } from './harness.js';

const REPS = Number(process.argv[2] ?? 200);
await useBackend('webgpu');
const rt = (engine.backend as unknown as { runtime: GpuRuntime }).runtime;
const dev = rt.device;
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

/** Median over 5 runs of (wall ms, cpu ms) of `f` (which issues the work) until the queue is idle, per `per`. */
async function time(f: () => void | Promise<void>, per: number): Promise<{ wall: number; cpu: number }> {
  const w: number[] = [], c: number[] = [];
  for (let r = 0; r < 5; r++) {
    await dev.queue.onSubmittedWorkDone();
    const c0 = cpu(), w0 = performance.now();
    await f();
    await dev.queue.onSubmittedWorkDone();
    w.push((performance.now() - w0) / per);
    c.push((cpu() - c0) / per);
  }
  return { wall: med(w), cpu: med(c) };
}
const us = (t: { wall: number; cpu: number }) => `${(t.wall * 1000).toFixed(1)} us wall, ${(t.cpu * 1000).toFixed(1)} us cpu`;

// ---- part 1: fixed costs -----------------------------------------------------------------------
const pipe = (code: string) => dev.createComputePipeline({ layout: 'auto', compute: { module: dev.createShaderModule({ code }), entryPoint: 'main' } });
const EMPTY = pipe(`@group(0) @binding(0) var<storage, read_write> a: array<f32>;
@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g: vec3u) { if (g.x == 0xffffffffu) { a[0] = 1.0; } }`);
const BARRIER = pipe(`@group(0) @binding(0) var<storage, read_write> a: array<f32>;
var<workgroup> s: array<f32, 64>;
@compute @workgroup_size(64) fn main(@builtin(local_invocation_index) l: u32) { s[l] = f32(l); workgroupBarrier(); if (s[63 - l] < 0.0) { a[0] = 1.0; } }`);
const buf = dev.createBuffer({ size: 1024, usage: 128 | 4 | 8 });
const group = (pl: GPUComputePipeline) => dev.createBindGroup({ layout: pl.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: buf } }] });
const gEmpty = group(EMPTY), gBarrier = group(BARRIER);

function encode(n: number, passes: number, pl = EMPTY, bg = gEmpty, wg = 1): GPUCommandBuffer {
  const enc = dev.createCommandEncoder();
  for (let p = 0; p < passes; p++) {
    const pass = enc.beginComputePass();
    pass.setPipeline(pl); pass.setBindGroup(0, bg);
    for (let i = 0; i < n / passes; i++) pass.dispatchWorkgroups(wg);
    pass.end();
  }
  return enc.finish();
}
await time(() => dev.queue.submit([encode(REPS, 1)]), REPS); // warm-up
const N = REPS;
const perDispatch = await time(() => dev.queue.submit([encode(N, 1)]), N);
const perPass = await time(() => dev.queue.submit([encode(N, N)]), N);
const perSubmit = await time(() => { for (let i = 0; i < N; i++) dev.queue.submit([encode(1, 1)]); }, N);
const wg64 = await time(() => dev.queue.submit([encode(N, 1, EMPTY, gEmpty, 64)]), N);
const barrier = await time(() => dev.queue.submit([encode(N, 1, BARRIER, gBarrier, 1)]), N);
const words = new Uint32Array(64);
const perWrite = await time(() => { for (let i = 0; i < N; i++) dev.queue.writeBuffer(buf, 0, words); dev.queue.submit([]); }, N);
const st = dev.createBuffer({ size: 256, usage: 1 | 8 });
const keep = setInterval(() => {}, 1000);
const perRead = await time(async () => {
  for (let i = 0; i < 20; i++) {
    const enc = dev.createCommandEncoder();
    enc.copyBufferToBuffer(buf, 0, st, 0, 256);
    dev.queue.submit([enc.finish()]);
    await st.mapAsync(1);
    st.unmap();
  }
}, 20);
clearInterval(keep);
console.log(`webgpu step profile (${N} repeats; load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log(`  dispatch, 1 workgroup of 64, in one pass and submit: ${us(perDispatch)}`);
console.log(`  dispatch, 64 workgroups:                            ${us(wg64)}`);
console.log(`  dispatch, 1 workgroup with a workgroupBarrier:      ${us(barrier)}`);
console.log(`  one dispatch per compute pass:                       ${us(perPass)}  (pass: ${((perPass.wall - perDispatch.wall) * 1000).toFixed(1)} us above)`);
console.log(`  one dispatch per submit:                             ${us(perSubmit)}  (submit: ${((perSubmit.wall - perPass.wall) * 1000).toFixed(1)} us above a pass)`);
console.log(`  writeBuffer of 256 bytes:                            ${us(perWrite)}`);
console.log(`  mapAsync read of 256 bytes (copy, submit, map):      ${us(perRead)}`);

// ---- part 2: each row's replayed step, per dispatch ----------------------------------------------
const rows = [
  { name: 'CNN 8x8 c4-bn-pool-c6-dense b16', make: cnn, data: cnnData(64), batch: 16, k: 20 },
  { name: 'MLP 784-128-10 b64', make: mlp, data: mlpData(128), batch: 64, k: 5 },
  { name: 'MLP 49-32-10 b16', make: small, data: smallData(64), batch: 16, k: 20 },
];
const pipelineOf = (p: Program) => (rt as unknown as { pipeline(p: Program): GPUComputePipeline }).pipeline(p);
for (const row of rows) {
  const { x, y } = row.data();
  const m = row.make();
  await m.fit(x, y, { epochs: 2, batchSize: row.batch, verbose: 0, seed: 1 });
  const plan = planOf(m, `train:${row.batch}:`);
  if (!plan) throw new Error(`${row.name}: no plan: ${JSON.stringify(m.compiledSteps())}`);
  const hx = await x.data(), hy = await y.data();
  const batch = [hx.slice(0, row.batch * (hx.length / x.shape[0])), hy.slice(0, row.batch)];
  // capture one replay's dispatches
  const captured: Dispatch[] = [];
  const run = rt.run.bind(rt);
  rt.run = (d: Dispatch) => { captured.push({ ...d, params: [...d.params], buffers: [...d.buffers] }); run(d); };
  const w0 = rt.submits;
  plan.replay(batch);
  rt.run = run;
  const submits = rt.submits - w0;
  const steps = 10;
  const replay = await time(() => { for (let i = 0; i < steps; i++) plan.replay(batch); }, steps);
  // each dispatch alone, K times in one pass (own params buffer and bind group)
  const per = new Map<string, { n: number; wall: number }>();
  let sum = 0;
  const all: { key: string; wall: number; groups: number }[] = [];
  for (const d of captured) {
    const pl = pipelineOf(d.program);
    const u = dev.createBuffer({ size: 256, usage: 64 | 8 });
    const words32 = new Uint32Array(64); words32.set(d.params.map((v) => v >>> 0));
    dev.queue.writeBuffer(u, 0, words32);
    const bg = dev.createBindGroup({ layout: pl.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: u } }, ...d.buffers.map((b, i) => ({ binding: i + 1, resource: { buffer: b } }))] });
    const t = await time(() => {
      const enc = dev.createCommandEncoder();
      const pass = enc.beginComputePass();
      pass.setPipeline(pl); pass.setBindGroup(0, bg);
      for (let i = 0; i < row.k; i++) pass.dispatchWorkgroups(...d.groups);
      pass.end();
      dev.queue.submit([enc.finish()]);
    }, row.k);
    u.destroy();
    const key = d.program.key;
    const e = per.get(key) ?? { n: 0, wall: 0 };
    e.n++; e.wall += t.wall; per.set(key, e);
    sum += t.wall;
    all.push({ key, wall: t.wall, groups: d.groups[0] * d.groups[1] * d.groups[2] });
  }
  console.log(`\n${row.name}: ${captured.length} dispatches (kernels folded ${(plan as unknown as { folded: number }).folded}, dead ${(plan as unknown as { dead: number }).dead}), ${submits} submit(s) per replay; replayed step ${replay.wall.toFixed(3)} ms wall, ${replay.cpu.toFixed(3)} ms cpu`);
  console.log(`  sum of the dispatches alone: ${sum.toFixed(3)} ms (${captured.length} x empty dispatch = ${(captured.length * perDispatch.wall).toFixed(3)} ms)`);
  for (const [key, e] of [...per].sort((a, b) => b[1].wall - a[1].wall)) {
    console.log(`  ${(e.wall).toFixed(3).padStart(8)} ms  ${String(e.n).padStart(2)}x  ${key}`);
  }
  m.dispose(); x.dispose(); y.dispose();
}

// ---- part 3: folded against unfolded plans, replayed alternately ------------------------------------
console.log('\nfolded / unfolded plans, replayed alternately (10 steps x 15 rounds; medians per step; ratio = unfolded / folded, median of the rounds)');
for (const row of rows) {
  const { x, y } = row.data();
  const plans: Record<string, Plan> = {};
  const models: eg.Model[] = [];
  for (const folding of [true, false]) {
    Plan.folding = folding;
    const m = row.make();
    await m.fit(x, y, { epochs: 2, batchSize: row.batch, verbose: 0, seed: 1 });
    plans[folding ? 'folded' : 'unfolded'] = planOf(m, `train:${row.batch}:`)!;
    models.push(m);
  }
  Plan.folding = true;
  const hx = await x.data(), hy = await y.data();
  const batch = [hx.slice(0, row.batch * (hx.length / x.shape[0])), hy.slice(0, row.batch)];
  const t = { folded: { wall: [] as number[], cpu: [] as number[] }, unfolded: { wall: [] as number[], cpu: [] as number[] } };
  const ratio = { wall: [] as number[], cpu: [] as number[] };
  for (let r = 0; r < 15; r++) {
    const got: Record<string, { wall: number; cpu: number }> = {};
    for (const k of r % 2 ? ['unfolded', 'folded'] : ['folded', 'unfolded']) {
      await dev.queue.onSubmittedWorkDone();
      const c0 = cpu(), w0 = performance.now();
      for (let i = 0; i < 10; i++) plans[k].replay(batch);
      await dev.queue.onSubmittedWorkDone();
      got[k] = { wall: (performance.now() - w0) / 10, cpu: (cpu() - c0) / 10 };
      t[k as 'folded'].wall.push(got[k].wall); t[k as 'folded'].cpu.push(got[k].cpu);
    }
    ratio.wall.push(got.unfolded.wall / got.folded.wall); ratio.cpu.push(got.unfolded.cpu / got.folded.cpu);
  }
  console.log(`  ${row.name}: folded ${med(t.folded.wall).toFixed(3)} ms wall, ${med(t.folded.cpu).toFixed(3)} ms cpu; unfolded ${med(t.unfolded.wall).toFixed(3)} ms wall, ${med(t.unfolded.cpu).toFixed(3)} ms cpu; ratio ${med(ratio.wall).toFixed(2)}x wall, ${med(ratio.cpu).toFixed(2)}x cpu`);
  for (const m of models) m.dispose();
  x.dispose(); y.dispose();
}

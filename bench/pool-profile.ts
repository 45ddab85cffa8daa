// Where the pool's short fit job (bench/compiled.ts poolJob, issue 16) loses with 2 workers against
// 1: the same job (new pool, MLP 784-128-10 at batch 256 on 8192 samples, Adam, close), 1 and 2
// workers interleaved (1, 2, 2, 1, ...) in one process, with timestamps from every thread
// (performance.timeOrigin + now(), comparable across threads) and this process's CPU time
// (process.cpuUsage: every thread's, spinning at barriers included). Medians over the rounds:
// - serial parts: createPool (per worker: thread start, worker script load to READY, engine.init on
//   the shared wasm module), the model sent and the first shard step traced in each worker, the
//   tail from the last step call's answer to fit's end, close;
// - per step in the worker-run calls after the first: each worker's shard step, its wait at the
//   barriers, its slice of the all-reduce + Adam update, the call's round trip beyond the workers'
//   own time, the caller's work between calls; CPU ms per step for the whole process.
//   npm run build && node dist/bench/pool-profile.js [rounds=3] [epochs=45] [eager]
import { readFileSync, readdirSync } from 'node:fs';
import * as eg from '../src/index.js';
import type { SharedStepsReply } from '../src/model/parallel/protocol.js';
import { mlp, mlpData } from './compiled.js';

const rounds = Number(process.argv[2] ?? 3), epochs = Number(process.argv[3] ?? 45), compile = process.argv[4] !== 'eager';
await eg.init({ backend: 'wasm' });
const n = 8192, batch = 256, steps = epochs * Math.ceil(n / batch);
const { x, y } = mlpData(n)();
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const now = (): number => performance.timeOrigin + performance.now();
const med = (v: number[]): number => v.length === 0 ? NaN : [...v].sort((a, b) => a - b)[v.length >> 1];

/** Linux: every thread's time on a CPU (ms, /proc schedstat), by thread id; empty elsewhere. */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const t of readdirSync('/proc/self/task')) {
      try { out.set(t, Number(readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ')[0]) / 1e6); } catch { /* ended */ }
    }
  } catch { /* not Linux */ }
  return out;
}

type Figures = Record<string, number>;
interface Call { name: string; t0: number; t1: number; c0: number; c1: number; reply?: SharedStepsReply }

async function job(workers: number): Promise<Figures> {
  const f: Figures = {};
  const atStart = threadCpu(), before = new Set(atStart.keys());
  const w0 = now(), c0 = cpu();
  const pool = await eg.createPool({ workers });
  const w1 = now(), c1 = cpu();
  f['createPool wall'] = w1 - w0;
  f['createPool cpu'] = c1 - c0;
  for (let i = 0; i < workers; i++) {
    const b = pool.slotAt(i).boot, t = b.reply!.times!;
    f[`w${i} spawn to READY (thread + worker script)`] = b.ready - b.spawn;
    f[`w${i} engine.init (shared module)`] = t.end - t.start;
    f[`w${i} READY to createPool resolved, less init`] = (w1 - b.ready) - (t.end - t.start);
  }
  const calls: Call[] = [];
  const run = pool.runJob.bind(pool);
  let steps0: Map<string, number> | null = null, stepCalls = 0;
  pool.runJob = (async (remote: never, name: never, args: never, transfer?: boolean) => {
    // NOTE: the threads' CPU from the second worker-run call on (the steady state)
    if (name === 'model.steps' && stepCalls++ === workers) steps0 = threadCpu();
    const c: Call = { name, t0: now(), t1: 0, c0: cpu(), c1: 0 };
    calls.push(c);
    const r = await run(remote, name, args, transfer);
    c.t1 = now(); c.c1 = cpu();
    if (name === 'model.steps') c.reply = r as SharedStepsReply;
    return r;
  }) as never;
  const m = mlp();
  const w2 = now(), c2 = cpu();
  await m.fit(x, y, { epochs, batchSize: batch, verbose: 0, seed: 1, pool, compile });
  const w3 = now(), c3 = cpu(), steps1 = threadCpu();
  m.dispose();
  await pool.close();
  const w4 = now(), c4 = cpu(), atEnd = threadCpu();
  // NOTE: V8's helper threads (TurboFan compiles, GC) are the process's, started before the pool.
  f['job: V8 helper threads cpu (whole job)'] = [...atEnd].filter(([t]) => atStart.has(t) && t !== String(process.pid)).reduce((a, [t, v]) => a + v - atStart.get(t)!, 0);
  f['job: caller thread cpu (whole job)'] = atEnd.get(String(process.pid))! - atStart.get(String(process.pid))!;
  f['fit wall'] = w3 - w2;
  f['fit cpu'] = c3 - c2;
  f['close wall'] = w4 - w3;
  f['job wall'] = w4 - w0;
  f['job cpu'] = c4 - c0;
  // The worker-run calls, grouped: one call per worker, sent in the same turn.
  const st = calls.filter((c) => c.name === 'model.steps');
  const groups: Call[][] = [];
  for (let i = 0; i < st.length; i += workers) groups.push(st.slice(i, i + workers));
  const load = calls.filter((c) => c.name === 'model.load');
  f['fit start to first call'] = Math.min(...(load.length ? load : st).map((c) => c.t0)) - w2;
  f['model.load (max over workers)'] = Math.max(...load.map((c) => c.t1 - c.t0), 0);
  const first = groups[0];
  f['first call: trace (max over workers)'] = Math.max(...first.map((c) => c.reply!.times.trace));
  f['first call wall'] = Math.max(...first.map((c) => c.t1)) - Math.min(...first.map((c) => c.t0));
  const last = groups[groups.length - 1];
  f['tail: last answer to fit end'] = w3 - Math.max(...last.map((c) => c.t1));
  // Steady state: the calls after the first.
  const rest = groups.slice(1);
  const nSteps = rest.reduce((s, g) => s + g[0].reply!.losses.length, 0);
  const sum = (fn: (g: Call[]) => number) => rest.reduce((s, g) => s + fn(g), 0) / nSteps;
  const span = (g: Call[]) => Math.max(...g.map((c) => c.t1)) - Math.min(...g.map((c) => c.t0));
  f['step wall'] = sum(span);
  f['step cpu (process)'] = sum((g) => Math.max(...g.map((c) => c.c1)) - Math.min(...g.map((c) => c.c0)));
  for (let i = 0; i < workers; i++) {
    f[`w${i} shard step`] = sum((g) => g[i].reply!.times.shard);
    f[`w${i} barrier wait`] = sum((g) => g[i].reply!.times.wait);
    f[`w${i} barriers slept at (per step)`] = sum((g) => g[i].reply!.times.sleeps);
    f[`w${i} all-reduce + update`] = sum((g) => g[i].reply!.times.apply);
    f[`w${i} call overhead (round trip beyond its own time)`] = sum((g) => (g[i].t1 - g[i].t0) - (g[i].reply!.times.end - g[i].reply!.times.start));
  }
  let gap = 0;
  for (let k = 1; k < groups.length; k++) gap += Math.min(...groups[k].map((c) => c.t0)) - Math.max(...groups[k - 1].map((c) => c.t1));
  f['caller between calls (per step)'] = gap / steps;
  // Per-thread CPU per step over the same calls (the workers: the busiest threads the pool started).
  if (steps0) {
    const t0 = steps0 as Map<string, number>;
    const d = [...steps1].filter(([t]) => t0.has(t)).map(([t, v]) => [t, (v - t0.get(t)!) / nSteps] as const);
    const mainTid = String(process.pid);
    const fresh = d.filter(([t]) => !before.has(t)).sort((a, b) => b[1] - a[1]);
    fresh.slice(0, workers).forEach(([, v], i) => { f[`thread cpu/step: worker ${i} (busiest first)`] = v; });
    f['thread cpu/step: workers'] = fresh.slice(0, workers).reduce((a, [, v]) => a + v, 0);
    f['thread cpu/step: caller (main thread)'] = d.find(([t]) => t === mainTid)?.[1] ?? NaN;
    if (process.env.PROFILE_THREADS) console.log(workers, d.filter(([, v]) => v > 0.005).map(([t, v]) => `${t}${before.has(t) ? "" : "*"}:${v.toFixed(3)}`).join(" "));
    f['thread cpu/step: all others'] = d.filter(([t]) => t !== mainTid).reduce((a, [, v]) => a + v, 0) - f['thread cpu/step: workers'];
  }
  f['calls'] = groups.length;
  return f;
}

const all: Record<number, Figures[]> = { 1: [], 2: [] };
await job(1); // warm this process (its own plans, V8)
for (let r = 0; r < rounds; r++) {
  for (const w of r % 2 === 0 ? [1, 2] : [2, 1]) all[w].push(await job(w));
}
x.dispose(); y.dispose();
const params = 784 * 128 + 128 + 128 * 10 + 10;
const { loadavg } = await import('node:os');
console.log(`pool fit job profile: MLP 784-128-10 b${batch}, ${n} x ${epochs} epochs (${steps} steps), ${compile ? 'compiled' : 'eager'}, medians of ${rounds} rounds; load ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
console.log(`all-reduce per step: each worker reads every worker's gradient over its slice: ${(params * 4 / 1024).toFixed(0)} KiB x workers in all`);
const keys = [...new Set([...Object.keys(all[1][0]), ...Object.keys(all[2][0])])];
console.log(`${'ms'.padEnd(56)} ${'1 worker'.padStart(10)} ${'2 workers'.padStart(10)}`);
for (const k of keys) {
  const v = (w: number) => { const xs = all[w].map((f) => f[k]).filter((a) => a !== undefined); return xs.length ? med(xs).toFixed(k.includes('step') || k.includes('between') || k.includes('wait') || k.includes('update') || k.includes('overhead') ? 3 : 1) : '-'; };
  console.log(`${k.padEnd(56)} ${v(1).padStart(10)} ${v(2).padStart(10)}`);
}
const r1 = med(all[1].map((f) => f['job wall'])), r2 = med(all[2].map((f) => f['job wall']));
console.log(`job wall 1/2 workers: ${(r1 / r2).toFixed(2)}x (wall clock: meaningful only on a quiet machine)`);

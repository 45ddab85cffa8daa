// A/B of the worker-run steps' barrier pacing: two worker threads run a step's shape of work, a long
// stretch (the shard step) then a short one (the update), meeting at a barrier after each, as
// model.steps does. (A) pool/barrier.ts's Pacer: each barrier spins at most SPIN_SHARE of the work
// since the last one; (B) a variant tried on 2026-12-07 and left out: spinning paid from a credit of
// SPIN_SHARE of all the work, so the barrier after the short stretch may spend what the long one
// left unspent (fewer sleeps, in theory fewer late wake-ups; at load 4 on 2 cores it was 5-10%
// slower in wall time and 2-3% more CPU). The work is a fixed count of arithmetic (not a clock), so
// a descheduled thread does not do less. Interleaved A, B, A, B..., medians: wall per step,
// barriers slept at per step and worker, process CPU per step (both workers, spinning included).
//   npm run build && node dist/bench/barrier-ab.js [rounds=9] [steps=400] [longUs=1500] [shortUs=150]
import { Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';

const [rounds, steps, longUs, shortUs] = [9, 400, 1500, 150].map((d, i) => Number(process.argv[2 + i] ?? d));
const barrierUrl = new URL('../src/pool/barrier.js', import.meta.url).href;

// The worker: calibrates its arithmetic, then per request runs `steps` steps with one pacing.
const source = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { barrier, Pacer, SPIN_MS, SPIN_SHARE } = await import(workerData.barrierUrl);
  class CreditPacer {
    constructor(memory, sync, n) { this.memory = memory; this.sync = sync; this.n = n; this.left = performance.now(); this.credit = 0; this.sleeps = 0; }
    meet(deadline) {
      const now = performance.now();
      this.credit = Math.min(SPIN_MS, this.credit + SPIN_SHARE * (now - this.left));
      if (barrier(this.memory, this.sync, this.n, deadline, this.credit) > 0) this.sleeps++;
      this.left = performance.now();
      this.credit = Math.max(0, this.credit - (this.left - now));
    }
  }
  let sink = 0;
  const work = (n) => { let x = 1.0001; for (let i = 0; i < n; i++) x = x * 1.0000001 + 1e-9; sink += x; };
  // iterations per microsecond, measured once when quiet enough (the best of a few tries)
  let best = Infinity;
  for (let k = 0; k < 20; k++) { const t0 = performance.now(); work(1e5); best = Math.min(best, performance.now() - t0); }
  const perUs = 1e5 / (best * 1000);
  const { memory } = workerData;
  parentPort.on('message', ({ mode, sync, steps, longUs, shortUs, n }) => {
    const pacer = mode === 'A' ? new Pacer(memory, sync, n) : new CreditPacer(memory, sync, n);
    const deadline = performance.now() + 60000;
    for (let s = 0; s < steps; s++) {
      work(longUs * perUs); pacer.meet(deadline);
      work(shortUs * perUs); pacer.meet(deadline);
    }
    parentPort.postMessage({ sleeps: pacer.sleeps, sink });
  });
  parentPort.postMessage('ready');
})();
`;
const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
const { startRun } = await import(barrierUrl) as typeof import('../src/pool/barrier.js');
const workers = [0, 1].map(() => new Worker(source, { eval: true, workerData: { memory, barrierUrl } }));
const next = (w: Worker) => new Promise<unknown>((resolve, reject) => {
  const fail = (e: unknown) => reject(e);
  w.once('error', fail);
  w.once('message', (m) => { w.off('error', fail); resolve(m); });
});
await Promise.all(workers.map(next));
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = { A: { wall: [] as number[], sleeps: [] as number[], cpu: [] as number[] }, B: { wall: [] as number[], sleeps: [] as number[], cpu: [] as number[] } };
const sync = 64;
for (let r = -1; r < rounds; r++) {
  for (const mode of r % 2 ? ['B', 'A'] as const : ['A', 'B'] as const) {
    startRun(memory, sync);
    const c0 = cpu(), w0 = performance.now();
    const done = workers.map(next);
    for (const w of workers) w.postMessage({ mode, sync, steps, longUs, shortUs, n: 2 });
    const replies = await Promise.all(done) as { sleeps: number }[];
    if (r < 0) continue; // warm-up
    t[mode].wall.push((performance.now() - w0) / steps);
    t[mode].cpu.push((cpu() - c0) / steps);
    t[mode].sleeps.push(replies.reduce((a, b) => a + b.sleeps, 0) / steps / 2);
  }
}
await Promise.all(workers.map((w) => w.terminate()));
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log(`barrier pacing A/B: 2 workers, steps of ${longUs} us + ${shortUs} us of arithmetic, 2 barriers a step, medians of ${rounds} x ${steps} steps; ${cpus().length} cpus, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const m of ['A', 'B'] as const) {
  console.log(`  ${m === 'A' ? 'A Pacer (per barrier)' : 'B credit variant     '}: wall ${med(t[m].wall).toFixed(3)} ms/step, slept at ${med(t[m].sleeps).toFixed(2)} barriers/step/worker, cpu ${med(t[m].cpu).toFixed(3)} ms/step`);
}
console.log(`  B/A wall ${(med(t.B.wall) / med(t.A.wall)).toFixed(3)}, cpu ${(med(t.B.cpu) / med(t.A.cpu)).toFixed(3)}`);

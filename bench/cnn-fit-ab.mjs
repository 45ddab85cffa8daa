// Paired fit throughput of two bundles of bench/cnn-fit-cpu.ts (see there): A, B, A, B... epochs in one
// process, each timed by CPU time; prints the medians in samples/s and B's speedup.
const [fa, fb, build = 'simd', rounds = '9'] = process.argv.slice(2);
const path = (f) => new URL(f, `file://${process.cwd()}/`).href;
const A = await (await import(path(fa))).setup(build), B = await (await import(path(fb))).setup(build);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const ta = [], tb = [];
for (let r = 0; r < Number(rounds); r++) for (const [m, ts] of [[A, ta], [B, tb]]) { const c0 = cpu(); await m.epoch(); ts.push(m.samples / (cpu() - c0)); }
const med = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log(`${build} fit reference CNN b64 (${rounds} rounds): A ${med(ta).toFixed(0)} samples/s, B ${med(tb).toFixed(0)} (CPU time, median): B/A ${(med(tb) / med(ta)).toFixed(2)}x; pairwise B/A median ${med(ta.map((a, i) => tb[i] / a)).toFixed(2)}x`);

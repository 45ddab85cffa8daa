// Bench reports from the one row model: the run's facts and a Markdown table per suite.
import { type Row, fmt, ratioCell } from './harness.js';

export interface RunInfo {
  date: string;
  /** "node v20.x" or the browser's user agent. */
  runtime: string;
  cpu: string;
  cores: number;
  /** e.g. "simd, relaxed-simd", "webgpu: SwiftShader (software adapter)". */
  features: string;
  options: string;
  /** The 1-minute load average before and after, where known (Node). */
  load?: string;
  seconds?: number;
}

export function infoLine(i: RunInfo): string {
  return `${i.date} · ${i.runtime} · ${i.cpu}, ${i.cores} cores · ${i.features} · options: ${i.options || '(defaults)'}` +
    (i.load ? ` · load ${i.load}` : '') + (i.seconds !== undefined ? ` · ${i.seconds.toFixed(0)} s` : '');
}

/** One Markdown table per suite: case, backend, median time, spread, figure, ratio to the suite's baseline. */
export function markdown(rows: Row[], info: RunInfo, baselines: Record<string, string>): string {
  const out = [`Run: ${infoLine(info)}`, ''];
  for (const suite of [...new Set(rows.map((r) => r.suite))]) {
    const rs = rows.filter((r) => r.suite === suite);
    out.push(`#### ${suite}${baselines[suite] ? ` (ratios: figure / ${baselines[suite]}'s, same run)` : ''}`, '');
    out.push('| case | backend | median | ± | figure | ratio |', '|---|---|---:|---:|---:|---|');
    for (const r of rs) {
      out.push(`| ${r.case} | ${r.backend} | ${Number.isFinite(r.seconds) ? `${fmt(r.seconds * 1e3)} ms` : ''} | ` +
        `${Number.isFinite(r.seconds) ? `${(r.spread * 50).toFixed(0)}%` : ''} | ${fmt(r.value)} ${r.unit}${r.lowerIsBetter ? ' (↓)' : ''} | ${ratioCell(r)} |`);
    }
    out.push('');
  }
  out.push('median: median seconds per call over the repetitions after warm-up; ±: half the (max - min) range over those repetitions, ' +
    'as a share of the median; (↓): lower is better.', '');
  return out.join('\n');
}

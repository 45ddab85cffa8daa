// A small SVG writer for bench results: one grouped horizontal bar chart per suite and unit (a
// band per case, a bar per backend, one colour per backend across all panels), with value labels,
// a value axis with ticks and its unit, and a legend. No dependency; runs in Node and the page.
import { type Row, fmt } from './harness.js';

// Tableau 20: distinct colours for up to 20 backends and peers in one chart.
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#a0cbe8', '#ffbe7d', '#8cd17d', '#86bcb6', '#f1ce63', '#499894', '#d37295', '#fabfd2', '#79706e', '#d4a6c8'];
const W = 980, RIGHT = 70, BAR = 11, GAP = 10, FONT = 'font-family="system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A rounded axis end and tick step: 1, 2 or 5 times a power of ten, 4-6 ticks. */
function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / 5, pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step) * step, step };
}

export interface ChartOptions {
  title?: string;
  subtitle?: string;
  /** Units left out of the chart (default: the train step breakdown's calls/s). */
  skipUnits?: string[];
}

/** The chart as an SVG document. */
export function chartSvg(rows: Row[], opts: ChartOptions = {}): string {
  const skip = new Set(opts.skipUnits ?? ['calls/s']);
  const shown = rows.filter((r) => Number.isFinite(r.value) && r.value > 0 && !skip.has(r.unit));
  const colours = new Map<string, string>();
  for (const r of shown) if (!colours.has(r.backend)) colours.set(r.backend, PALETTE[colours.size % PALETTE.length]);
  const panels = new Map<string, Row[]>();
  for (const r of shown) {
    const key = `${r.suite}\u0000${r.unit}`;
    if (!panels.has(key)) panels.set(key, []);
    panels.get(key)!.push(r);
  }
  const out: string[] = [];
  let y = 0;
  if (opts.title) { y += 28; out.push(`<text x="16" y="${y}" font-size="18" font-weight="600">${esc(opts.title)}</text>`); }
  // the subtitle wraps at about 150 characters, between words
  const lines: string[] = [];
  for (const word of (opts.subtitle ?? '').split(' ').filter(Boolean)) {
    if (lines.length && lines[lines.length - 1].length + word.length < 150) lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  }
  for (const line of lines) { y += 17; out.push(`<text x="16" y="${y}" font-size="12" fill="#555">${esc(line)}</text>`); }
  // room on the left for the longest case name
  const LEFT = Math.min(360, Math.max(150, 30 + 6.6 * Math.max(...shown.map((r) => r.case.length))));
  for (const [key, prs] of panels) {
    const [suite, unit] = key.split('\u0000');
    const lower = prs.some((r) => r.lowerIsBetter);
    y += 34;
    out.push(`<text x="16" y="${y}" font-size="15" font-weight="600">${esc(`${suite}: ${unit} (${lower ? 'lower' : 'higher'} is better)`)}</text>`);
    // legend: the backends of this panel, wrapped
    const backends = [...new Set(prs.map((r) => r.backend))];
    let lx = LEFT, ly = y + 20;
    for (const b of backends) {
      const w = 22 + b.length * 6.6;
      if (lx + w > W - 10) { lx = LEFT; ly += 18; }
      out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${colours.get(b)}"/><text x="${lx + 16}" y="${ly}" font-size="12">${esc(b)}</text>`);
      lx += w + 12;
    }
    y = ly + 14;
    const cases = [...new Set(prs.map((r) => r.case))];
    const { top, step } = niceScale(Math.max(...prs.map((r) => r.value)));
    const plotW = W - LEFT - RIGHT, sx = (v: number) => LEFT + (v / top) * plotW;
    const y0 = y;
    const bandH = (c: string) => prs.filter((r) => r.case === c).length * BAR + GAP;
    const height = cases.reduce((s, c) => s + bandH(c), 0);
    // grid and ticks
    for (let v = 0; v <= top + step / 2; v += step) {
      out.push(`<line x1="${sx(v).toFixed(1)}" y1="${y0}" x2="${sx(v).toFixed(1)}" y2="${y0 + height}" stroke="${v === 0 ? '#333' : '#e3e3e3'}"/>`);
      out.push(`<text x="${sx(v).toFixed(1)}" y="${y0 + height + 14}" font-size="11" text-anchor="middle" fill="#444">${fmt(v)}</text>`);
    }
    out.push(`<line x1="${LEFT}" y1="${y0 + height}" x2="${LEFT + plotW}" y2="${y0 + height}" stroke="#333"/>`);
    out.push(`<text x="${LEFT + plotW / 2}" y="${y0 + height + 30}" font-size="12" text-anchor="middle">${esc(unit)}</text>`);
    out.push(`<text transform="translate(14 ${y0 + height / 2}) rotate(-90)" font-size="12" text-anchor="middle">case</text>`);
    let by = y0 + GAP / 2;
    for (const c of cases) {
      const crs = prs.filter((r) => r.case === c);
      out.push(`<text x="${LEFT - 8}" y="${(by + (crs.length * BAR) / 2 + 4).toFixed(1)}" font-size="12" text-anchor="end">${esc(c)}</text>`);
      for (const r of crs) {
        const w = Math.max(1, sx(r.value) - LEFT);
        out.push(`<rect x="${LEFT}" y="${by.toFixed(1)}" width="${w.toFixed(1)}" height="${BAR - 1}" fill="${colours.get(r.backend)}"><title>${esc(`${r.backend}: ${fmt(r.value)} ${r.unit}`)}</title></rect>`);
        out.push(`<text x="${(LEFT + w + 4).toFixed(1)}" y="${(by + BAR - 2).toFixed(1)}" font-size="10" fill="#222">${fmt(r.value)}</text>`);
        by += BAR;
      }
      by += GAP;
    }
    y = y0 + height + 36;
  }
  y += 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" ${FONT}>\n` +
    `<rect width="100%" height="100%" fill="#fff"/>\n${out.join('\n')}\n</svg>\n`;
}

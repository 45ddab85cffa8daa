// fit's terminal progress bar and verbose 2's epoch lines. Loaded by the first fit that shows
// them (a terminal, or verbose 2), so browser apps do not ship it.
import type { Logs } from './callbacks.js';
import { isTTY } from '../platform.js';

/** A one-line terminal progress bar, redrawn at most every 100 ms; silent when stdout is no TTY. */
export class ProgressBar {
  private last = 0;
  readonly tty = isTTY();
  constructor(private readonly epochs: number, private readonly total: number, private readonly lines: boolean) {}

  update(epoch: number, done: number, logs: Logs, samplesPerSecond: number): void {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const width = 24, filled = Math.round((width * done) / this.total);
    const bar = '='.repeat(Math.max(0, filled - 1)) + (filled > 0 ? (done < this.total ? '>' : '=') : '') + ' '.repeat(width - filled);
    const head = `epoch ${String(epoch + 1).padStart(String(this.epochs).length)}/${this.epochs} [${bar}] ${String(done).padStart(String(this.total).length)}/${this.total}`;
    process.stdout.write(`\r${head}  ${formatLogs(logs)}  ${formatRate(samplesPerSecond)}\x1b[K`);
  }

  epochEnd(epoch: number, logs: Logs, seconds: number): void {
    const line = `epoch ${String(epoch + 1).padStart(String(this.epochs).length)}/${this.epochs}  ${formatLogs(logs)}  ${formatRate(logs.samplesPerSecond)}  ${seconds.toFixed(1)} s`;
    if (this.tty) process.stdout.write(`\r${line}\x1b[K\n`);
    else if (this.lines) console.log(line);
  }
}

function formatLogs(logs: Logs): string {
  return Object.entries(logs).filter(([k]) => k !== 'samplesPerSecond' && k !== 'size' && k !== 'batch')
    .map(([k, v]) => `${k} ${v.toFixed(4)}`).join('  ');
}
const formatRate = (r: number): string => `${r >= 1e4 ? `${(r / 1000).toFixed(1)}k` : Math.round(r)} samples/s`;

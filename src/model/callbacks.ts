// Training callbacks: the hook set fit() calls and early stopping.
import type { Tensor, Variable } from '../tensor.js';

export type Logs = Record<string, number>;

/** Hooks fit() calls; each may return a promise, which fit awaits. */
export interface Callbacks {
  onTrainBegin?: (logs: Logs) => void | Promise<void>;
  onTrainEnd?: (logs: Logs) => void | Promise<void>;
  onEpochBegin?: (epoch: number, logs: Logs) => void | Promise<void>;
  /** logs: loss (and accuracy) of the epoch so far, val_* when there is validation data, samplesPerSecond. */
  onEpochEnd?: (epoch: number, logs: Logs) => void | Promise<void>;
  /** Before each batch's step; logs: batch (its index in the epoch) and size (its samples). */
  onBatchBegin?: (batch: number, logs: Logs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs: Logs) => void | Promise<void>;
  /**
   * Called once before training with what it will run: epochs, initialEpoch, steps per epoch
   * (undefined for fitDataset without batchesPerEpoch), samples (when known) and batchSize.
   */
  setParams?: (params: TrainingParams) => void;
  /** Called once before training with the model, so the callback can stop it or read its weights. */
  setModel?: (model: TrainingModel) => void;
}

export interface TrainingParams { epochs: number; initialEpoch: number; steps?: number; samples?: number; batchSize?: number }

/** What a callback may do to the model it is attached to. */
export interface TrainingModel {
  stopTraining: boolean;
  readonly weights: Variable[];
}

export interface EarlyStoppingArgs {
  /** The log to watch (default 'val_loss', or 'loss' when fit has no validation data). */
  monitor?: string;
  /** Smallest change that counts as an improvement (default 0). */
  minDelta?: number;
  /** Epochs without improvement before stopping (default 0). */
  patience?: number;
  /** 'min' for losses, 'max' for accuracies; 'auto' (default) picks by the name. */
  mode?: 'auto' | 'min' | 'max';
  /** At the end, put back the weights of the best epoch (default false). */
  restoreBestWeights?: boolean;
}

/** Stops fit when `monitor` has not improved for `patience` epochs. */
export function earlyStopping(args: EarlyStoppingArgs = {}): Callbacks & { stoppedEpoch: number; bestEpoch: number } {
  const minDelta = Math.abs(args.minDelta ?? 0), patience = args.patience ?? 0;
  let model: TrainingModel | null = null;
  let best = Infinity, wait = 0, sign = 1, monitor = args.monitor ?? '';
  // NOTE: copies on the backend (sharing storage until the next update writes), so no readback.
  let bestWeights: Tensor[] | null = null;
  const dropBest = () => { for (const t of bestWeights ?? []) t.dispose(); bestWeights = null; };
  const self = {
    stoppedEpoch: -1,
    bestEpoch: -1,
    setModel(m: TrainingModel) { model = m; },
    onTrainBegin() {
      best = Infinity; wait = 0; dropBest(); self.stoppedEpoch = -1; self.bestEpoch = -1;
    },
    onEpochEnd(epoch: number, logs: Logs) {
      if (!monitor) monitor = 'val_loss' in logs ? 'val_loss' : 'loss';
      const v = logs[monitor];
      if (v === undefined) {
        throw new Error(`earlyStopping: monitored value '${monitor}' is not in the epoch logs (${Object.keys(logs).join(', ')})`);
      }
      const mode = args.mode ?? 'auto';
      sign = mode === 'max' || (mode === 'auto' && /acc|auc|precision|recall|f1/.test(monitor)) ? -1 : 1;
      const score = sign * v;
      if (score < best - minDelta) {
        best = score; wait = 0; self.bestEpoch = epoch;
        if (args.restoreBestWeights && model) { dropBest(); bestWeights = weightCopies.copy(model.weights); }
      } else if (++wait >= patience) {
        self.stoppedEpoch = epoch;
        if (model) model.stopTraining = true;
      }
    },
    onTrainEnd() {
      if (bestWeights && model && self.stoppedEpoch >= 0) weightCopies.restore(model.weights, bestWeights);
      dropBest();
    },
  };
  return self;
}

interface WeightCopies {
  /** Copies of the weights' current values (kept out of every tidy scope). */
  copy: (weights: Variable[]) => Tensor[];
  /** Puts the copies' values back into the weights; the copies stay the caller's. */
  restore: (weights: Variable[], copies: Tensor[]) => void;
}
let weightCopies: WeightCopies = { copy: () => [], restore: () => {} };
/** @internal Set by the model module (it owns tensor creation), keeping this file free of ops. */
export function setWeightCopies(f: WeightCopies): void { weightCopies = f; }

export interface TextProgressOptions {
  /** Redraw at most this often, in ms (default 100; the last batch of an epoch always draws). */
  throttleMs?: number;
  /** Characters of the bar (default 24). */
  width?: number;
}

/**
 * A progress display for fit and fitDataset that runs anywhere (the terminal bar needs a Node
 * TTY): each update is one line of text, `epoch 2/5 [=====>      ] 12/40  loss 0.3141  acc 0.9000`,
 * given to `target`, a function (text) => void or a DOM element (its textContent is set). At each
 * epoch's end the line holds the epoch's logs (val_* included) and its time.
 */
export function textProgress(target: ((text: string) => void) | { textContent: string | null }, opts: TextProgressOptions = {}): Callbacks {
  const write = typeof target === 'function' ? target
    : target && typeof target === 'object' && 'textContent' in target ? (t: string) => { target.textContent = t; }
      : null;
  if (!write) throw new Error('textProgress: target must be a function (text) => void or a DOM element');
  const throttle = opts.throttleMs ?? 100, width = opts.width ?? 24;
  let epochs = 0, steps: number | undefined, last = 0, t0 = 0, epoch = 0;
  const fmt = (logs: Logs) => Object.entries(logs).filter(([k]) => k !== 'batch' && k !== 'size' && k !== 'samplesPerSecond')
    .map(([k, v]) => `${k} ${v.toFixed(4)}`).join('  ');
  return {
    setParams(p) { epochs = p.epochs; steps = p.steps; },
    onEpochBegin(e) { epoch = e; t0 = performance.now(); last = 0; },
    onBatchEnd(b, logs) {
      const now = performance.now();
      const done = b + 1;
      if (now - last < throttle && done !== steps) return;
      last = now;
      let bar = '';
      if (steps) {
        const filled = Math.min(width, Math.round((width * done) / steps));
        bar = ` [${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? (done < steps ? '>' : '=') : ''}${' '.repeat(width - filled)}] ${done}/${steps}`;
      } else bar = ` batch ${done}`;
      write(`epoch ${epoch + 1}/${epochs}${bar}  ${fmt(logs)}`);
    },
    onEpochEnd(e, logs) {
      const secs = (performance.now() - t0) / 1000;
      const rate = logs.samplesPerSecond !== undefined ? `  ${Math.round(logs.samplesPerSecond)} samples/s` : '';
      write(`epoch ${e + 1}/${epochs}  ${fmt(logs)}${rate}  ${secs.toFixed(1)} s`);
    },
  };
}

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
  onBatchEnd?: (batch: number, logs: Logs) => void | Promise<void>;
  /** Called once before training with the model, so the callback can stop it or read its weights. */
  setModel?: (model: TrainingModel) => void;
}

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

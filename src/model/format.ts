// model.json's format: its name and version, its fields, the weights file's hash. Shared by writing
// (artifacts.ts) and reading (load.ts), both loaded on first use.
import type { LayerConfig } from '../layers/layer.js';

export const FORMAT = 'edgegrad-model';
/**
 * The newest version read and written. A file records the lowest version that holds it: 2 for a
 * graph whose layers each run once and nest no model (as written before version 3), 3 when a
 * layer runs more than once or a model is nested. 1 (a Sequential's layer list) is still read.
 */
export const FORMAT_VERSION = 3;
export const OPTIMIZER_PREFIX = 'optimizer/';

import type { GraphTopology } from './topology.js';
export type { TensorKey, NodeEntry, GraphConfig, GraphTopology } from './topology.js';

/** formatVersion 1: a Sequential's layers. */
export interface ChainTopology { className: 'Sequential'; config: { name: string; inputShape: number[]; layers: { className: string; config: LayerConfig }[] } }

export interface ModelJson {
  format: typeof FORMAT;
  formatVersion: number;
  modelTopology: GraphTopology | ChainTopology;
  trainingConfig: { loss: string | string[]; metrics: string[] | Record<string, string[]>; lossWeights?: number[]; optimizer: { name: string; [key: string]: unknown } } | null;
  weightsFile: string;
  /** Size and FNV-1a hash of the weights file, so a mismatched pair is refused. */
  weightsBytes: number;
  weightsHash: string;
  weights: { name: string; shape: number[]; dtype: import('../dtypes.js').DType }[];
  /** Names (without the 'optimizer/' prefix) of the optimizer slots stored with the weights. */
  optimizerState?: string[];
}

/** FNV-1a (32-bit) over the bytes, as 8 hex digits. */
export function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

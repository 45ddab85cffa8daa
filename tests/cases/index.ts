// Every family's case list, in the order of FAMILIES (src/kernels.ts).
import type { FamilyCases } from './case.js';
import { composite } from './composite.js';
import { attention } from './attention.js';
import { conv } from './conv.js';
import { elementwise } from './elementwise.js';
import { gemm } from './gemm.js';
import { layout } from './layout.js';
import { optim } from './optim.js';
import { reduce } from './reduce.js';
import { softmax } from './softmax.js';

export const FAMILY_CASES: FamilyCases[] = [elementwise, reduce, softmax, gemm, layout, optim, conv, composite, attention];

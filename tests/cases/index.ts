// Every family's case list, in the order of FAMILIES (src/kernels.ts). The conv family joins here
// once tests/cases/conv.ts exists.
import type { FamilyCases } from './case.js';
import { elementwise } from './elementwise.js';
import { gemm } from './gemm.js';
import { layout } from './layout.js';
import { optim } from './optim.js';
import { reduce } from './reduce.js';
import { softmax } from './softmax.js';

export const FAMILY_CASES: FamilyCases[] = [elementwise, reduce, softmax, gemm, layout, optim];

// A worker script of one's own: the package's worker plus a layer class of the tests (Scaled).
import '../../src/worker.js';
import { registerScaled } from './state-layer.js';

registerScaled();

// A worker script with the pool alone: the library and the protocol, no model jobs registered.
import '../../src/index.js';
import { serve } from '../../src/pool/worker.js';

await serve();

// eg.io: the safetensors encoder and decoder. A file of its own, re-exported by src/index.ts, so an
// app that never touches eg.io does not bundle the decoder (esbuild drops an unused re-export of a
// side-effect-free file; an import in src/index.ts itself would keep the decoder in the app's chunk).
import { encodeSafetensors } from './safetensors.js';
import { decodeSafetensors } from './safetensors-decode.js';

export const io = { encodeSafetensors, decodeSafetensors };

// ONNX import: eg.loadOnnx and the model it makes (loaded on first use; see src/index.ts).
// NOTE: the library through its entry, as the other lazy modules (one chunk; see ARCHITECTURE).
import '../core.js';
export { loadOnnx, type OnnxSource } from './load.js';
export { OnnxModel, OnnxGraph, modelFromConfig, type OnnxGraphConfig } from './graph.js';
export { decodeModel, decodeTensorProto } from './model.js';
export { OnnxFormatError } from './protobuf.js';

// Where saved models live: a Node directory (atomic writes), IndexedDB and downloads in browsers,
// and http(s) URLs for loading. Moves model.json text and safetensors bytes; knows nothing of layers.
import { isNode, nodeModule } from '../platform.js';

export interface Artifacts {
  /** model.json's text. */
  modelJson: string;
  /** The safetensors file's bytes. */
  weights: Uint8Array;
  /** The weights file's name, as model.json refers to it. */
  weightsFile: string;
}

export interface SaveResult {
  /** Where the model went: a directory, indexeddb://name or downloads://name. */
  url: string;
  modelBytes: number;
  weightsBytes: number;
}

/** The parts of node:fs/promises a save uses (tests pass a failing one). */
export interface SaveFs {
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, opts: { force: true }): Promise<void>;
}

const IDB = 'indexeddb://', DOWNLOADS = 'downloads://';
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.safetensors';

function checkUrl(op: string, url: unknown): string {
  if (typeof url !== 'string' || url.length === 0) throw new Error(`${op}: expected a directory path or a URL ('indexeddb://name', 'downloads://name'), got ${JSON.stringify(url)}`);
  return url;
}


/** Saves what `make(weightsFile)` produces at `url`. */
export async function saveArtifacts(url: string, make: (weightsFile: string) => Artifacts): Promise<SaveResult> {
  checkUrl('save', url);
  if (url.startsWith(IDB)) return saveIndexedDb(url.slice(IDB.length), make(WEIGHTS_FILE));
  if (url.startsWith(DOWNLOADS)) {
    const name = url.slice(DOWNLOADS.length) || 'model';
    return saveDownloads(name, make(`${name}.safetensors`));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('file://')) {
    throw new Error(`save: unsupported destination '${url}'; use a directory path (Node), 'indexeddb://name' or 'downloads://name'`);
  }
  if (!isNode()) throw new Error(`save: '${url}' is a file path, which needs Node; in a browser use 'indexeddb://name' or 'downloads://name'`);
  const { fileURLToPath } = await nodeModule<typeof import('node:url')>('url');
  const dir = url.startsWith('file://') ? fileURLToPath(url) : url;
  return saveDirectory(dir, make(WEIGHTS_FILE));
}

/**
 * Writes model.json and the weights into `dir` atomically: both go to temporary files first and
 * are renamed into place only when both are complete; on any failure the temporary files are
 * removed and an earlier model in `dir` is left as it was.
 */
export async function saveDirectory(dir: string, a: Artifacts, fs?: SaveFs): Promise<SaveResult> {
  const f: SaveFs = fs ?? (await nodeModule<typeof import('node:fs/promises')>('fs/promises'));
  const { join } = await nodeModule<typeof import('node:path')>('path');
  const tag = `.tmp-${process.pid}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
  const tmpWeights = join(dir, `${a.weightsFile}${tag}`), tmpModel = join(dir, `${MODEL_FILE}${tag}`);
  try {
    await f.mkdir(dir, { recursive: true });
    await f.writeFile(tmpWeights, a.weights);
    await f.writeFile(tmpModel, a.modelJson);
    // NOTE: weights first: model.json records the weights' size and hash, so a reader that sees
    // the new weights next to the old model.json (a crash between the renames) refuses the pair.
    await f.rename(tmpWeights, join(dir, a.weightsFile));
    await f.rename(tmpModel, join(dir, MODEL_FILE));
  } catch (e) {
    await f.rm(tmpWeights, { force: true }).catch(() => {});
    await f.rm(tmpModel, { force: true }).catch(() => {});
    throw new Error(`save: could not write the model to '${dir}': ${(e as Error).message}`);
  }
  return { url: dir, modelBytes: new TextEncoder().encode(a.modelJson).length, weightsBytes: a.weights.length };
}

/** Reads model.json and its weights file from `url`: a directory, a file:// or http(s) URL, or indexeddb://name. */
export async function loadArtifacts(url: string): Promise<Artifacts> {
  checkUrl('loadModel', url);
  if (url.startsWith(IDB)) return loadIndexedDb(url.slice(IDB.length));
  if (url.startsWith(DOWNLOADS)) throw new Error(`loadModel: '${url}' cannot be read back; serve the downloaded files over http(s) or pass { modelJson, weights } from a file input`);
  if (/^https?:\/\//i.test(url)) return loadHttp(url);
  if (!isNode()) throw new Error(`loadModel: '${url}' is a file path, which needs Node; in a browser use an http(s) URL or 'indexeddb://name'`);
  const fs = await nodeModule<typeof import('node:fs/promises')>('fs/promises');
  const { join } = await nodeModule<typeof import('node:path')>('path');
  const { fileURLToPath } = await nodeModule<typeof import('node:url')>('url');
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const isJson = path.endsWith('.json');
  const modelPath = isJson ? path : join(path, MODEL_FILE);
  const dir = isJson ? join(path, '..') : path;
  let modelJson: string;
  try {
    modelJson = await fs.readFile(modelPath, 'utf8');
  } catch (e) {
    throw new Error(`loadModel: cannot read '${modelPath}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file (is this a directory written by model.save?)' : (e as Error).message}`);
  }
  const weightsFile = weightsFileOf(modelJson, modelPath);
  const weightsPath = join(dir, weightsFile);
  let weights: Uint8Array;
  try {
    const buf = await fs.readFile(weightsPath);
    weights = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw new Error(`loadModel: cannot read the weights '${weightsPath}': ${(e as Error).message}`);
  }
  return { modelJson, weights, weightsFile };
}

/** The weights file named by model.json (a bare file name, never a path). */
export function weightsFileOf(modelJson: string, where: string): string {
  let parsed: { weightsFile?: unknown };
  try {
    parsed = JSON.parse(modelJson);
  } catch (e) {
    throw new Error(`loadModel: '${where}' is not valid JSON (${(e as Error).message})`);
  }
  const f = parsed?.weightsFile ?? WEIGHTS_FILE;
  if (typeof f !== 'string' || !/^[\w.-]+$/.test(f) || f === '..' || f === '.') {
    throw new Error(`loadModel: '${where}' names an invalid weights file ${JSON.stringify(f)}`);
  }
  return f;
}

/** GET `url`, with an error that names the URL and why (network failure, or the HTTP status). */
async function get(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.cause?.code ?? err.cause?.message ?? err.message;
    throw new Error(`loadModel: GET ${url} failed: ${err.message}${why && why !== err.message ? ` (${why})` : ''}`, { cause: e });
  }
  if (!res.ok) throw new Error(`loadModel: GET ${url} failed: ${res.status} ${res.statusText}`);
  return res;
}

async function loadHttp(url: string): Promise<Artifacts> {
  const modelUrl = url.endsWith('.json') ? url : `${url.replace(/\/$/, '')}/${MODEL_FILE}`;
  const modelJson = await (await get(modelUrl)).text();
  const weightsFile = weightsFileOf(modelJson, modelUrl);
  const wUrl = new URL(weightsFile, modelUrl).href;
  return { modelJson, weights: new Uint8Array(await (await get(wUrl)).arrayBuffer()), weightsFile };
}

// ---- browsers ------------------------------------------------------------------------------

const DB_NAME = 'edgegrad-models', STORE = 'models';

function openDb(op: string): Promise<IDBDatabase> {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return Promise.reject(new Error(`${op}: IndexedDB is not available on this platform (Node: save to a directory path instead)`));
  return new Promise((resolve, reject) => {
    const req = idb.open(DB_NAME, 1);
    req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(`${op}: cannot open IndexedDB '${DB_NAME}': ${req.error?.message}`));
  });
}

function checkName(op: string, name: string): string {
  if (!name) throw new Error(`${op}: 'indexeddb://' needs a model name, e.g. 'indexeddb://my-model'`);
  return name;
}

async function saveIndexedDb(name: string, a: Artifacts): Promise<SaveResult> {
  checkName('save', name);
  const db = await openDb('save');
  try {
    // One put in one transaction: IndexedDB commits it whole or not at all.
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put({ modelJson: a.modelJson, weights: a.weights.slice().buffer, weightsFile: a.weightsFile, savedAt: new Date().toISOString() }, name);
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(new Error(`save: IndexedDB write of '${name}' failed: ${tx.error?.message ?? 'aborted'}`));
    });
  } finally {
    db.close();
  }
  return { url: `${IDB}${name}`, modelBytes: a.modelJson.length, weightsBytes: a.weights.length };
}

async function loadIndexedDb(name: string): Promise<Artifacts> {
  checkName('loadModel', name);
  const db = await openDb('loadModel');
  try {
    const rec = await new Promise<{ modelJson: string; weights: ArrayBuffer; weightsFile: string } | undefined>((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(`loadModel: IndexedDB read of '${name}' failed: ${req.error?.message}`));
    });
    if (!rec) throw new Error(`loadModel: no model named '${name}' in IndexedDB`);
    return { modelJson: rec.modelJson, weights: new Uint8Array(rec.weights), weightsFile: rec.weightsFile };
  } finally {
    db.close();
  }
}

function saveDownloads(name: string, a: Artifacts): SaveResult {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc || typeof URL.createObjectURL !== 'function') throw new Error("save: 'downloads://' needs a browser page (document and URL.createObjectURL)");
  const download = (blob: Blob, file: string) => {
    const href = URL.createObjectURL(blob);
    const link = doc.createElement('a');
    link.href = href;
    link.download = file;
    link.style.display = 'none';
    doc.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  };
  download(new Blob([a.modelJson], { type: 'application/json' }), `${name}.json`);
  download(new Blob([a.weights.slice().buffer], { type: 'application/octet-stream' }), a.weightsFile);
  return { url: `${DOWNLOADS}${name}`, modelBytes: a.modelJson.length, weightsBytes: a.weights.length };
}

// Types for Comlink's Node adapter, which ships its .d.ts under the .mjs file's bare name.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}

// Types of the Node entry of `fangkong/compiler`: the same API as its browser entry, already initialised.
export * from './fangkong_compiler.js';
export { default } from './fangkong_compiler.js';

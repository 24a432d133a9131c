// Types of the Node entry: the same API as the browser entry, already initialised.
export * from './fangkong.js';
export { default } from './fangkong.js';

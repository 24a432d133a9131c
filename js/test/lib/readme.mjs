// The package's README (js/pkg-template/README.md, published as pkg/README.md) and its examples.
// A fenced block preceded by one of these HTML comments (invisible on npm) is tied to a file:
//   <!-- file: PATH -->            the block is the whole of PATH (relative to the repository)
//   <!-- start of: PATH -->        the block is the start of PATH
//   <!-- run in: DIR -->           shell commands that build the example in DIR (`npx X` = its bin)
//   <!-- output of: SCRIPT [FILE [MERGE-PATCH]] -->
//                                  what `node SCRIPT` prints (FILE patched by the JSON merge patch)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cases.mjs';

export const README = join(ROOT, 'js/pkg-template/README.md');

const MARKER = /^<!-- (file|start of|run in|output of): (.+?) -->$/;

/** Every tied block: { kind, arg, lang, code, line } (`line`: 1-based line of the marker). */
export function readmeBlocks(text = readFileSync(README, 'utf8')) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i]);
    if (!m) continue;
    const open = /^```(\w*)$/.exec(lines[i + 1] ?? '');
    if (!open) throw new Error(`README line ${i + 1}: a marker not followed by a fenced block`);
    const end = lines.indexOf('```', i + 2);
    if (end < 0) throw new Error(`README line ${i + 1}: unclosed block`);
    blocks.push({ kind: m[1], arg: m[2], lang: open[1], code: lines.slice(i + 2, end).join('\n'), line: i + 1, first: i + 2, end });
  }
  return blocks;
}

/** Replaces the text of the output block of `arg` (to refresh it from the package). */
export function rewriteBlock(arg, code) {
  const lines = readFileSync(README, 'utf8').split('\n');
  const block = readmeBlocks(lines.join('\n')).find((b) => b.kind === 'output of' && b.arg === arg);
  lines.splice(block.first, block.end - block.first, ...code.split('\n'));
  writeFileSync(README, lines.join('\n'));
}

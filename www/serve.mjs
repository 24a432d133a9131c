// The demo portal's server: a small static server built from well-kept parts (sirv for
// files, compression for gzip/brotli), not hand-written HTTP. Every response carries the
// strict Content-Security-Policy the pages are written for; `.wasm` goes out as
// `application/wasm`, compressed. The package's own files (`/pkg/*.wasm`, `/pkg/*.js`, what
// every page loads first) are compressed once per version of the file and kept, not again on
// each request: gzip of the 0.8 MB runtime took some 25 ms of every cold start (BENCHMARKS.md,
// "Start-up"). One JSON endpoint, POST /api/submissions, stands in for the
// district's back end: it re-checks what the browser sent with the same engine, under the pack
// family the page used (any the package embeds, or those given as `accepts`), at the server's
// own time: never the `now` a browser sends (SECURITY.md: a page's clock is the person's).
//
//   node www/serve.mjs [--port 8080] [--host 127.0.0.1] [--now RFC3339|client]
//   --now RFC3339: the back end's clock stands at that moment (a demo of 2020's rules);
//   --now client: it takes the `now` each page sends (time travel with ?now=, and the tests).
//   Without it: the machine's clock.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../js/package.json'));
const sirv = require('sirv');
const compression = require('compression');

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const MOUNTS = (pkg, www) => [
  ['/pkg/', pkg],
  ['/examples/', join(ROOT, 'examples')],
  ['/packs/', join(ROOT, 'packs')],
  ['/vendor/echarts/', join(ROOT, 'js/node_modules/echarts/dist')],
  ['/vendor/axe/', join(ROOT, 'js/node_modules/axe-core')],
  ['/', www],
];

function headers(res) {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * Starts the server; resolves to `{ url, server, submissions, close() }`. `pkg`: the package
 * directory served at /pkg/, and `www` the pages' (another build's or commit's, for
 * js/bench/startup.mjs's baseline). `accepts`: the pack families the district's back end takes
 * (ids; default every family the package embeds).
 */
export function start({ port = 8080, host = '127.0.0.1', pkg = join(ROOT, 'pkg'), www = join(ROOT, 'www'), accepts = null, now = undefined } = {}) {
  const handlers = MOUNTS(pkg, www).map(([prefix, dir]) => [
    prefix,
    sirv(dir, { dev: true, etag: true, dotfiles: false, extensions: ['html'], setHeaders: headers }),
  ]);
  const compress = compression({ threshold: 512, filter: () => true });
  const submissions = [];
  const server = createServer(async (req, res) => {
    if (await packaged(req, res, pkg).catch(() => false)) return;
    compress(req, res, () => {
      headers(res);
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === '/api/submissions') return submit(req, res, submissions, accepts, now);
      for (const [prefix, handle] of handlers) {
        if (url.pathname.startsWith(prefix) || `${url.pathname}/` === prefix) {
          req.url = req.url.slice(prefix.length - 1) || '/';
          return handle(req, res, () => notFound(res));
        }
      }
      return notFound(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({
        url: `http://${host}:${p}`,
        server,
        submissions,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

/** The types of the package's files served compressed once (`packaged`). */
const PACKAGED = { '.wasm': 'application/wasm', '.js': 'text/javascript; charset=utf-8' };
/** File → `{ version, br?, gzip? }`: its compressed bodies while its size and time are `version`. */
const compressed = new Map();

/**
 * Serves `/pkg/NAME.wasm` or `/pkg/NAME.js` compressed from memory (brotli or gzip, as the client
 * accepts), compressing each version of the file once; answers `If-None-Match` with 304.
 * Returns false for any other request (sirv and compression serve it).
 */
async function packaged(req, res, pkg) {
  const { pathname } = new URL(req.url, 'http://localhost');
  const m = /^\/pkg\/([\w-]+(\.wasm|\.js))$/.exec(pathname);
  const accept = String(req.headers['accept-encoding'] || '');
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!m || !encoding || !['GET', 'HEAD'].includes(req.method) || req.headers.range) return false;
  const file = join(pkg, m[1]);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const version = `${info.size}-${Math.floor(info.mtimeMs)}`;
  let entry = compressed.get(file);
  if (entry?.version !== version) compressed.set(file, (entry = { version }));
  if (!entry[encoding]) {
    const raw = await readFile(file);
    entry[encoding] = encoding === 'br'
      ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzipSync(raw, { level: 9 });
  }
  headers(res);
  const etag = `W/"${version}-${encoding}"`;
  res.setHeader('Content-Type', PACKAGED[m[2]]);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', entry[encoding].length);
  res.end(req.method === 'HEAD' ? undefined : entry[encoding]);
  return true;
}

function notFound(res) {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('not found\n');
}

let families;
/** The engine of every pack family the package embeds, by id, default first (`Engine.packIds()`). */
async function serverEngines() {
  if (!families) {
    const { Engine } = await import(join(ROOT, 'pkg/node.js'));
    families = new Map(Engine.packIds().map((id) => [id, Engine.withPackId(id)]));
  }
  return families;
}

const CHECKS = { filing: 'checkFiling', inspection: 'scoreInspection', indicators: 'evaluateIndicators', screening: 'screenPerson' };

/**
 * What the district takes: a filing it lets resume (准予复工, 整改后复工); of the other kinds, a
 * complete record, whatever it found (an inspection that orders work to stop is taken too).
 */
const accepted = (kind, answer) => (kind === 'filing' ? ['approved', 'conditional'].includes(answer.decision) : answer.decision !== 'incomplete');

/**
 * POST /api/submissions: `{ kind, submission, packHash, packId? }` → the server's own answer,
 * at the server's time (`clock`: `start`'s `now`; a `now` in the body counts only with
 * `now: 'client'`). It re-checks under the family the page names (`packId`), else under the accepted
 * family whose version in force gives `packHash`; the same rules: 200, `sameRules: true`. Rules
 * it does not take: 409, `sameRules: false`, and `accepts`, the `{ id, version, hash }` it would
 * judge by (the family named, if accepted, else every accepted one) — the page says which pack
 * the district takes (fourth audit: a guangming-2020 filing was re-checked under shenzhen-2020,
 * refused for ever, and told to refresh the page).
 */
function submit(req, res, submissions, accepts, clock) {
  if (req.method !== 'POST') {
    res.statusCode = 405;
    return res.end();
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => {
    body += c;
    if (body.length > 4 * 1024 * 1024) req.destroy();
  });
  req.on('end', async () => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    try {
      const { kind = 'filing', submission, packHash, packId, now: sent } = JSON.parse(body);
      const now = clock === 'client' ? sent ?? new Date().toISOString() : clock ?? new Date().toISOString();
      const engines = await serverEngines();
      // Own keys only: `__proto__`, `constructor` or `toString` is no kind (hostile audit).
      const check = typeof kind === 'string' && Object.hasOwn(CHECKS, kind) ? CHECKS[kind] : undefined;
      if (!check) throw new Error(`unknown kind ${String(kind).slice(0, 100)}`);
      const taken = [...engines.keys()].filter((id) => !accepts || accepts.includes(id));
      const named = taken.includes(packId) ? [packId] : [];
      const order = [...named, ...taken.filter((id) => id !== packId)];
      const answers = new Map();
      const answerOf = (id) => {
        if (!answers.has(id)) answers.set(id, engines.get(id)[check](submission, { now }));
        return answers.get(id);
      };
      const match = order.find((id) => answerOf(id).pack.hash === packHash);
      const same = match !== undefined;
      const answer = answerOf(match ?? order[0]);
      submissions.push({ kind, decision: answer.decision, same });
      res.statusCode = same ? 200 : 409;
      res.end(JSON.stringify({
        accepted: same && accepted(kind, answer),
        sameRules: same,
        ...(same ? {} : { accepts: (named.length ? named : taken).map((id) => answerOf(id).pack) }),
        answer,
      }));
    } catch (err) {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: String(err && err.message) }));
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const port = Number(arg('--port', process.env.PORT || 8080));
  const host = arg('--host', '127.0.0.1');
  const now = arg('--now', undefined);
  if (now !== undefined && now !== 'client' && Number.isNaN(Date.parse(now))) {
    console.error(`fangkong portal: --now ${String(now).slice(0, 100)} is no RFC 3339 time (such as 2020-02-04T10:00:00+08:00), nor \`client\``);
    process.exit(2);
  }
  // A port already taken is said in one line with what to do, not as a stack trace (audit).
  const { url } = await start({ port, host, now }).catch((err) => {
    if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') throw err;
    console.error(`fangkong portal: ${host}:${port} ${err.code === 'EADDRINUSE' ? 'is already in use (端口已被占用)' : 'may not be opened (无权使用该端口)'}; choose another port: make demo PORT=8081, or node www/serve.mjs --port 8081`);
    process.exit(2);
  });
  console.log(`fangkong portal: ${url}/  (filing ${url}/filing.html, inspection ${url}/inspection.html, screening ${url}/screening.html, dashboard ${url}/dashboard.html, workbench ${url}/workbench.html; Ctrl-C stops)`);
}

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
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip as gzipCallback } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../js/package.json'));
/**
 * sirv and compression (js/node_modules), loaded by the first `start`, not with this module:
 * `--help` and a wrong option are answered before `make demo` (or `npm ci` in js/) has installed
 * them (portal audit, thirty-fifth session, F7: a MODULE_NOT_FOUND stack instead).
 */
let parts;
const dependencies = () => {
  parts ??= { sirv: require('sirv'), compression: require('compression') };
  return parts;
};

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// No framing by another site, no <base> or form posting elsewhere (server audit, twenty-eighth
// session: default-src does not cover frame-ancestors, base-uri or form-action).
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
/** Largest submission body, in bytes (the engine's own input limit is 4 MiB of JSON). */
const MAX_BODY = 4 * 1024 * 1024;

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
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * Starts the server; resolves to `{ url, server, submissions, close() }`. `pkg`: the package
 * directory served at /pkg/, and `www` the pages' (another build's or commit's, for
 * js/bench/startup.mjs's baseline). `accepts`: the pack families the district's back end takes
 * (ids; default every family the package embeds).
 */
export async function start({ port = 8080, host = '127.0.0.1', pkg = join(ROOT, 'pkg'), www = join(ROOT, 'www'), accepts = null, now = undefined } = {}) {
  const { sirv, compression } = dependencies();
  const handlers = MOUNTS(pkg, www).map(([prefix, dir]) => [
    prefix,
    sirv(dir, { dev: true, etag: true, dotfiles: false, extensions: ['html'], setHeaders: headers }),
  ]);
  const compress = compression({ threshold: 512, filter: () => true });
  const submissions = [];
  // The page's `id`s of the last thousand submissions taken: one sent again (the page's outbox
  // keeps it until it has the answer, and a network that hangs loses the answer, not always the
  // request) is judged again and answered, and counted once. Ids only: whole answers kept here
  // grew the server by megabytes a submission (review, thirty-ninth session).
  const answered = new Set();
  const server = createServer(async (req, res) => {
    // A request whose target is no path (`//`, `//[`: `new URL` throws) is refused, never left to
    // throw: one request took the whole server down (server audit, twenty-eighth session).
    const url = pathOf(req.url);
    if (!url) return plain(res, 400, 'bad request\n');
    // Ranges are not served: no page asks for one, and sirv passed some (`bytes=100-50`, an end
    // past 2^53) to the file system, which threw and stopped the process (same audit). The whole
    // file is sent instead, as RFC 9110 allows.
    delete req.headers.range;
    // No dotfile or dot-directory (`.env`, `.git/`) whatever sirv's development mode serves.
    if (dotted(req.url, url)) return notFound(res);
    if (url.pathname !== '/api/submissions' && !['GET', 'HEAD'].includes(req.method)) {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'method not allowed\n');
    }
    if (await packaged(req, res, pkg).catch(() => false)) return;
    compress(req, res, () => {
      headers(res);
      if (url.pathname === '/api/submissions') return submit(req, res, submissions, accepts, now, answered);
      for (const [prefix, handle] of handlers) {
        if (url.pathname.startsWith(prefix) || `${url.pathname}/` === prefix) {
          req.url = req.url.slice(prefix.length - 1) || '/';
          return handle(req, res, () => notFound(res));
        }
      }
      return notFound(res);
    });
  });
  // A request that stalls is let go after 30 s (Node's default waits 300 s per request).
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
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

/**
 * The content coding of a `/pkg/` file for this `Accept-Encoding`: `br` or `gzip`, whichever
 * the client weighs more (brotli when equal), or null for neither. Weights are read (RFC 9110
 * §12.5.3): `q=0` is "not acceptable" (hostile audit, thirty-sixth session: `br;q=0, gzip` was
 * sent brotli), `*` weighs a coding not named.
 */
function chosenEncoding(header) {
  const weights = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*(.*)$/i.exec(p);
      if (m) q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(m[1]) ? Number(m[1]) : 0; // no weight: not acceptable
    }
    const key = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    weights.set(key, Math.max(weights.get(key) ?? 0, q));
  }
  const br = weights.get('br') ?? weights.get('*') ?? 0;
  const gz = weights.get('gzip') ?? weights.get('*') ?? 0;
  if (br > 0 && br >= gz) return 'br';
  return gz > 0 ? 'gzip' : null;
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
  const { pathname } = pathOf(req.url) ?? { pathname: '' };
  const m = /^\/pkg\/([\w-]+(\.wasm|\.js))$/.exec(pathname);
  const encoding = chosenEncoding(req.headers['accept-encoding']);
  if (!m || !encoding || !['GET', 'HEAD'].includes(req.method) || req.headers.range) return false;
  const file = join(pkg, m[1]);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const version = `${info.size}-${Math.floor(info.mtimeMs)}`;
  let entry = compressed.get(file);
  if (entry?.version !== version) compressed.set(file, (entry = { version }));
  // The compression under way is kept, not its result only: the first requests of a cold start
  // come together, and each compressed the file again (hostile audit, thirty-sixth session).
  if (!entry[encoding]) {
    const pending = readFile(file).then((raw) => (encoding === 'br'
      ? brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzip(raw, { level: 9 })));
    entry[encoding] = pending;
    pending.catch(() => { if (entry[encoding] === pending) delete entry[encoding]; }); // tried again next time
  }
  const body = await entry[encoding];
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
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/**
 * Does the request name a dotfile or a dot-directory? Asked of its segments decoded, as sirv
 * reads them: `/%2egit/config` is `/.git/config` there (hostile audit, thirty-sixth session: the
 * URL's pathname keeps `%2e`, and the guard let it through). Both the URL's pathname and the
 * target as sent (which sirv is given) are asked; a segment whose escapes are no UTF-8 is asked
 * as it is, and a decoded `/` or `\` (`%2F`, `%5C`) splits it too.
 */
function dotted(target, url) {
  const sent = String(target).split(/[?#]/, 1)[0];
  for (const path of [url.pathname, sent]) {
    for (const segment of path.split('/')) {
      let text = segment;
      try {
        text = decodeURIComponent(segment);
      } catch { /* not UTF-8: sirv reads it undecoded too */ }
      if (text.split(/[\\/]/).some((s) => s.startsWith('.'))) return true;
    }
  }
  return false;
}

/** The request target as a URL, or null when it is none. */
function pathOf(target) {
  try {
    return new URL(target, 'http://localhost');
  } catch {
    return null;
  }
}

function plain(res, status, text) {
  headers(res);
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

function notFound(res) {
  plain(res, 404, 'not found\n');
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

/** The locales a page may ask the answer in (www/js/app.mjs `LOCALES`). */
const LOCALES = ['zh-CN', 'zh-TW', 'en'];
const CHECKS = { filing: 'checkFiling', inspection: 'scoreInspection', indicators: 'evaluateIndicators', screening: 'screenPerson' };

/**
 * What the district takes: a filing it lets resume (准予复工, 整改后复工); of the other kinds, a
 * complete record, whatever it found (an inspection that orders work to stop is taken too).
 */
const accepted = (kind, answer) => (kind === 'filing' ? ['approved', 'conditional'].includes(answer.decision) : answer.decision !== 'incomplete');

/**
 * POST /api/submissions: `{ id?, kind, submission, packHash, packId?, locale? }` → the server's own answer (its messages in `locale`;
 * an `id` it took before, of the last thousand, is judged and answered again but counted once),
 * at the server's time (`clock`: `start`'s `now`; a `now` in the body counts only with
 * `now: 'client'`). It re-checks under the family the page names (`packId`), else under the accepted
 * family whose version in force gives `packHash`; the same rules: 200, `sameRules: true`. Rules
 * it does not take: 409, `sameRules: false`, and `accepts`, the `{ id, version, hash }` it would
 * judge by (the family named, if accepted, else every accepted one) — the page says which pack
 * the district takes (fourth audit: a guangming-2020 filing was re-checked under shenzhen-2020,
 * refused for ever, and told to refresh the page).
 */
function submit(req, res, submissions, accepts, clock, answered = new Set()) {
  // Each refusal with a stable `code` and its words in the portal's three locales, `error` the
  // English (hostile audit, thirty-sixth session: a Chinese page showed `body.error` in English).
  const refuse = (status, error, code, zhCN, zhTW) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ error, code, messages: { 'zh-CN': zhCN, 'zh-TW': zhTW, en: error } }));
  };
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return refuse(405, 'POST a submission here', 'http.method', '请以 POST 方式提交', '請以 POST 方式送出');
  }
  // JSON only: a form of another site (text/plain, urlencoded) cannot post here, and a script of
  // another site sending JSON is stopped by the browser (no CORS here) (server audit).
  if (!/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
    return refuse(415, 'send the submission as application/json', 'http.content_type', '请以 application/json 格式提交', '請以 application/json 格式送出');
  }
  // Bytes, not characters, are counted; past the limit the answer is 413 at once, the rest of
  // the body read and dropped (it was a reset connection, which the outbox kept re-sending).
  const chunks = [];
  let size = 0;
  let over = false;
  req.on('data', (c) => {
    size += c.length;
    if (over) return;
    if (size > MAX_BODY) {
      over = true;
      chunks.length = 0;
      res.setHeader('Connection', 'close');
      refuse(413, `a submission holds at most ${MAX_BODY} bytes`, 'input.too_large', `提交的内容不能超过${MAX_BODY}字节`, `送出的內容不能超過${MAX_BODY}位元組`);
      return;
    }
    chunks.push(c);
  });
  req.on('end', async () => {
    if (over) return;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    try {
      let body;
      let fields;
      try {
        // Not UTF-8: refused, not read with U+FFFD in place of what was sent.
        body = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
        fields = JSON.parse(body);
      } catch {
        // In its own words, never a piece of the body quoted back.
        return refuse(400, 'the body is not JSON in UTF-8', 'input.not_json', '提交的内容不是 UTF-8 编码的 JSON', '送出的內容不是 UTF-8 編碼的 JSON');
      }
      if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return refuse(400, 'the body is not a JSON object', 'input.invalid_type', '提交的内容应为 JSON 对象', '送出的內容應為 JSON 物件');
      // The submission goes to the engine as the text that was sent, read as the browser's check
      // read it: a key given twice is `input.duplicate_key` there too (server audit: `JSON.parse`
      // let the last one win, and {"masks":0,"masks":60} was approved).
      const spans = topMembers(body);
      if (!spans) return refuse(400, 'a member of the body is given twice', 'input.duplicate_key', '提交的内容中有字段重复出现', '送出的內容中有欄位重複出現');
      // No submission: refused in its own words, not left to the engine, whose throw says it in
      // English only ("got undefined") (portal audit, thirty-sixth session).
      if (!Object.hasOwn(fields, 'submission') || fields.submission === null) {
        return refuse(400, 'the body holds no submission', 'input.required', '提交的内容中没有要提交的表单（submission）', '送出的內容中沒有要送出的表單（submission）');
      }
      const id = typeof fields.id === 'string' && fields.id.length <= 100 ? fields.id : undefined;
      const span = spans.get('submission');
      const { kind = 'filing', packHash, packId, now: sent, locale } = fields;
      // A submission sent as JSON text is read as that text, as the browser's `checkFiling(text)`
      // reads it (hostile audit, thirty-sixth session: it was judged a string, and refused).
      const submission = typeof fields.submission === 'string' ? fields.submission : span ? body.slice(...span).trim() : fields.submission;
      const now = clock === 'client' ? sent ?? new Date().toISOString() : clock ?? new Date().toISOString();
      const engines = await serverEngines();
      // Own keys only: `__proto__`, `constructor` or `toString` is no kind (hostile audit).
      const check = typeof kind === 'string' && Object.hasOwn(CHECKS, kind) ? CHECKS[kind] : undefined;
      if (!check) return refuse(400, `unknown kind ${JSON.stringify(String(kind).slice(0, 100))}`, 'options.invalid', '未知的提交种类', '未知的送出種類');
      const taken = [...engines.keys()].filter((id) => !accepts || accepts.includes(id));
      const named = taken.includes(packId) ? [packId] : [];
      const order = [...named, ...taken.filter((id) => id !== packId)];
      const answers = new Map();
      const answerOf = (id) => {
        // In the page's language, so that it can say the district's reasons as they are (portal
        // audit, thirty-fifth session, F3); any other `locale` is not passed on.
        if (!answers.has(id)) answers.set(id, engines.get(id)[check](submission, { now, ...(LOCALES.includes(locale) ? { locale } : {}) }));
        return answers.get(id);
      };
      const match = order.find((id) => answerOf(id).pack.hash === packHash);
      const same = match !== undefined;
      const answer = answerOf(match ?? order[0]);
      // What was taken, for the tests: the last thousand, not every one since the start (server
      // audit); an id taken before is not taken again.
      if (!(same && id !== undefined && answered.has(id))) {
        submissions.push({ kind, decision: answer.decision, same });
        if (submissions.length > 1000) submissions.splice(0, submissions.length - 1000);
      }
      res.statusCode = same ? 200 : 409;
      const out = JSON.stringify({
        accepted: same && accepted(kind, answer),
        sameRules: same,
        ...(same ? {} : { accepts: (named.length ? named : taken).map((x) => answerOf(x).pack) }),
        answer,
      });
      if (same && id !== undefined && !answered.has(id)) {
        answered.add(id);
        if (answered.size > 1000) answered.delete(answered.values().next().value);
      }
      res.end(out);
    } catch (err) {
      // The engine's own words where it gives them in Chinese; else its reason as it is, which
      // says more than a vague Chinese sentence would.
      const said = String(err && err.message).slice(0, 200);
      const zh = err?.messages?.['zh-CN'] ?? said;
      refuse(400, said, err?.code ?? 'input.unusable', zh, err?.messages?.['zh-TW'] ?? zh);
    }
  });
}

/**
 * The members of a JSON object's text (already read by `JSON.parse`): name → `[start, end)` of
 * its value in the text; null when a name is given twice.
 */
function topMembers(text) {
  const out = new Map();
  let depth = 0;
  let key = null;
  let start = -1;
  let expectKey = false;
  const close = (end) => {
    if (key === null) return true;
    if (out.has(key)) return false;
    out.set(key, [start, end]);
    key = null;
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) {
        key = JSON.parse(text.slice(i, j + 1));
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      depth += 1;
      if (depth === 1) expectKey = true;
    } else if (c === '}' || c === ']') {
      if (depth === 1 && !close(i)) return null;
      depth -= 1;
    } else if (depth === 1 && c === ':') {
      start = i + 1;
    } else if (depth === 1 && c === ',') {
      if (!close(i)) return null;
      expectKey = true;
    }
  }
  return out;
}

const USAGE = `用法 usage: node www/serve.mjs [--port 8080] [--host 127.0.0.1] [--now RFC3339|client]
  --port N       端口（默认 8080，或环境变量 PORT） the port (default 8080, or PORT)
  --host H       监听地址（默认 127.0.0.1） the address to listen on (default 127.0.0.1)
  --now T        复核提交时使用的时刻（默认：本机时钟；client：采用页面的 ?now=）
                 the time submissions are re-checked at (default: the machine's clock; client: the page's ?now=)
  --help         显示本说明 this text`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Every argument is one of these, or the server does not start: an unknown or misspelt one
  // (\`--prot 8081\`) started it on 8080 with no word, and \`--help\` served (client audit,
  // thirty-fourth session).
  let args;
  try {
    args = parseArgs({
      options: { port: { type: 'string' }, host: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    console.error(`fangkong portal: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(args.port ?? (process.env.PORT || 8080));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`fangkong portal: --port ${String(args.port ?? process.env.PORT).slice(0, 100)} 不是端口号 is no port number (0–65535)`);
    process.exit(2);
  }
  const host = args.host ?? '127.0.0.1';
  const now = args.now;
  if (now !== undefined && now !== 'client' && Number.isNaN(Date.parse(now))) {
    console.error(`fangkong portal: --now ${String(now).slice(0, 100)} is no RFC 3339 time (such as 2020-02-04T10:00:00+08:00), nor \`client\``);
    process.exit(2);
  }
  // A port already taken is said in one line with what to do, not as a stack trace (audit), and
  // so are the server's packages not installed yet.
  const { url } = await start({ port, host, now }).catch((err) => {
    if (err.code === 'MODULE_NOT_FOUND') {
      console.error(`fangkong portal: ${String(err.message).split('\n')[0]}; run \`make demo\` (or \`npm ci\` in js/) first (先安装依赖)`);
      process.exit(2);
    }
    if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') throw err;
    console.error(`fangkong portal: ${host}:${port} ${err.code === 'EADDRINUSE' ? 'is already in use (端口已被占用)' : 'may not be opened (无权使用该端口)'}; choose another port: make demo PORT=8081, or node www/serve.mjs --port 8081`);
    process.exit(2);
  });
  console.log(`fangkong portal: ${url}/  (filing ${url}/filing.html, inspection ${url}/inspection.html, screening ${url}/screening.html, dashboard ${url}/dashboard.html, workbench ${url}/workbench.html; Ctrl-C stops)`);
}

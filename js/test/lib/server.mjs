// A tiny static file server on 127.0.0.1 and a free port, for the browser tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

/** What `compress` applies to: text and WebAssembly. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm']);

/** The first of `offered` (in order of preference) that the client accepts, else none. */
function encodingFor(offered, acceptEncoding = '') {
  const accepted = acceptEncoding.split(',').map((s) => s.trim().split(';')[0]);
  return offered.find((e) => accepted.includes(e)) ?? null;
}

/**
 * `mounts`: { '/pkg/': '/abs/dir', ... } (the first matching prefix serves).
 * `options.headers`: sent with every response (e.g. a Content-Security-Policy).
 * `options.compress`: send text and `.wasm` with `Content-Encoding: br` or `gzip`, as the
 *   request's `Accept-Encoding` allows (`true`), or only with those listed (`['gzip']`).
 * Resolves to { url, requests, close() }; `requests` lists every response as
 * { path, status, type, encoding, acceptEncoding }.
 */
export async function serve(mounts, { headers = {}, compress = false } = {}) {
  const requests = [];
  const offered = compress === true ? ['br', 'gzip'] : compress || [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (status, type, body, extra = {}) => {
      requests.push({ path, status, type, encoding: extra['content-encoding'] ?? null, acceptEncoding: req.headers['accept-encoding'] ?? '' });
      res.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) break;
      let body;
      try {
        body = await readFile(file);
      } catch {
        break;
      }
      const ext = extname(file);
      const type = TYPES[ext] ?? 'application/octet-stream';
      const encoding = COMPRESSIBLE.has(ext) ? encodingFor(offered, req.headers['accept-encoding']) : null;
      if (encoding === 'br') {
        body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      } else if (encoding === 'gzip') {
        body = gzipSync(body);
      }
      send(200, type, body, encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {});
      return;
    }
    send(404, 'text/plain', 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

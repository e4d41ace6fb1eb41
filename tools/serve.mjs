#!/usr/bin/env node
// A tiny static file server for Tend's built site, with no dependencies.
//
//   node tools/serve.mjs --dir dist --port 8080 --host 127.0.0.1 \
//        [--base /training/tend/] [--brotli] [--frame-ancestors "'self' https://lms.example"]
//
// It serves like the plainest static host: files under --base only (404
// elsewhere), a directory serves its index.html, and there are no rewrite
// rules, so a path that is not a file is 404. Tend routes on the URL fragment,
// so a reload on any screen requests index.html and needs nothing more.
// Every response carries `Content-Security-Policy: frame-ancestors …`
// ('self' unless --frame-ancestors names the portals that may frame Tend):
// a meta tag cannot set frame-ancestors, so a host must send it as a header
// (docs/deploying.md says which).
// With --brotli, responses to clients that accept br are brotli-compressed
// (compressed once per file and kept in memory) and sent with
// Content-Encoding: br, as a production host or CDN would.
//
// Also importable: `const s = await serve({ dir, port: 0, base })` returns
// { server, url, port, close() } so tests can run it in-process. Several
// sites can share the server (one origin) under different bases:
// `serve({ mounts: [{ dir, base: '/a/' }, { dir, base: '/team/b/' }] })`
// also returns `urls`, one per mount.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** MIME types by extension; anything else is application/octet-stream. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.zip': 'application/zip',
};

/** Types worth compressing; images and archives are already compressed. */
export const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt', '.xml',
  '.xsd', '.map', '.ico',
]);

/** Normalises a base path to the form "/a/b/" (or "/"). */
export function normaliseBase(base = '/') {
  const parts = String(base).split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * Starts the server. Resolves once it is listening.
 * @param {{dir?: string, port?: number, host?: string, base?: string,
 *          mounts?: {dir: string, base: string}[],
 *          brotli?: boolean, quiet?: boolean, frameAncestors?: string}} options
 */
export async function serve({
  dir = 'dist',
  port = 8080,
  host = '127.0.0.1',
  base = '/',
  mounts = [{ dir, base }],
  brotli = false,
  quiet = true,
  frameAncestors = "'self'",
} = {}) {
  const sites = mounts.map((m) => ({ root: resolve(m.dir), prefix: normaliseBase(m.base) }));
  // The deepest base that holds a path serves it.
  const byDepth = [...sites].sort((a, b) => b.prefix.length - a.prefix.length);
  const brCache = new Map();

  const send = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };
  const notFound = (res, method) =>
    send(res, 404, method === 'HEAD' ? '' : 'Not found\n', {
      'Content-Type': 'text/plain; charset=utf-8',
    });

  const handle = async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(res, 400, 'Bad request\n');
    }
    // The bare base without its trailing slash redirects, as static hosts do,
    // so relative asset URLs resolve under the base.
    const bare = byDepth.find(({ prefix }) => prefix !== '/' && pathname === prefix.slice(0, -1));
    if (bare) {
      res.writeHead(301, { Location: bare.prefix, 'Content-Length': 0 });
      return res.end();
    }
    const site = byDepth.find(({ prefix }) => pathname.startsWith(prefix));
    if (!site || pathname.includes('\0')) return notFound(res, req.method);
    const { root, prefix } = site;
    const rel = normalize(pathname.slice(prefix.length));
    let file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return notFound(res, req.method);

    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${pathname}/`, 'Content-Length': 0 });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return notFound(res, req.method);
    } catch {
      return notFound(res, req.method);
    }

    const ext = extname(file).toLowerCase();
    const headers = {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': `frame-ancestors ${frameAncestors}`,
    };
    let body = await readFile(file);
    if (brotli && COMPRESSIBLE.has(ext)) {
      headers.Vary = 'Accept-Encoding';
      const accepts = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (accepts) {
        const key = `${file}:${info.mtimeMs}:${info.size}`;
        let packed = brCache.get(key);
        if (!packed) {
          packed = brotliCompressSync(body, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
              [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          });
          brCache.set(key, packed);
        }
        body = packed;
        headers['Content-Encoding'] = 'br';
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!quiet) console.error(err);
      if (!res.headersSent) send(res, 500, 'Server error\n');
      else res.destroy();
    });
    if (!quiet) {
      res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const urls = sites.map(({ prefix }) => `http://${shownHost}:${actual}${prefix}`);
  return {
    server,
    port: actual,
    base: sites[0].prefix,
    url: urls[0],
    urls,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/** Parses `--name value` / `--flag` arguments. */
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (name === 'brotli' || name === 'quiet') out[name] = true;
    else if (inline !== undefined) out[name] = inline;
    else if (i + 1 < argv.length) out[name] = argv[++i];
    else throw new Error(`--${name} needs a value`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: ${e.message}`);
    console.error('usage: node tools/serve.mjs --dir dist --port 8080 --host 127.0.0.1 [--base /sub/] [--brotli]');
    process.exit(2);
  }
  const dir = args.dir ?? 'dist';
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error();
  } catch {
    console.error(`serve: ${dir} is not a directory (run \`make build\` first)`);
    process.exit(1);
  }
  const s = await serve({
    dir,
    port: Number(args.port ?? 8080),
    host: args.host ?? '127.0.0.1',
    base: args.base ?? '/',
    brotli: Boolean(args.brotli),
    quiet: Boolean(args.quiet),
    frameAncestors: args['frame-ancestors'] ?? "'self'",
  });
  console.log(`Serving ${resolve(dir)} at ${s.url}${args.brotli ? ' (brotli)' : ''} — Ctrl-C stops`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

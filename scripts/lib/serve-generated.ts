/**
 * Serves the generated datasets (datasets/generated/, git-ignored) at `./generated/` from the dev
 * and preview servers, the way a static host, CDN or object store must serve a database the
 * browser attaches (README, "Serving large datasets"): HEAD with Content-Length, Accept-Ranges,
 * and 206 Partial Content for a Range request, so DuckDB-WASM reads only the blocks it needs.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const GENERATED_PATH = '/generated/';

/** One byte range of a file of `size` bytes, or null when the header asks for none we serve. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2])); // the last n bytes
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

export function serveFiles(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const at = path.indexOf(GENERATED_PATH);
    if (at < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const file = decodeURIComponent(path.slice(at + GENERATED_PATH.length));
    const full = join(dir, file);
    // Plain names only: nothing outside the folder is ever served.
    if (!/^[\w.-]+$/.test(file) || file.startsWith('.') || !existsSync(full)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const stat = statSync(full);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    res.setHeader('Last-Modified', stat.mtime.toUTCString());
    res.setHeader('Cache-Control', 'no-cache');
    const range = byteRange(req.headers.range, stat.size);
    if (range === 'invalid') {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${stat.size}`);
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: stat.size - 1 };
    res.statusCode = range ? 206 : 200;
    if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${stat.size}`);
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD' || stat.size === 0) {
      res.end();
      return;
    }
    createReadStream(full, { start, end }).pipe(res);
  };
}

/** The Vite plugin: the generated datasets beside the app, in `vite` and `vite preview`. */
export function serveGeneratedDatasets(dir: string): Plugin {
  return {
    name: 'serve-generated-datasets',
    configureServer: (server) => void server.middlewares.use(serveFiles(dir)),
    configurePreviewServer: (server) => void server.middlewares.use(serveFiles(dir)),
  };
}

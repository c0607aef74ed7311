import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** Where `npm run build` puts the bundled pages (web/build.mjs). */
const WEB_ROOT = path.resolve(__dirname, '../../web');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The pages: GraphiQL at /playground, the claims explorer at /explore. */
const PAGES = ['playground', 'explore'] as const;
type Page = (typeof PAGES)[number];

function send(response: http.ServerResponse, file: string): void {
  fs.readFile(file, (error, content) => {
    if (error) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error.code === 'ENOENT' ? 'not found (are the web pages built? npm run build)' : 'cannot read the file');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    response.end(content);
  });
}

/** Whether a GET of the GraphQL endpoint comes from a browser that wants a page, not a GraphQL answer. */
export function wantsPlayground(request: http.IncomingMessage, url: URL): boolean {
  return request.method === 'GET' && !url.searchParams.has('query') && (request.headers.accept ?? '').includes('text/html');
}

/** Sends the playground page (for GET /graphql from a browser). */
export function sendPlayground(response: http.ServerResponse): void {
  send(response, path.join(WEB_ROOT, 'playground/index.html'));
}

/**
 * Serves /playground, /explore and their /<page>/assets/<file>; false when the path is
 * not one of theirs. Pages are served without a trailing slash (their asset URLs are
 * relative to it, so they work behind any path prefix); /playground/ redirects.
 */
export function serveWebPage(request: http.IncomingMessage, response: http.ServerResponse, url: URL): boolean {
  const [, page, folder, file, ...rest] = url.pathname.split('/') as [string, Page, string?, string?, ...string[]];
  if (!PAGES.includes(page) || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  if (folder === undefined) {
    send(response, path.join(WEB_ROOT, page, 'index.html'));
  } else if (folder === '' && file === undefined) {
    response.writeHead(301, { location: `../${page}` });
    response.end();
  } else if (folder === 'assets' && file && /^[\w.-]+$/.test(file) && !file.startsWith('.') && rest.length === 0) {
    send(response, path.join(WEB_ROOT, page, 'assets', file));
  } else {
    return false;
  }
  return true;
}

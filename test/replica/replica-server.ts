import { readFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Serves the wizard replica: the page shell for any dashboard path, its TypeScript modules
 * (types stripped, no build step) under /replica-assets, and /replica-api/* forwarded to the
 * Partner Center sandbox with a bearer token, so the page works under any origin — in particular
 * under the routed https://partner.microsoft.com URL of the e2e tests.
 */
interface ReplicaRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer | null;
}

interface ReplicaResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface ReplicaOptions {
  /** The sandbox base URL, e.g. `http://127.0.0.1:53211`. */
  sandboxUrl: string;
  /** A token the sandbox accepts (its `testToken`). */
  token: string;
}

export type ReplicaHandler = (request: ReplicaRequest) => Promise<ReplicaResponse>;

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Only this folder is served as modules; everything else is the page shell. */
const APP_FOLDER = join('test', 'replica', 'app');
const ASSET_PREFIX = '/replica-assets/';
const API_PREFIX = '/replica-api/';

export function createReplicaHandler(options: ReplicaOptions): ReplicaHandler {
  const modules = new Map<string, string>();
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith(API_PREFIX)) return forward(request, url, options);
    const modulePath = modulePathOf(url.pathname);
    if (modulePath) {
      let code = modules.get(modulePath);
      if (code === undefined) {
        code = stripTypeScriptTypes(await readFile(join(REPO_ROOT, modulePath), 'utf8'));
        modules.set(modulePath, code);
      }
      return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, body: code };
    }
    if (url.pathname.endsWith('.ts') || url.pathname === '/favicon.ico') return { status: 404, headers: {}, body: '' };
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: pageShell(url) };
  };
}

/** `/replica-assets/main.ts` → `test/replica/app/main.ts`; anything else (or outside that folder) → null. */
function modulePathOf(pathname: string): string | null {
  if (!pathname.endsWith('.ts') || !pathname.startsWith(ASSET_PREFIX)) return null;
  const clean = normalize(join(APP_FOLDER, pathname.slice(ASSET_PREFIX.length)));
  return clean.startsWith(APP_FOLDER + sep) ? clean : null;
}

function pageShell(url: URL): string {
  const ja = url.searchParams.get('lang') === 'ja' || url.pathname.startsWith('/ja-jp/');
  return `<!doctype html>
<html lang="${ja ? 'ja-JP' : 'en-US'}">
<head><meta charset="utf-8"><title>${ja ? '顧客の追加' : 'Add customer'} - Partner Center</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><div id="app"></div><script type="module" src="${ASSET_PREFIX}main.ts"></script></body>
</html>`;
}

const FORWARDED_HEADERS = ['accept', 'content-type', 'ms-requestid', 'ms-correlationid', 'x-locale'];

async function forward(request: ReplicaRequest, url: URL, options: ReplicaOptions): Promise<ReplicaResponse> {
  const target = `${options.sandboxUrl}/${url.pathname.slice(API_PREFIX.length)}${url.search}`;
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}` };
  for (const [name, value] of Object.entries(request.headers)) if (FORWARDED_HEADERS.includes(name.toLowerCase())) headers[name.toLowerCase()] = value;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body && request.body.length > 0;
  const response = await fetch(target, { method: request.method, headers, ...(hasBody ? { body: new Uint8Array(request.body!) } : {}) });
  const body = Buffer.from(await response.arrayBuffer());
  const responseHeaders: Record<string, string> = {};
  const contentType = response.headers.get('content-type');
  if (contentType) responseHeaders['content-type'] = contentType;
  return { status: response.status, headers: responseHeaders, body };
}

import type { CanonicalKey } from '../../../shared/customer/canonical-keys.ts';
import type { Language, LocalizedMessage } from '../../../shared/i18n/localized-message.ts';
import type { ImportEvent, ImportSummary, ListRowsOptions, RowPage } from '../../../shared/imports/import-types.ts';
import type { CloudName } from '../../../shared/partner-center/clouds.ts';
import { parseSseStream } from './parse-sse-stream.ts';
import { WorkerApiError } from './worker-errors.ts';

/**
 * An upload to `POST /imports`: the file's own bytes, read on the worker by the same reader the
 * panel's preview used, with the preview's encoding and the person's column mapping.
 */
export interface QueueImportRequest {
  file: Blob;
  fileName: string;
  /** One canonical key (or null) per header column, as the mapping preview shows them. */
  keys?: (CanonicalKey | null)[];
  /** The encoding the preview decoded the file with, so the worker reads the same text (and the CP932/Windows-1252 `?` rule). */
  encoding?: string;
  dryRun: boolean;
  cloud: CloudName;
  /** Apply an orders file whose changes an earlier import already applied, on purpose (docs/contracts/csv.md §6). */
  again?: boolean;
}

export interface WorkerClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export type WorkerClient = ReturnType<typeof createWorkerClient>;

/** A small client of the worker HTTP API; every failure is a `WorkerApiError` with a kind to explain. */
export function createWorkerClient(options: WorkerClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request(path: string, init: RequestInit = {}, authorised = true): Promise<Response> {
    const url = `${baseUrl}${path}`;
    if (!baseUrl) throw new WorkerApiError('not-configured', url, 'The worker URL is not set.');
    // Without a token the worker can only refuse: say what to set instead of calling it.
    if (authorised && !options.token) throw new WorkerApiError('no-token', url, 'No API token is set.');
    const headers = new Headers(init.headers);
    if (authorised) headers.set('Authorization', `Bearer ${options.token}`);
    let response: Response;
    try {
      response = await doFetch(url, { ...init, headers });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw new WorkerApiError('unreachable', url, `No answer from the worker at ${baseUrl}.`, { cause });
    }
    if (response.status === 401 || response.status === 403) {
      throw new WorkerApiError('unauthorized', url, `The worker refused the API token (${response.status}).`, { status: response.status });
    }
    if (!response.ok) {
      const detail = await readErrorDetail(response);
      throw new WorkerApiError('http', url, `${init.method ?? 'GET'} ${path} answered ${response.status}${detail.text ? `: ${detail.text}` : ''}`, {
        status: response.status,
        localized: detail.localized,
      });
    }
    return response;
  }

  async function json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await request(path, init)).json()) as T;
  }

  return {
    /** `GET /health` without the token: proves the worker answers at this URL. */
    async health(): Promise<unknown> {
      return (await request('/health', {}, false)).json();
    },
    /** The newest imports first; `limit` (1–500, the worker's default 50) bounds the list. */
    async listImports(listOptions: { limit?: number } = {}): Promise<ImportSummary[]> {
      const suffix = listOptions.limit ? `?limit=${Math.max(1, Math.min(500, Math.floor(listOptions.limit)))}` : '';
      const body = await json<ImportSummary[] | { items: ImportSummary[] }>(`/imports${suffix}`);
      return Array.isArray(body) ? body : body.items;
    },
    async getImport(importId: string): Promise<ImportSummary> {
      return json(`/imports/${encodeURIComponent(importId)}`);
    },
    async createImport(upload: QueueImportRequest): Promise<ImportSummary> {
      const body = new FormData();
      body.set('file', upload.file, upload.fileName);
      if (upload.keys) body.set('keys', JSON.stringify(upload.keys));
      if (upload.encoding) body.set('encoding', upload.encoding);
      body.set('dryRun', String(upload.dryRun));
      body.set('cloud', upload.cloud);
      // Sent only when asked: it is the person's confirmation, never a default.
      if (upload.again) body.set('again', 'true');
      // No Content-Type: fetch sets multipart/form-data with its boundary.
      const created = await json<ImportSummary | { import: ImportSummary }>('/imports', { method: 'POST', body });
      return 'import' in created ? created.import : created;
    },
    async listRows(importId: string, rowOptions: ListRowsOptions = {}): Promise<RowPage> {
      const query = new URLSearchParams();
      if (rowOptions.status) query.set('status', rowOptions.status);
      if (rowOptions.cursor) query.set('cursor', rowOptions.cursor);
      if (rowOptions.limit) query.set('limit', String(rowOptions.limit));
      const suffix = query.size ? `?${query}` : '';
      return json(`/imports/${encodeURIComponent(importId)}/rows${suffix}`);
    },
    async retryFailed(importId: string): Promise<void> {
      await request(`/imports/${encodeURIComponent(importId)}/retry`, { method: 'POST' });
    },
    async cancel(importId: string): Promise<void> {
      await request(`/imports/${encodeURIComponent(importId)}/cancel`, { method: 'POST' });
    },
    /** The admin password of a created row, once (the worker forgets it after this call). Never stored by the panel. */
    async revealPassword(importId: string, row: number): Promise<{ adminUser: string; password: string }> {
      return json(`/imports/${encodeURIComponent(importId)}/rows/${row}/reveal`, { method: 'POST' });
    },
    /** The results or failed-rows CSV, fetched with the token so it can be saved through a blob link. */
    async downloadCsv(importId: string, kind: 'results' | 'failed', language: Language): Promise<Blob> {
      const response = await request(`/imports/${encodeURIComponent(importId)}/${kind}.csv?lang=${language}`);
      return response.blob();
    },
    /** Calls `onEvent` for each `ImportEvent` until the stream ends or `signal` aborts. */
    async streamEvents(importId: string, onEvent: (event: ImportEvent) => void, signal: AbortSignal): Promise<void> {
      const response = await request(`/imports/${encodeURIComponent(importId)}/events`, {
        headers: { Accept: 'text/event-stream' },
        signal,
      });
      if (!response.body) return;
      for await (const message of parseSseStream(response.body)) {
        const event = parseImportEvent(message.data);
        if (event) onEvent(event);
      }
    },
  };
}

function parseImportEvent(data: string): ImportEvent | undefined {
  try {
    const parsed = JSON.parse(data) as Partial<ImportEvent>;
    return typeof parsed === 'object' && parsed !== null && typeof parsed.type === 'string' ? (parsed as ImportEvent) : undefined;
  } catch {
    return undefined; // keep-alive or a comment line the server chose to send as data
  }
}

/** The problem+json `detail` (and its EN/JA `localizedDetail` when the worker sends one), else the text. */
async function readErrorDetail(response: Response): Promise<{ text: string; localized?: LocalizedMessage }> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { detail?: unknown; title?: unknown; localizedDetail?: LocalizedMessage };
    const detail = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : text;
    const localized = body.localizedDetail && typeof body.localizedDetail.en === 'string' ? body.localizedDetail : undefined;
    return { text: detail.slice(0, 500), localized };
  } catch {
    return { text: text.slice(0, 300) };
  }
}

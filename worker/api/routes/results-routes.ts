import { Hono } from 'hono';
import type { ApiDeps } from '../api-deps.ts';
import { ImportNotFoundError } from '../../errors/import-not-found-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { downloadQuerySchema, importParamsSchema } from '../validation/import-schemas.ts';
import { iterableToStream } from './iterable-to-stream.ts';
import { resultsFileName } from '../../imports/results-file-name.ts';

/** `GET /imports/:id/results.csv`, `/failed.csv` and `/skipped.csv` (the rows a cancel skipped; `?lang=en|ja`), streamed as attachments, any time. */
export function createResultsRoutes(deps: Pick<ApiDeps, 'service'>) {
  const routes = new Hono();
  for (const kind of ['results', 'failed', 'skipped'] as const) {
    routes.get(`/:id/${kind}.csv`, async (c) => {
      const { id } = parseInput(importParamsSchema, c.req.param(), 'path');
      const { lang } = parseInput(downloadQuerySchema, c.req.query(), 'query');
      const summary = await deps.service.getImport(id);
      if (!summary) throw new ImportNotFoundError(id);
      const bytes = deps.service.resultsCsv(id, kind, lang);
      const fileName = resultsFileName(summary.fileName, kind);
      return c.body(iterableToStream(bytes) as ReadableStream, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'Cache-Control': 'no-store',
      });
    });
  }
  return routes;
}

/** RFC 6266: `filename` must be plain ASCII without quotes; `filename*` carries the real name. */
function asciiFallback(fileName: string): string {
  return fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

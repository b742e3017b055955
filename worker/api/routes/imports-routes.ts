import { Hono } from 'hono';
import type { ApiDeps } from '../api-deps.ts';
import { ImportNotFoundError } from '../../errors/import-not-found-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import {
  importParamsSchema,
  listImportsQuerySchema,
  listRowsQuerySchema,
  rowParamsSchema,
} from '../validation/import-schemas.ts';
import { ApiProblemError } from '../problems/api-problem-error.ts';
import { readCreateImportInput } from './read-create-import-input.ts';
import type { AuthEnv } from '../middleware/bearer-auth.ts';

/**
 * Create, list and inspect imports; retry, cancel and reveal. Each handler only maps HTTP to the
 * service: the service refuses an unknown import itself, and `renderProblem` turns what it throws
 * into the answer.
 */
export function createImportsRoutes(deps: Pick<ApiDeps, 'service'>) {
  const { service } = deps;

  return new Hono<AuthEnv>()
    .post('/', async (c) => {
      const summary = await service.createImport({ ...(await readCreateImportInput(c)), queuedBy: c.get('tokenName') });
      return c.json(summary, 201, { Location: `/imports/${summary.id}` });
    })
    .get('/', async (c) => {
      const { limit } = parseInput(listImportsQuerySchema, c.req.query(), 'query');
      return c.json({ items: await service.listImports({ limit }) });
    })
    .get('/:id', async (c) => {
      const { id } = parseInput(importParamsSchema, c.req.param(), 'path');
      const summary = await service.getImport(id);
      if (!summary) throw new ImportNotFoundError(id);
      return c.json(summary);
    })
    .get('/:id/rows', async (c) => {
      const { id } = parseInput(importParamsSchema, c.req.param(), 'path');
      const options = parseInput(listRowsQuerySchema, c.req.query(), 'query');
      return c.json(await service.listRows(id, options));
    })
    .post('/:id/retry', async (c) => {
      const { id } = parseInput(importParamsSchema, c.req.param(), 'path');
      return c.json({ importId: id, requeued: await service.retryFailed(id) });
    })
    .post('/:id/cancel', async (c) => {
      const { id } = parseInput(importParamsSchema, c.req.param(), 'path');
      return c.json({ importId: id, skipped: await service.cancel(id) });
    })
    .post('/:id/rows/:row/reveal', async (c) => {
      const { id, row } = parseInput(rowParamsSchema, c.req.param(), 'path');
      const secret = await service.revealPassword(id, row);
      if (!secret) {
        throw new ApiProblemError({
          status: 410,
          slug: 'password-gone',
          title: 'Password gone',
          detail: `Row ${row} of import ${id} has no password to reveal: it was already revealed once, it expired, or the row created no customer. Reset the admin password in the Partner Center dashboard if it was lost.`,
        });
      }
      // The password is shown once: nothing on the way may keep a copy.
      return c.json({ importId: id, row, adminUser: secret.adminUser, password: secret.password }, 200, {
        'Cache-Control': 'no-store',
      });
    });
}

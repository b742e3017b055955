import { createHash } from 'node:crypto';
import type { CreateImportInput } from '../../../worker/imports/import-service.ts';
import type { ImportSummary, RowResult } from '../../../shared/imports/import-types.ts';
import type { RowStatus } from '../../../shared/status/row-status.ts';
import { fileKindOf } from '../../../shared/orders/order-header.ts';
import { FakeImportService } from './fake-import-service.ts';

/**
 * The API's test double that also takes an uploaded orders file: an import of kind `orders`, one
 * pending row per data line, and `earlierImport` when a real (not dry-run) orders import had the
 * same bytes before — what the side panel's orders flow reads. Customer files go to the base fake.
 */
export class FakeOrdersImportService extends FakeImportService {
  private nextOrdersId = 1;

  override async createImport(input: CreateImportInput): Promise<ImportSummary> {
    if (input.source.kind !== 'csv') return super.createImport(input);
    const chunks: Uint8Array[] = [];
    for await (const chunk of input.source.bytes) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
    const columns = (lines[0] ?? '').split(',');
    if (fileKindOf(columns) !== 'orders') {
      return super.createImport({ ...input, source: { ...input.source, bytes: replay(bytes) } });
    }
    this.created.push(input);
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const earlier = [...this.imports.values()]
      .map((entry) => entry.summary)
      .findLast((summary) => summary.kind === 'orders' && !summary.dryRun && summary.contentHash === contentHash);
    const rows: RowResult[] = lines.slice(1).map((_, index) => ({ row: index + 1, line: index + 2, status: 'pending' }));
    const summary: ImportSummary = {
      id: `orders-${this.nextOrdersId++}`,
      kind: 'orders',
      fileName: input.source.fileName,
      createdAt: '2026-12-01T09:30:00.000Z',
      dryRun: input.dryRun,
      cloud: input.cloud,
      state: rows.length === 0 ? 'done' : 'queued',
      header: { columns, keys: columns.map(() => null), encoding: 'utf-8', delimiter: ',' },
      total: rows.length,
      blankLines: 0,
      counts: { pending: rows.length, created: 0, exists: 0, invalid: 0, failed: 0, skipped: 0, ready: 0, ordered: 0 },
      contentHash,
      ...(input.queuedBy ? { queuedBy: input.queuedBy } : {}),
      ...(earlier ? { earlierImport: { id: earlier.id, createdAt: earlier.createdAt, ...(earlier.queuedBy ? { queuedBy: earlier.queuedBy } : {}) } } : {}),
    };
    this.imports.set(summary.id, { summary, rows, secrets: new Map() });
    return structuredClone(summary);
  }

  /** Test control: an orders row reaches its final status with its plan, changes, error or note. */
  finishOrderRow(importId: string, row: number, status: RowStatus, details: Pick<RowResult, 'plan' | 'subscriptions' | 'error' | 'note'>): void {
    const result = this.imports.get(importId)?.rows[row - 1];
    if (!result) throw new Error(`no row ${row} in ${importId}`);
    Object.assign(result, details);
    this.finishRow(importId, row, status);
  }
}

async function* replay(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

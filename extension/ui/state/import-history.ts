import { storage } from 'wxt/utils/storage';
import type { ImportSummary } from '../../../shared/imports/import-types.ts';

/** The imports this browser queued, newest first, with the worker they ran on. */
export interface ImportHistoryEntry {
  summary: ImportSummary;
  workerUrl: string;
}

export const importHistoryItem = storage.defineItem<ImportHistoryEntry[]>('local:importHistory', { fallback: [] });

const MAX_IMPORT_HISTORY = 100;

/** Adds or updates the entry for `summary.id`, keeping its place when it exists. */
export async function rememberImport(summary: ImportSummary, workerUrl: string): Promise<void> {
  const existing = await importHistoryItem.getValue();
  const index = existing.findIndex((entry) => entry.summary.id === summary.id);
  const entry = { summary, workerUrl };
  const next = index === -1 ? [entry, ...existing] : existing.map((item, i) => (i === index ? entry : item));
  await importHistoryItem.setValue(next.slice(0, MAX_IMPORT_HISTORY));
}

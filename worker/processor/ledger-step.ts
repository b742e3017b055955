import type { LocalizedMessage } from '../../shared/i18n/localized-message.ts';
import type { Ledger } from '../ledger/create-ledger.ts';
import type { LedgerEntry } from '../ledger/ledger-entry.ts';
import { CANCELLABLE_STEPS, type RowStatePatch, type RowStep } from '../store/row-state.ts';
import type { RowContext } from './row-context.ts';

/**
 * A row whose domain this tool created before (in any import) ends `created` with the earlier
 * ids and a note naming that import, and no call is made (docs/contracts/csv.md §5):
 * re-running a file after an interruption must not turn its customers into `exists`. Looked up
 * only before the create call; a row that reached it is resuming its own creation.
 * Returns true when the row was finished from the ledger.
 */
export async function finishFromLedger(
  context: RowContext,
  ledger: Ledger,
  advance: (patch: RowStatePatch, steps?: readonly RowStep[]) => Promise<boolean>,
): Promise<boolean> {
  if (!CANCELLABLE_STEPS.includes(context.state.step)) return false;
  const entry = await ledger.find(context.cloud, context.record.domain);
  if (!entry || (entry.importId === context.importId && entry.row === context.row)) return false;
  const note = createdBefore(entry);
  return advance(
    { status: 'created', step: 'ordered', customerId: entry.customerId, adminUser: entry.adminUser, noteEn: note.en, noteJa: note.ja },
    CANCELLABLE_STEPS,
  );
}

/** Records a customer the moment it exists, before the row moves on (a replay records nothing new). */
export async function recordInLedger(context: RowContext, ledger: Ledger, created: { customerId: string; adminUser: string }, meta: { fileName: string; queuedBy: string }): Promise<void> {
  await ledger.record({
    cloud: context.cloud,
    domain: context.record.domain,
    customerId: created.customerId,
    adminUser: created.adminUser,
    importId: context.importId,
    fileName: meta.fileName,
    row: context.row,
    createdAt: new Date().toISOString(),
    queuedBy: meta.queuedBy,
  });
}

function createdBefore(entry: LedgerEntry): LocalizedMessage {
  const when = `${entry.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
  return {
    en: `Created earlier by this tool: import ${entry.importId} (${entry.fileName}, row ${entry.row}) on ${when}, queued by ${entry.queuedBy}. Nothing was sent to Partner Center this time.`,
    ja: `このツールで作成済みです: ${when} のインポート ${entry.importId} (${entry.fileName} の ${entry.row} 行目、実行者 ${entry.queuedBy})。今回は Partner Center に何も送信していません。`,
  };
}

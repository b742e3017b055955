import type { RowStatus } from '../../../shared/status/row-status.ts';
import type { Language } from '../../../shared/i18n/localized-message.ts';

/**
 * What the CLI says while it imports and after (progress, table, hints), in English and
 * Japanese (`--lang`). Status names stay the `pc_status` values of the results file; Japanese
 * adds a word for each.
 */
export interface CliText {
  readingRows(fileName: string, rows: number, perSecond: number): string;
  progressLine(done: number, total: number, counts: string, perSecond: number | undefined, eta: string | undefined): string;
  /** The `{…}` tokens are filled by the progress bar. */
  barFormat: string;
  nothingFinished: string;
  statusLabel(status: RowStatus | 'pending'): string;
  tableHead: [string, string];
  total: string;
  blankLines: string;
  title(importId: string, fileName: string, dryRun: boolean): string;
  noRows: string;
  results(path: string): string;
  rowsToFix(path: string): string;
  retryHint(importId: string): string;
  revealHint(importId: string): string;
  cancelling: string;
  /** After `cancelling`: what a second Ctrl+C does. */
  leaveHint: string;
  leftWithoutWaiting(importId: string): string[];
  resumeHint(importId: string): string;
  skippedFile(path: string): string;
  /** The same file was imported before and stopped with rows not run. */
  stoppedBefore(fileName: string, importId: string, when: string, notRun: number): string;
  continueQuestion: string;
  continuing(importId: string, requeued: number): string;
  nothingImported: string;
}

const JA_STATUS: Record<RowStatus | 'pending', string> = {
  created: '作成済み',
  exists: '既存',
  invalid: '要修正',
  failed: '失敗',
  skipped: 'スキップ',
  ready: '作成可能',
  ordered: '注文済み',
  pending: '処理待ち',
};

const thousands = (value: number, language: Language) => value.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-US');

const EN: CliText = {
  readingRows: (fileName, rows, perSecond) => `Reading and checking ${fileName}: ${thousands(rows, 'en')} rows read${perSecond > 0 ? ` (${thousands(Math.round(perSecond), 'en')} rows/s)` : ''}`,
  progressLine: (done, total, counts, perSecond, eta) =>
    `progress: ${done}/${total} rows (${counts})${perSecond ? `, ${perSecond.toFixed(1)} rows/s` : ''}${eta ? `, ETA ${eta}` : ''}`,
  barFormat: '{bar} {percentage}% | {value}/{total} rows | {counts} | {rate} rows/s | ETA {eta}',
  nothingFinished: 'nothing finished yet',
  statusLabel: (status) => status,
  tableHead: ['status', 'rows'],
  total: 'total',
  blankLines: 'blank lines (not rows)',
  title: (importId, fileName, dryRun) => `Import ${importId} of ${fileName}${dryRun ? ' (dry run: nothing created)' : ''}`,
  noRows: 'The file has a header but no data rows: nothing was imported. Add one customer per line below the header and run it again.',
  results: (path) => `Results: ${path}`,
  rowsToFix: (path) => `Rows to fix (re-import this file once fixed): ${path}`,
  retryHint: (importId) => `Retry the failed rows later with: pc-onboard retry ${importId}`,
  revealHint: (importId) => `Admin passwords are shown once each: pc-onboard reveal ${importId} <row>`,
  cancelling: 'Cancelling: queued rows end "skipped"; rows already running finish first.',
  leaveHint: 'Press Ctrl+C again to leave now (the import stays in Redis).',
  leftWithoutWaiting: (importId) => [
    `Left without waiting. Import ${importId} is kept in Redis; nothing is lost:`,
    `  continue it:          pc-onboard resume ${importId}`,
    `  write its files now:  pc-onboard results ${importId}`,
  ],
  resumeHint: (importId) => `Cancelled: the skipped rows did not run. Continue the import with: pc-onboard resume ${importId}`,
  skippedFile: (path) => `  (or import the rows that did not run: ${path})`,
  stoppedBefore: (fileName, importId, when, notRun) =>
    `${fileName} was imported before (import ${importId}, ${when} UTC) and stopped with ${notRun} row${notRun === 1 ? '' : 's'} not run.`,
  continueQuestion: 'Continue that import? ("n" starts a new one; customers created before are not created twice)',
  continuing: (importId, requeued) => `Continuing import ${importId}: ${requeued} row${requeued === 1 ? '' : 's'} queued again.`,
  nothingImported: 'Nothing was imported.',
};

const JA: CliText = {
  readingRows: (fileName, rows, perSecond) => `${fileName} を読み込んで確認しています: ${thousands(rows, 'ja')} 行${perSecond > 0 ? ` (毎秒 ${thousands(Math.round(perSecond), 'ja')} 行)` : ''}`,
  progressLine: (done, total, counts, perSecond, eta) =>
    `進捗: ${done}/${total} 行 (${counts})${perSecond ? `、毎秒 ${perSecond.toFixed(1)} 行` : ''}${eta ? `、残り約 ${eta}` : ''}`,
  barFormat: '{bar} {percentage}% | {value}/{total} 行 | {counts} | 毎秒 {rate} 行 | 残り約 {eta}',
  nothingFinished: 'まだ完了した行はありません',
  statusLabel: (status) => `${JA_STATUS[status]} (${status})`,
  tableHead: ['状態', '行数'],
  total: '合計',
  blankLines: '空行 (行数に含めない)',
  title: (importId, fileName, dryRun) => `${fileName} のインポート ${importId}${dryRun ? ' (ドライラン: 何も作成していません)' : ''}`,
  noRows: 'ファイルには見出し行だけでデータ行がありません。何もインポートしていません。見出しの下に 1 行 1 顧客で入力して、もう一度実行してください。',
  results: (path) => `結果: ${path}`,
  rowsToFix: (path) => `修正が必要な行 (修正後このファイルをそのままインポート): ${path}`,
  retryHint: (importId) => `失敗した行は後で再試行できます: pc-onboard retry ${importId}`,
  revealHint: (importId) => `管理者パスワードは各 1 回だけ表示されます: pc-onboard reveal ${importId} <行番号>`,
  cancelling: 'キャンセルしています: 待機中の行は "skipped" になります。実行中の行は完了を待ちます。',
  leaveHint: 'すぐに終了するにはもう一度 Ctrl+C を押してください (インポートは Redis に残ります)。',
  leftWithoutWaiting: (importId) => [
    `完了を待たずに終了しました。インポート ${importId} は Redis に残っています。失われたものはありません:`,
    `  続きを実行:          pc-onboard resume ${importId}`,
    `  結果ファイルを出力:  pc-onboard results ${importId}`,
  ],
  resumeHint: (importId) => `キャンセルしました: スキップした行は実行していません。続きを実行: pc-onboard resume ${importId}`,
  skippedFile: (path) => `  (または実行していない行だけをインポート: ${path})`,
  stoppedBefore: (fileName, importId, when, notRun) => `${fileName} は以前にインポートされ (インポート ${importId}、${when} UTC)、${notRun} 行を実行しないまま停止しています。`,
  continueQuestion: 'そのインポートを続けますか? ("n" で新しくインポートします。以前に作成した顧客は二重に作成しません)',
  continuing: (importId, requeued) => `インポート ${importId} を続けます: ${requeued} 行を再びキューに入れました。`,
  nothingImported: '何もインポートしていません。',
};

export function cliText(language: Language): CliText {
  return language === 'ja' ? JA : EN;
}

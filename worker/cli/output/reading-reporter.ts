import type { Language } from '../../../shared/i18n/localized-message.ts';
import type { CreateImportProgress } from '../../imports/import-service.ts';
import { writeLine } from '../cli-io.ts';
import { cliText } from './cli-text.ts';

const PLAIN_LINE_EVERY_MS = 5000;
const TTY_REDRAW_EVERY_MS = 100;
/** A rate measured over less time than this says more about start-up than about reading. */
const MIN_SECONDS_FOR_A_RATE = 0.2;

/**
 * Progress while a file is read and checked (before any row runs): rows read and rows/s. On a
 * TTY one line is redrawn in place; otherwise a line every few seconds.
 */
export function createReadingReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }, fileName: string, language: Language) {
  const text = cliText(language);
  const startedAt = performance.now();
  let lastAt = -Infinity;
  let drawn = false;
  let rateShown = false;
  const show = (line: string, force: boolean) => {
    const now = performance.now();
    if (!force && now - lastAt < (stream.isTTY ? TTY_REDRAW_EVERY_MS : PLAIN_LINE_EVERY_MS)) return;
    lastAt = now;
    if (stream.isTTY) {
      stream.write(`\r\u001b[2K${line}`);
      drawn = true;
    } else {
      writeLine(stream, line);
    }
  };
  return {
    /** For `createImport({ onProgress })`. */
    onProgress(progress: CreateImportProgress) {
      const seconds = (performance.now() - startedAt) / 1000;
      const perSecond = seconds > MIN_SECONDS_FOR_A_RATE ? progress.rows / seconds : 0;
      // The first batch is shown at once (the user sees the file is being read), and so is the
      // first line that can carry a rate: waiting the plain gap for it would leave a big file
      // looking stuck for five seconds.
      const firstRate = perSecond > 0 && !rateShown;
      if (firstRate) rateShown = true;
      show(text.readingRows(fileName, progress.rows, perSecond), progress.rows === progress.batch || firstRate);
    },
    /** Ends the redrawn line so what follows starts on a line of its own. */
    stop() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

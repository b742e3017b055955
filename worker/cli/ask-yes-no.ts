import { createInterface } from 'node:readline/promises';
import type { CliIo } from './cli-io.ts';

/**
 * Asks a yes/no question on the terminal; Enter takes `defaultAnswer`. Resolves undefined when
 * the user pressed Ctrl+C or closed the input (the caller then stops without doing anything).
 */
export async function askYesNo(io: CliIo, question: string, defaultAnswer: boolean): Promise<boolean | undefined> {
  if (!io.stdin) return undefined;
  const prompt = createInterface({ input: io.stdin, output: io.stderr, terminal: Boolean(io.stdin.isTTY) });
  const aborted = new AbortController();
  prompt.once('SIGINT', () => aborted.abort());
  prompt.once('close', () => aborted.abort());
  try {
    for (;;) {
      const answer = (await prompt.question(`${question} ${defaultAnswer ? '[Y/n]' : '[y/N]'} `, { signal: aborted.signal })).trim().toLowerCase();
      if (answer === '') return defaultAnswer;
      if (['y', 'yes', 'はい'].includes(answer)) return true;
      if (['n', 'no', 'いいえ'].includes(answer)) return false;
    }
  } catch {
    io.stderr.write('\n');
    return undefined;
  } finally {
    prompt.close();
  }
}

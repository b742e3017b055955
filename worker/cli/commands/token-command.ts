import { isValidTokenName, TokenNameTakenError } from '../../auth/create-token-registry.ts';
import type { CliDeps } from '../cli-deps.ts';
import { writeLine } from '../cli-io.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { UsageError } from '../usage-error.ts';

/**
 * `pc-onboard token add NAME | list | revoke NAME`: API tokens per person. Only their SHA-256 is
 * kept in Redis; `add` prints the token once, on stdout (so it can be piped), and nothing else
 * there. A running `serve` sees the change at the next request.
 */
export async function runTokenCommand(action: 'add' | 'list' | 'revoke', name: string | undefined, options: { json: boolean }, deps: CliDeps): Promise<ExitCode> {
  if (action !== 'list' && !name) throw new UsageError(`"token ${action}" needs a name, e.g. pc-onboard token ${action} alice`);
  if (action === 'add' && !isValidTokenName(name!)) {
    throw new UsageError(`"${name}" is not a usable token name: use letters, digits, ".", "_", "-" or "@" (up to 64), e.g. the person's name.`);
  }
  const runtime = await deps.openRuntime(deps.loadConfig(), { worker: false });
  try {
    const { tokens } = runtime;
    if (action === 'add') {
      let token: string;
      try {
        token = await tokens.add(name!);
      } catch (error) {
        if (error instanceof TokenNameTakenError) throw new UsageError(`${error.message} (pc-onboard token revoke ${name})`, { cause: error });
        throw error;
      }
      writeLine(deps.io.stderr, `API token for "${name}" (shown once; set it in the extension's Options or send it as "Authorization: Bearer <token>"):`);
      writeLine(deps.io.stdout, options.json ? JSON.stringify({ name, token }) : token);
      return EXIT_CODES.ok;
    }
    if (action === 'revoke') {
      if (!(await tokens.revoke(name!))) throw new UsageError(`No token is named "${name}". "pc-onboard token list" shows the names.`);
      writeLine(deps.io.stderr, `Token "${name}" revoked: it is refused from now on.`);
      return EXIT_CODES.ok;
    }
    const list = await tokens.list();
    if (options.json) writeLine(deps.io.stdout, JSON.stringify(list, null, 2));
    else if (list.length === 0) writeLine(deps.io.stdout, 'No API tokens yet. "pc-onboard serve" creates the first on its first start; add one per person with: pc-onboard token add NAME');
    else for (const token of list) writeLine(deps.io.stdout, `${token.name.padEnd(24)} created ${token.createdAt}`);
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}

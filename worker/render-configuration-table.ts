import { CONFIG_VARIABLES } from './config.ts';

/** The Markdown table of every configuration variable, as pasted into docs/configuration.md. */
export function renderConfigurationTable(): string {
  const escape = (text: string) => text.replaceAll('|', '\\|');
  const lines = ['| Variable | Default | Meaning |', '|---|---|---|'];
  for (const variable of CONFIG_VARIABLES) lines.push(`| \`${variable.name}\` | ${escape(variable.default)} | ${escape(variable.meaning)} |`);
  return lines.join('\n');
}

if (import.meta.main) console.log(renderConfigurationTable());

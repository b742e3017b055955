import type { DropdownOption } from './dropdown-v8.ts';
import type { TextField } from './store.ts';

/** How one wizard version draws its fields: the same fields, other markup. */
export interface FieldKit {
  text(field: TextField, label: () => string, options?: TextOptions): HTMLElement;
  choice(field: TextField, label: string, options: () => DropdownOption[], set?: (key: string) => void): HTMLElement;
  date(field: TextField, label: string): HTMLElement;
  checkbox(label: string, get: () => boolean, set: (checked: boolean) => void): HTMLElement;
  section(title: string, children: (Node | null)[]): HTMLElement;
}

interface TextOptions {
  required?: boolean;
  onBlur?: () => void;
  /** Nodes drawn after the input in its field (the domain suffix and status). */
  extras?: (input: HTMLInputElement) => Node[];
}

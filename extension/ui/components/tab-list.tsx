import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

interface TabDefinition<Id extends string> {
  id: Id;
  label: string;
}

export interface TabListProps<Id extends string> {
  tabs: TabDefinition<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}

/** A WAI-ARIA tablist: arrow keys, Home and End move between tabs (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/). */
export function TabList<Id extends string>({ tabs, selected, onSelect, label }: TabListProps<Id>) {
  const listRef = useRef<HTMLDivElement>(null);

  function move(event: KeyboardEvent) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : -1;
    if (next === -1) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLButtonElement>(`#tab-${tab.id}`)?.focus();
  }

  return (
    <div class="tab-list" role="tablist" aria-label={label} ref={listRef} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          key={tab.id}
          aria-selected={tab.id === selected}
          // Panels are rendered on first visit; only the selected one surely exists.
          aria-controls={tab.id === selected ? `panel-${tab.id}` : undefined}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ id, hidden = false, children }: { id: string; hidden?: boolean; children: ComponentChildren }) {
  return (
    <section class="tab-panel" role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} tabIndex={0} hidden={hidden}>
      {children}
    </section>
  );
}

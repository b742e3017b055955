import { useState } from 'preact/hooks';
import { t } from './i18n/translate.ts';
import { TabList, TabPanel } from './components/tab-list.tsx';
import { lazyComponent } from './components/lazy-component.tsx';
import { SingleCustomerTab } from './single/single-customer-tab.tsx';

// The first tab is in the starting bundle; the others load when first opened (the side panel's size goal).
const BulkImportTab = lazyComponent(() => import('./bulk/bulk-import-tab.tsx').then((module) => module.BulkImportTab));
const HistoryTab = lazyComponent(() => import('./history/history-tab.tsx').then((module) => module.HistoryTab));
const OptionsTab = lazyComponent(() => import('./options/options-tab.tsx').then((module) => module.OptionsTab));

const PANEL_TABS = ['single', 'bulk', 'history', 'options'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** The side panel: one tab per job, all state in extension storage so closing the panel loses nothing. */
export function SidePanelApp({ initialTab = 'single' }: { initialTab?: PanelTab }) {
  const [tab, setTab] = useState<PanelTab>(initialTab);
  // A tab stays mounted once opened, so a file being mapped or an import being followed survives a look at another tab.
  const [visited, setVisited] = useState<ReadonlySet<PanelTab>>(new Set([initialTab]));

  function select(next: PanelTab) {
    setTab(next);
    setVisited((old) => (old.has(next) ? old : new Set(old).add(next)));
  }
  const labels: Record<PanelTab, string> = {
    single: t('tabSingle'),
    bulk: t('tabBulk'),
    history: t('tabHistory'),
    options: t('tabOptions'),
  };

  return (
    <div class="panel">
      <header class="panel-header">
        <h1>pc-onboard</h1>
        <TabList tabs={PANEL_TABS.map((id) => ({ id, label: labels[id] }))} selected={tab} onSelect={select} label={t('tabsLabel')} />
      </header>
      <main class="panel-body">
        {PANEL_TABS.filter((id) => visited.has(id)).map((id) => (
          <TabPanel id={id} key={id} hidden={id !== tab}>
            {id === 'single' && <SingleCustomerTab />}
            {id === 'bulk' && <BulkImportTab onOpenOptions={() => select('options')} />}
            {id === 'history' && <HistoryTab active={tab === 'history'} onOpenOptions={() => select('options')} />}
            {id === 'options' && <OptionsTab />}
          </TabPanel>
        ))}
      </main>
    </div>
  );
}

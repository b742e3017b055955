import { render } from 'preact';
import '../../ui/styles.css';
import { loadSettings } from '../../ui/state/settings-state.ts';
import { OptionsTab } from '../../ui/options/options-tab.tsx';

// The same form as the side panel's Options tab, for the browser's "Extension options" entry.
void loadSettings().finally(() =>
  render(
    <main class="options-page">
      <OptionsTab />
    </main>,
    document.getElementById('app')!,
  ),
);

import { render } from 'preact';
import '../../ui/styles.css';
import { loadSettings } from '../../ui/state/settings-state.ts';
import { SidePanelApp } from '../../ui/side-panel-app.tsx';

void loadSettings().finally(() => render(<SidePanelApp />, document.getElementById('app')!));

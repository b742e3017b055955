import { render } from 'preact';
import '../../ui/styles.css';
import { loadSettings } from '../../ui/state/settings-state.ts';
import { PopupApp } from '../../ui/popup/popup-app.tsx';

void loadSettings().finally(() => render(<PopupApp />, document.getElementById('app')!));

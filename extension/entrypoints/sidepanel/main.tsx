import { render } from 'preact';

render(<main>pc-onboard</main>, document.getElementById('app')!);

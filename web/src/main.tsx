import './zod-config';
import { render } from 'preact';
import { App } from './components/app/app';
import './styles/app.css';

const root = document.getElementById('app')!;
// The pages for providers, coordinators and admins are a separate, lazily loaded app: the family search page
// must not carry their code, so this test is all the first bundle knows about them.
if (/^\/(konto|anbieter|koordination|admin|auswertung)(\/|$)/.test(location.pathname)) {
  void import('./workspace/workspace-app').then((m) => m.mountWorkspace(root));
} else {
  render(<App />, root);
}

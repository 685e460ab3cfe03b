import './zod-config';
import { render } from 'preact';
import { App } from './components/app/app';
import './styles/app.css';

render(<App />, document.getElementById('app')!);

// The coordinators' duplicate structures page: one lazy chunk (see workspace-app.tsx).
import './duplicates.css';

export { DuplicatesPage } from './duplicates-page';

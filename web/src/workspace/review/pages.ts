// The coordinator pages: one lazy chunk (see workspace-app.tsx).
export { CorrectPage } from './correct-page';
export { QueuePage } from './queue-page';
export { ReviewPage } from './review-page';
export { StalePage } from './stale-page';

// The admin page: its own lazy chunk (see workspace-app.tsx).
export { UsersPage } from './users-page';

// The account pages: one lazy chunk (see workspace-app.tsx).
export { AccountPage } from './account-page';
export { LoginPage } from './login-page';
export { ForgotPasswordPage, NewPasswordPage } from './password-pages';
export { RegisterPage } from './register-page';
export { VerifyPage } from './verify-page';

/**
 * One message carried across a client-side navigation ("saved", "submitted"), shown by the next page that
 * asks for it. Kept in memory only: a reload should not repeat it.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}

// The coordinators' duplicate structures page: one lazy chunk (see workspace-app.tsx).
export function DuplicatesPage() { return null; }

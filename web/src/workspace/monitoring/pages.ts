// The public monitoring pages: one lazy chunk (see workspace-app.tsx).
export function GapsPage() { return null; }
export function FiguresPage() { return null; }
export function ReportPage() { return null; }

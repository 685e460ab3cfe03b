// Starts the TypeScript import worker under tsx: Node 20 does not pass `--import tsx` on to worker threads.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');

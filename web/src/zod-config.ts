import { z } from 'zod';

// zod compiles fast parsers with `new Function` unless told not to. The Content-Security-Policy forbids eval,
// and merely trying it logs a violation. zod decides when a schema is created, so this module must be
// evaluated before any schema module: main.tsx imports it first.
z.config({ jitless: true });

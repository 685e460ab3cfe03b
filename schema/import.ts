import { z } from 'zod';

// The answer to a CSV import, dry run or commit: what each row would do (or did), and what is wrong with it,
// by the row's line in the file and the German column header.

const zRowError = z.object({ column: z.string(), message: z.string(), messageEn: z.string() });
const zNewSite = z.object({
  name: z.string().nullable(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  regionKey: z.string(),
  lat: z.number(),
  lng: z.number(),
});

export const zImportRow = z.object({
  line: z.number().int(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  id: z.number().int().nullable(),
  title: z.string().nullable(),
  site: z.union([z.object({ existingId: z.number().int() }), z.object({ new: zNewSite })]).nullable(),
  changes: z.array(z.object({ field: z.string(), column: z.string(), old: z.unknown(), new: z.unknown() })),
  errors: z.array(zRowError),
});
export type ImportRow = z.infer<typeof zImportRow>;

export const zImportReport = z.object({
  dryRun: z.boolean(),
  /** True only when every row was written; an import is all or nothing. */
  committed: z.boolean(),
  encoding: z.string(),
  delimiter: z.string(),
  summary: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    errors: z.number().int(),
    newSites: z.number().int(),
  }),
  rows: z.array(zImportRow),
  /** After a commit: the ids of the offerings created, in row order. */
  createdIds: z.array(z.number().int()),
});
export type ImportReport = z.infer<typeof zImportReport>;

const zFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const zImportQuery = z
  .object({
    /** Default true: nothing is written unless the caller asks for it explicitly. */
    dryRun: zFlag.default(true),
    /** Send new (and edited draft) entries to review instead of keeping them as drafts. */
    submit: zFlag.default(false),
  })
  .strict();

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { zEmail, zPassword, zRegionPrefix } from '../../schema';
import { ensureReferenceData } from '../../seed/prepare';
import { ConfigError, databaseFile, loadConfig, publicUrl } from '../config';
import { openDatabase, type Db } from '../db/connection';
import { HttpError } from '../plugins/errors';
import { changedFields, recordAudit } from '../repos/audit-repo';
import { allRegions } from '../repos/regions-repo';
import { deleteSessionsOfUser } from '../repos/sessions-repo';
import { findUserByEmail, insertUserUnlessTaken, updateUser } from '../repos/users-repo';
import { checkRegion } from '../services/account-admin';
import { systemActor } from '../services/actor';
import { hashPassword } from '../services/passwords';
import { readPassword } from './read-password';

const help = `Usage: npm run user:create -- --role admin|coordinator --email ADDRESS [--region KEY] [--name "NAME"] [--reset]

Creates a signed-up, confirmed account for an admin or a coordinator in the database under DATA_DIR
(created and migrated if needed). Providers register themselves on the website.

  --role     admin, or coordinator (then --region is required)
  --email    the address to sign in with
  --region   a coordinator's region: official key of a state (2 digits, e.g. 09), administrative region (3),
             district (5, e.g. 09276) or municipality (8)
  --name     the name shown to others (default: the part of the address before @)
  --reset    the account exists already: set the new password, role and region (and name, when given), and
             sign it out everywhere. Without --reset an existing address is refused.
  --help     this text

The password is read from standard input when that is not a terminal (e.g. \`pass show x | npm run …\`; one
line, the line break is dropped). At a terminal it is asked for twice without being shown. It is never
accepted as an argument: command lines are visible to other users (ps) and end up in the shell history.

Exit codes: 0 done, 1 not done (address exists without --reset, database error), 2 wrong input.`;

class InputError extends Error {}

const zArgs = z
  .object({
    role: z.enum(['admin', 'coordinator'], { error: '--role must be admin or coordinator' }),
    email: z.string({ error: '--email is required' }).pipe(zEmail),
    region: zRegionPrefix.optional(),
    name: z.string().trim().min(1, '--name must not be empty').max(120, '--name is too long (at most 120 characters)').optional(),
    reset: z.boolean(),
  })
  .refine((a) => a.role !== 'coordinator' || a.region !== undefined, { message: '--region is required for a coordinator (e.g. --region 09276)' })
  .refine((a) => a.role === 'coordinator' || a.region === undefined, { message: '--region is only for coordinators' });

function parse(argv: string[]) {
  if (argv.some((a) => a === '--password' || a.startsWith('--password='))) {
    throw new InputError(
      '--password is not accepted: a password on the command line is visible to other users (ps) and stays in the ' +
        'shell history. Pipe it in (printf %s "$PW" | npm run user:create -- …) or type it when asked.',
    );
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        region: { type: 'string' },
        name: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new InputError(`${(error as Error).message}\nSee --help.`);
  }
  if (values.help) return null;
  const parsed = zArgs.safeParse(values);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      i.path.length > 0 && !i.message.startsWith('--') ? `--${i.path.join('.')}: ${i.message}` : i.message);
    throw new InputError(`${issues.join('\n')}\nSee --help.`);
  }
  return parsed.data;
}

async function passwordFromUser(): Promise<string> {
  let password: string;
  try {
    password = await readPassword(process.stdin, process.stderr);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const checked = zPassword.safeParse(password);
  if (!checked.success) throw new InputError(`The password must have 10 to 200 characters (it has ${password.length}).`);
  return checked.data;
}

type Args = NonNullable<ReturnType<typeof parse>>;

/** The region's name; throws an InputError for a key the reference data does not know. */
function regionNameOf(db: Db, regionPrefix: string | null): string | undefined {
  if (!regionPrefix) return undefined;
  const names = new Map(allRegions(db).map((r) => [r.key, r.name]));
  try {
    return checkRegion((key) => names.get(key), regionPrefix);
  } catch (error) {
    if (error instanceof HttpError) throw new InputError(error.message);
    throw error;
  }
}

async function save(db: Db, args: Args, password: string, regionName: string | undefined): Promise<string> {
  const regionPrefix = args.role === 'coordinator' ? (args.region ?? null) : null;
  const passwordHash = await hashPassword(password);
  const existing = findUserByEmail(db, args.email);
  const what = `${args.role} ${args.email}${regionPrefix ? ` for region ${regionPrefix}${regionName ? ` (${regionName})` : ''}` : ''}`;
  if (existing && !args.reset) {
    throw new Error(`There is already an account for ${args.email} (${existing.role}). Add --reset to set its password, role and region.`);
  }
  return db.transaction((tx) => {
    if (existing) {
      const before = { role: existing.role, regionPrefix: existing.regionPrefix, displayName: existing.displayName };
      const after = { role: args.role, regionPrefix, displayName: args.name ?? existing.displayName };
      updateUser(tx, existing.id, { ...after, passwordHash, emailVerifiedAt: existing.emailVerifiedAt ?? new Date().toISOString() });
      const ended = deleteSessionsOfUser(tx, existing.id);
      recordAudit(tx, { actor: systemActor, entityType: 'user', entityId: existing.id, action: 'update', changes: changedFields(before, after), note: 'shell: user:create --reset' });
      return `Updated ${what} (id ${existing.id}): new password set${ended > 0 ? `, ${ended} session(s) ended` : ''}.`;
    }
    // The unique index decides, not the look-up above: someone may have registered the address meanwhile.
    const user = insertUserUnlessTaken(tx, {
      email: args.email,
      displayName: args.name ?? args.email.split('@')[0]!,
      passwordHash,
      role: args.role,
      regionPrefix,
      emailVerifiedAt: new Date().toISOString(),
    });
    if (!user) throw new Error(`There is already an account for ${args.email}. Add --reset to set its password, role and region.`);
    recordAudit(tx, { actor: systemActor, entityType: 'user', entityId: user.id, action: 'create', changes: changedFields(null, { role: user.role, regionPrefix }), note: 'shell: user:create' });
    return `Created ${what} (id ${user.id}).`;
  });
}

async function main(): Promise<number> {
  let args;
  let config;
  try {
    args = parse(process.argv.slice(2));
    if (!args) {
      console.log(help);
      return 0;
    }
    config = loadConfig();
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const db = openDatabase(databaseFile(config));
  try {
    // Regions are checked against the reference data, which a fresh DATA_DIR does not have yet; before the
    // password is asked for, so a typo in the region does not cost typing it twice.
    ensureReferenceData(db, { info: () => undefined });
    const regionName = regionNameOf(db, args.region ?? null);
    const password = await passwordFromUser();
    console.log(await save(db, args, password, regionName));
    console.log(`Sign in at ${publicUrl(config)}/konto/anmelden (database: ${databaseFile(config)}).`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return error instanceof InputError ? 2 : 1;
  } finally {
    db.$client.close();
  }
}

process.exitCode = await main();

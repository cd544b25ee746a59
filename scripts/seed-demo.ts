// Creates demo organisations, one demo user per role, and a review in progress (see
// demo/seedDemoReview.ts), so a new user can walk the M6 journey in the browser.
// Idempotent: what exists already is left as it is.
import { createOrganisation } from '../server/commands/createOrganisation.js';
import { createUser } from '../server/commands/createUser.js';
import { PROGRAMME_ORGANISATION } from '../server/commands/seedRegistry.js';
import { bootDatabase } from '../server/boot.js';
import { loadConfig } from '../server/config.js';
import { findUserByEmail } from '../server/db/queries/users.js';
import { seedDemoReview } from './demo/seedDemoReview.js';
import type { Db } from '../server/db/database.js';
import type { Role } from '../server/domain/vocabulary.js';
import { generatePassword } from '../server/lib/passwords.js';

const ORGANISATIONS = [
  { name: 'Demo Supply Ltd', kind: 'participant', marketRole: 'supplier' },
  { name: 'Demo Distribution plc', kind: 'participant', marketRole: 'distributor' },
  { name: 'Demo Data Services Ltd', kind: 'participant', marketRole: 'supplier-agent' },
] as const;

export const DEMO_USERS: {
  email: string;
  name: string;
  role: Role;
  organisation?: string;
  code?: string;
}[] = [
  {
    email: 'participant@demo.m6.example',
    name: 'Pat Participant',
    role: 'participant',
    organisation: 'Demo Supply Ltd',
  },
  {
    email: 'dno@demo.m6.example',
    name: 'Dana Distributor',
    role: 'participant',
    organisation: 'Demo Distribution plc',
  },
  {
    email: 'dsp@demo.m6.example',
    name: 'Dee Data Services',
    role: 'participant',
    organisation: 'Demo Data Services Ltd',
  },
  {
    email: 'bsc@demo.m6.example',
    name: 'Bea BSC (Elexon)',
    role: 'code_body',
    code: 'BSC',
    organisation: 'Elexon',
  },
  {
    email: 'rec@demo.m6.example',
    name: 'Rory REC (RECCo)',
    role: 'code_body',
    code: 'REC',
    organisation: 'RECCo',
  },
  {
    email: 'dcusa@demo.m6.example',
    name: 'Dev DCUSA',
    role: 'code_body',
    code: 'DCUSA',
    organisation: 'DCUSA Ltd',
  },
  {
    email: 'programme@demo.m6.example',
    name: 'Priya Programme (CDWG)',
    role: 'programme',
    organisation: PROGRAMME_ORGANISATION,
  },
  {
    email: 'sro@demo.m6.example',
    name: 'Sam SRO',
    role: 'sro',
    organisation: PROGRAMME_ORGANISATION,
  },
  { email: 'admin@demo.m6.example', name: 'Ada Admin', role: 'admin' },
];

async function organisationIds(db: Db): Promise<Map<string, string>> {
  for (const org of ORGANISATIONS) {
    const exists = await db.kysely
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', org.name)
      .executeTakeFirst();
    if (!exists) await createOrganisation(db, null, org);
  }
  const rows = await db.kysely.selectFrom('organisations').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function main(): Promise<void> {
  const config = loadConfig();
  const password = process.env.DEMO_PASSWORD || generatePassword();
  if (password.length < 12) throw new Error('DEMO_PASSWORD must be at least 12 characters');
  const { db, firstAdmin } = await bootDatabase(config);
  try {
    if (firstAdmin.created && firstAdmin.generatedPassword) {
      console.log(
        `First admin created: ${firstAdmin.email} / ${firstAdmin.generatedPassword} (shown once)`,
      );
    }
    const orgs = await organisationIds(db);
    const rows: string[] = [];
    for (const u of DEMO_USERS) {
      if (await findUserByEmail(db, u.email)) {
        rows.push(`  ${u.role.padEnd(12)} ${u.email}  (already existed; password unchanged)`);
        continue;
      }
      await createUser(db, null, {
        email: u.email,
        name: u.name,
        role: u.role,
        password,
        organisationId: u.organisation ? (orgs.get(u.organisation) ?? null) : null,
        code: u.code ?? null,
      });
      rows.push(`  ${u.role.padEnd(12)} ${u.email}`);
    }
    console.log(`Demo users (${db.dialect}):\n${rows.join('\n')}`);
    for (const step of await seedDemoReview(db)) console.log(`Demo review: ${step}.`);
    console.log(
      process.env.DEMO_PASSWORD
        ? 'Password: the DEMO_PASSWORD you set.'
        : `Password for the new demo users: ${password}  (shown once; set DEMO_PASSWORD to choose it)`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

// Creates demo organisations and one demo user per role, so a new user can try every screen.
// Idempotent: existing organisations and users are left as they are.
import { createOrganisation } from '../server/commands/createOrganisation.js';
import { createUser } from '../server/commands/createUser.js';
import { PROGRAMME_ORGANISATION } from '../server/commands/seedRegistry.js';
import { bootDatabase } from '../server/boot.js';
import { loadConfig } from '../server/config.js';
import { findUserByEmail } from '../server/db/queries/users.js';
import { findArtefact } from '../server/db/queries/artefacts.js';
import { publishVersion } from '../server/commands/publishVersion.js';
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

// Illustrative text only (the real BSCP701 is Elexon's); it gives the artefact page something to show.
const DEMO_DRAFT = `BSCP701: SMART DATA SERVICE (ILLUSTRATIVE DEMO DRAFT)

1. INTRODUCTION

1.1 Scope and Purpose of the Procedure

1.1.1 This BSC Procedure defines the processes that the Smart Data Service shall use to collect, validate and
provide metered data for MHHS Metering Systems.

1.1.2 The Smart Data Service shall:

(a) retrieve Metered Data from Smart Metering Systems daily;

(b) validate and, where necessary, estimate Metered Data; and

(c) provide Settlement data to the Market-wide Data Service.

1.2 Main Users of the Procedure and their Responsibilities

1.2.1 This BSC Procedure should be used by Suppliers, Smart Data Services and the Market-wide Data Service.

2. PROCESSES

2.1 Collection of Metered Data

2.1.1 The Smart Data Service shall retrieve Metered Data for each Settlement Period by 09:00 on the next Working Day.
`;

async function publishDemoDraft(db: Db): Promise<string | null> {
  const artefact = await findArtefact(db, 'bsc-bscp701');
  const author = await findUserByEmail(db, 'bsc@demo.m6.example');
  if (!artefact || !author || artefact.currentVersionId) return null;
  await publishVersion(
    db,
    { id: author.id, role: author.role, code: author.code, organisationId: author.organisationId },
    artefact,
    {
      label: 'demo-draft-1',
      body: DEMO_DRAFT,
      changeNote: 'Illustrative text created by npm run seed:demo; not the published BSCP701.',
      incorporates: [],
    },
  );
  return artefact.reference;
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
    const draft = await publishDemoDraft(db);
    if (draft)
      console.log(
        `Published an illustrative demo draft of ${draft} so its page has clauses to read.`,
      );
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

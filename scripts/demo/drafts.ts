// Illustrative text only: the real artefacts are the code bodies' own documents. The drafts give
// every artefact page clauses to read and pass the plain-English checks, so a demo can reach M6.

export const GENERIC_DRAFT = (reference: string) =>
  [
    `${reference.toUpperCase()} (ILLUSTRATIVE DEMO DRAFT)`,
    '',
    '1. GENERAL',
    '',
    '1.1 Scope',
    '',
    '1.1.1 This illustrative draft sets out the rules for the service.',
    '',
    '1.1.2 The rules apply to every party named in the code.',
  ].join('\n');

/**
 * Defines every capitalised term the BSC drafts use, in the form of the real Annex X-1 (which the
 * plain-English checks read as the BSC glossary), so that the demo's findings are true ones.
 */
export const GLOSSARY_DRAFT = [
  'SECTION X ANNEX X-1: GENERAL GLOSSARY (ILLUSTRATIVE DEMO DRAFT)',
  '',
  '1. DEFINITIONS',
  '',
  '1.1.1 "Balancing and Settlement Code" or "Code" means the code of that name made under the transmission licence.',
  '',
  '1.1.2 "BSC Agent" means a person appointed by BSCCo to provide a service under the Code.',
  '',
  '1.1.3 "BSC Party" means a person who is for the time being bound by the Code by virtue of being a party to the Framework Agreement;',
  '',
  '1.1.4 "BSC Procedure" means a procedure made under the Code.',
  '',
  '1.1.5 "BSCCo" means the company that performs the functions given to it by the Code.',
  '',
  '1.1.6 "Framework Agreement" means the agreement by which a person becomes bound by the Code.',
  '',
  '1.1.7 "Industry Standing Data" means the reference data that BSCCo keeps and publishes for use in settlement.',
  '',
  '1.1.8 "Metered Data" means the energy data recorded by a meter.',
  '',
  '1.1.9 "Settlement Period" means a period of thirty minutes.',
  '',
  '1.1.10 "Smart Data Service" means the service that collects metered data from smart meters.',
  '',
  '1.1.11 "Supplier" means a BSC Party that supplies electricity to premises.',
  '',
  '1.1.12 "Working Day" means a day other than a weekend day or a bank holiday.',
].join('\n');

/**
 * The REC glossary in the form of the real Schedule 1 ("Energy Supplier" means ...), defining the
 * terms the REC drafts use.
 */
export const REC_GLOSSARY_DRAFT = [
  'SCHEDULE 1: INTERPRETATIONS AND DEFINITIONS (ILLUSTRATIVE DEMO DRAFT)',
  '',
  '1. DEFINITIONS',
  '',
  '1.1.1 "Retail Energy Code" or "Code" means the code of that name made under the supply licences.',
  '',
  '1.1.2 "Code Manager" means the person appointed to manage the Code.',
  '',
  '1.1.3 "Energy Supplier" means a person who holds a supply licence.',
  '',
  '1.1.4 "Metering Point" means the point at which the supply of energy to premises is measured.',
  '',
  '1.1.5 "REC Party" means a person who is a party to the Code.',
  '',
  '1.1.6 "Working Day" means a day other than a weekend day or a bank holiday.',
].join('\n');

/**
 * BSCP707 before CR053: Industry Standing Data published monthly. Step 2 of the demo journey
 * publishes BSCP707_CR053_DRAFT as its next version.
 */
export const BSCP707_DRAFT = [
  'BSCP707: INDUSTRY STANDING DATA (ILLUSTRATIVE DEMO DRAFT)',
  '',
  '1. INTRODUCTION',
  '',
  '1.1 Scope and purpose',
  '',
  '1.1.1 This BSC Procedure sets out how BSCCo keeps and publishes Industry Standing Data.',
  '',
  '1.1.2 Any BSC Party or BSC Agent may ask BSCCo to change Industry Standing Data.',
  '',
  '2. PUBLICATION',
  '',
  '2.1 Frequency',
  '',
  '2.1.1 BSCCo shall publish Industry Standing Data to every BSC Party and BSC Agent on the first Working Day of each month.',
  '',
  '2.1.2 Each BSC Agent shall load the published Industry Standing Data within two Working Days.',
].join('\n');

/** BSCP707 as CR053 (ISD Publication Frequency Change) amends it: published every Working Day. */
export const BSCP707_CR053_DRAFT = BSCP707_DRAFT.replace(
  'on the first Working Day of each month.',
  'on every Working Day.',
);

export const BSCP701_DRAFT = [
  'BSCP701: SMART DATA SERVICE (ILLUSTRATIVE DEMO DRAFT)',
  '',
  '1. INTRODUCTION',
  '',
  '1.1 Scope and purpose',
  '',
  '1.1.1 This BSC Procedure defines the processes that the Smart Data Service shall use to collect, validate and provide metered data.',
  '',
  '1.1.2 The Smart Data Service shall:',
  '',
  '(a) retrieve Metered Data from smart meters daily;',
  '',
  '(b) validate and, where necessary, estimate Metered Data; and',
  '',
  '(c) provide settlement data to the central data service.',
  '',
  '2. PROCESSES',
  '',
  '2.1 Collection of data',
  '',
  '2.1.1 The Smart Data Service shall retrieve Metered Data for each Settlement Period by 09:00 on the next Working Day.',
  '',
  '2.1.2 Each Supplier shall tell the Smart Data Service of any change to its appointment.',
].join('\n');

/** The demo draft of an artefact of the registry. */
export function demoDraftFor(artefact: { slug: string; code: string; reference: string }): string {
  if (artefact.slug === 'bsc-bscp701') return BSCP701_DRAFT;
  if (artefact.code === 'BSC' && artefact.reference === 'BSCP707') return BSCP707_DRAFT;
  if (artefact.code === 'BSC' && artefact.reference === 'Section X Annex X-1')
    return GLOSSARY_DRAFT;
  if (artefact.code === 'REC' && artefact.reference === 'Schedule 1') return REC_GLOSSARY_DRAFT;
  return GENERIC_DRAFT(artefact.reference);
}

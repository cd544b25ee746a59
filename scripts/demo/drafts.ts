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

/** Defines every capitalised term the BSCP701 draft uses, as the real Annex X-1 would. */
export const GLOSSARY_DRAFT = [
  'SECTION X ANNEX X-1: GENERAL GLOSSARY (ILLUSTRATIVE DEMO DRAFT)',
  '',
  '1. DEFINITIONS',
  '',
  '1.1.1 "BSC Procedure" means a procedure made under the code.',
  '',
  '1.1.2 "Smart Data Service" means the service that collects metered data from smart meters.',
  '',
  '1.1.3 "Metered Data" means the energy data recorded by a meter.',
  '',
  '1.1.4 "Settlement Period" means a period of thirty minutes.',
  '',
  '1.1.5 "Supplier" means a party that supplies electricity to premises.',
  '',
  '1.1.6 "Working Day" means a day other than a weekend day or a bank holiday.',
].join('\n');

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

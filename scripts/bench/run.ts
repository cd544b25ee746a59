// `npm run bench [-- name ...]`: runs every benchmark, or the named ones.
import { benchComments } from './comments.js';
import { benchEmailDrain } from './emailDrain.js';
import { benchExportStall } from './exportStall.js';
import { benchImportDecisions } from './importDecisions.js';
import { benchReadiness } from './readiness.js';
import { benchReadinessInstances } from './readinessInstances.js';
import { benchRedline } from './redline.js';
import { benchRedlineWorstCase } from './redlineWorstCase.js';
import { benchRegistry } from './registry.js';
import { benchWordRedline } from './wordRedline.js';
import { benchPublish } from './publish.js';
import { benchNotifyConsultation } from './notifyConsultation.js';
import { benchSearch } from './search.js';
import { benchZipBomb } from './zipBomb.js';

const benches: Record<string, () => Promise<boolean>> = {
  registry: () => benchRegistry(),
  comments: () => benchComments(),
  redline: () => benchRedline(),
  'redline-worst': () => benchRedlineWorstCase(),
  readiness: () => benchReadiness(),
  'readiness-instances': () => benchReadinessInstances(),
  'export-stall': () => benchExportStall(),
  'zip-bomb': () => benchZipBomb(),
  'word-redline': () => benchWordRedline(),
  publish: () => benchPublish(),
  search: () => benchSearch(),
  'notify-consultation': () => benchNotifyConsultation(),
  'email-drain': () => benchEmailDrain(),
  'import-decisions': () => benchImportDecisions(),
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(benches);
let allMet = true;
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  allMet = (await bench()) && allMet;
}
process.exitCode = allMet ? 0 : 1;

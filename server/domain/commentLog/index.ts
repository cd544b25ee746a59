// The industry comment log (DESIGN: "Comment logs in and out"): the spreadsheet columns code bodies
// and the programme exchange, how an artefact is named in it, and the checks every imported row must
// pass. Pure: callers load the registry and hand it in.

export { artefactLabels, artefactResolver, type LogArtefact } from './artefactLabels.js';
export { guardCell, guardTextCell, looksLikeNumber, unguardCell } from './cellGuard.js';
export {
  COMMENT_LOG_COLUMNS,
  DATE_COLUMNS,
  NUMBER_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  type LogColumn,
  type LogRecord,
} from './columns.js';
export { commentLogRecord, type LoggedComment } from './commentLogRecord.js';
export { locateLogHeader, readLogHeader, type LogHeader } from './header.js';
export type { ImportArtefact, ImportContext, ImportVersion } from './importContext.js';
export {
  importedCommentRef,
  IMPORTED_NUMBER_HEADROOM,
  systemRefNumber,
} from './importedCommentRef.js';
export { cellDateFromLogText, logTextFromCellDate, parseLogDate, readLogDate } from './logDate.js';
export { bareNumberColumns, isBlankRecord, logRecordFrom } from './logRecord.js';
export { organisationResolver, type ImportOrganisation } from './organisations.js';
export type { Resolved } from './resolved.js';
export { key as labelKey } from './text.js';
export {
  IMPORTABLE_STATUSES,
  validateLogRecord,
  type ImportedRow,
  type RowProblem,
} from './validateRow.js';
export { validateLogRecords } from './validateRows.js';
export { ambiguousClause, clauseMismatch, clauseRefsMeant } from './clauseRef.js';
export {
  readLogUpdate,
  type LoggedState,
  type LogUpdate,
  type UpdateContext,
} from './logUpdate.js';
export {
  sortLogUpdates,
  type DecidedComment,
  type LogDecision,
  type LogRowRef,
  type NotTheirsRow,
} from './logDecisions.js';

import type { Endpoint } from '../http/endpoint.js';
import { artefactEndpoints } from './artefacts/index.js';
import { auditEndpoints } from './audit/index.js';
import { changeEndpoints } from './changes/index.js';
import { commentLogEndpoints } from './commentLog/index.js';
import { commentEndpoints } from './comments/index.js';
import { consultationEndpoints } from './consultations/index.js';
import { findingEndpoints } from './findings/index.js';
import { glossaryEndpoints } from './glossary/index.js';
import { emailEndpoints } from './email/index.js';
import { dueProcessEndpoints } from './dueProcess/index.js';
import { authEndpoints } from './auth/index.js';
import { healthEndpoints } from './health/index.js';
import { organisationEndpoints } from './organisations/index.js';
import { readinessEndpoints } from './readiness/index.js';
import { recommendationEndpoints } from './recommendations/index.js';
import { nextDraftEndpoints } from './nextDraft/index.js';
import { redlineEndpoints } from './redline/index.js';
import { crossReferenceEndpoints } from './crossReferences/index.js';
import { requirementEndpoints } from './requirements/index.js';
import { searchEndpoints } from './search/index.js';
import { userEndpoints } from './users/index.js';
import { workOffEndpoints } from './workOff/index.js';
import { followEndpoints } from './follows/index.js';
import { notificationEndpoints } from './notifications/index.js';

/**
 * Every API operation, in the order they are matched. The comment log's routes come before the
 * comments' own, so that /comments/export is not read as a comment id.
 */
export const apiEndpoints: readonly Endpoint[] = [
  ...healthEndpoints,
  ...authEndpoints,
  ...userEndpoints,
  ...organisationEndpoints,
  ...artefactEndpoints,
  ...redlineEndpoints,
  ...crossReferenceEndpoints,
  ...nextDraftEndpoints,
  ...consultationEndpoints,
  ...commentLogEndpoints,
  ...commentEndpoints,
  ...readinessEndpoints,
  ...recommendationEndpoints,
  ...changeEndpoints,
  ...workOffEndpoints,
  ...requirementEndpoints,
  ...dueProcessEndpoints,
  ...findingEndpoints,
  ...searchEndpoints,
  ...glossaryEndpoints,
  ...auditEndpoints,
  ...notificationEndpoints,
  ...followEndpoints,
  ...emailEndpoints,
];

import type { Response } from 'express';
import { DOCX_CONTENT_TYPE } from '../lib/docxToMarkdown.js';

/** A file name safe in a Content-Disposition header: letters, digits, dots, dashes. */
export const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9.-]+/g, '-');

/** Sends a Word document as a download. */
export function sendDocx(res: Response, name: string, file: Buffer): void {
  res
    .status(200)
    .type(DOCX_CONTENT_TYPE)
    .set('Content-Disposition', `attachment; filename="${safeFileName(name)}.docx"`)
    .set('Cache-Control', 'no-store')
    .send(file);
}

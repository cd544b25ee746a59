// Opening a Word redline as a reviewer's tools would: its XML, and its text with every change accepted.
import { docxToMarkdown } from '../../server/lib/docxToMarkdown.js';
import { readZipEntries, readZipEntry } from '../../server/lib/zipReader.js';

/** The main document part's XML. */
export function documentXml(docx: Buffer): string {
  const entry = readZipEntries(docx).get('word/document.xml');
  if (!entry) throw new Error('no word/document.xml');
  return readZipEntry(docx, entry, 50 * 1024 * 1024).toString('utf8');
}

/** Accepting every tracked change, the way our own Word import reads a document. */
export async function acceptedText(docx: Buffer): Promise<string> {
  const converted = await docxToMarkdown({
    buffer: docx,
    originalname: 'redline.docx',
    mimetype: 'application/octet-stream',
  });
  return converted.markdown;
}

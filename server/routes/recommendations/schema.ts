import { z } from 'zod';

export const paperParams = z.object({
  // "<id>", or "<id>.html", "<id>.md", "<id>.docx" for the paper itself.
  id: z
    .string()
    .regex(
      /^[\w-]{1,100}(\.(html|md|docx))?$/,
      'a recommendation id, optionally with .html, .md or .docx',
    ),
});

export const recommendationParams = z.object({ id: z.string().min(1).max(100) });

export const decisionBody = z.object({
  body: z.enum(['CCAG', 'SRO']),
  outcome: z.enum(['recommended', 'not-recommended', 'approved', 'rejected']),
  notes: z.string().trim().max(5000).default(''),
});

import { z } from 'zod';

const refList = z
  .string()
  .max(100_000)
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .pipe(z.array(z.string().max(100)).max(5000))
  .optional();

export const nextDraftQuery = z.object({
  skip: refList.describe('Comma-separated comment refs whose proposals are left out'),
  choose: refList.describe(
    'Comma-separated comment refs chosen where two proposals on one clause conflict',
  ),
});

import { z } from 'zod';

// The shapes every JSON response shares: a result in `data`, and for lists the paging beside it.

export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

/** A list page: `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

import { z } from 'zod';
import { DUE_PROCESS_CONFIRMATIONS, type DueProcessKey } from '../../domain/dueProcess.js';

const answer = z.object({
  confirmed: z.boolean(),
  text: z.string().max(5000).nullish(),
});

const answerShape = Object.fromEntries(
  DUE_PROCESS_CONFIRMATIONS.map(({ key, text }) => [key, answer.describe(text)]),
) as Record<DueProcessKey, typeof answer>;

export const dueProcessResponseBody = z.object({
  answers: z.object(answerShape).describe('The five due-process confirmations of the M6 pack'),
  lessonsLearnt: z.string().max(10_000).default(''),
});

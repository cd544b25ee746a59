import { z } from 'zod';
import {
  DUE_PROCESS_CONFIRMATIONS,
  DUE_PROCESS_KEYS,
  type DueProcessKey,
} from '../../domain/dueProcess.js';

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

export const refusalParams = z.object({
  id: z.string().min(1).max(200),
  key: z.enum(DUE_PROCESS_KEYS),
});

export const refusalResponseBody = z.object({
  text: z.string().trim().min(1, "give the programme's response to the refusal").max(5000),
});

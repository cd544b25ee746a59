import { z } from 'zod';

export const loginBody = z.object({
  email: z.string().trim().min(1, 'email is required').max(320),
  password: z.string().min(1, 'password is required').max(1024),
});

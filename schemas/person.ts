/** A person: an owner, and a member of teams. */
import * as z from 'zod';
import { common, reference } from './shared.ts';

export const person = z
  .strictObject({
    ...common,
    email: z.email().describe('Work email.'),
    teams: z.array(reference).describe('Teams this person belongs to (ids of `teams/` entries).').optional(),
  })
  .describe('A person who owns entries.');

export type PersonInput = z.input<typeof person>;
export type Person = z.output<typeof person>;

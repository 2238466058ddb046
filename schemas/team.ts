/** A team: the usual owner of entries, so knowledge outlives any one person. */
import * as z from 'zod';
import { common } from './shared.ts';

export const member = z
  .strictObject({
    name: z.string().min(1).describe('Full name.'),
    email: z.email().describe('Work email.').optional(),
    role: z.string().describe('Role in the team, such as `lead`.').optional(),
    person: z.string().describe('Id of the matching `people/` entry, when there is one.').optional(),
  })
  .describe('A member of the team.');

export const contact = z
  .strictObject({
    chat: z
      .string()
      .min(1)
      .describe('The chat channel where the team answers questions about what it owns: a name such as `#recsys-help`, or a link to the channel.')
      .optional(),
    email: z.email().describe("The team's shared address, such as a mailing list.").optional(),
  })
  .describe('How to reach the team about what it owns; every entry page it owns shows this first, before its people.');

export const team = z
  .strictObject({
    ...common,
    contact: contact.optional(),
    members: z.array(member).describe('Who is in the team.').optional(),
  })
  .describe('A team that owns entries.');

export type TeamInput = z.input<typeof team>;
export type Team = z.output<typeof team>;

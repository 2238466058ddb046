/** A glossary term: one shared meaning that columns link to. */
import * as z from 'zod';
import { commonOwned, reference } from './shared.ts';

export const glossary = z
  .strictObject({
    ...commonOwned,
    description: z.string().min(1).describe('The definition, in one or two sentences.'),
    synonyms: z.array(z.string()).describe('Other names people use for this term.').optional(),
    related: z.array(reference).describe('Related terms (ids of `glossary/` entries).').optional(),
  })
  .describe('A glossary term.');

export type GlossaryInput = z.input<typeof glossary>;
export type Glossary = z.output<typeof glossary>;

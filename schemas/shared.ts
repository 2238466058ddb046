/**
 * Primitives shared by every kind: ids, references, dates, durations, owners, licenses,
 * and the fields common to all entries. Every field is described once, here, and that
 * text feeds the JSON Schema (editor hovers) and the field reference page.
 */
import * as z from 'zod';
import { checkLicense } from '../src/lib/rights/licenses.ts';
import { ID_PATTERN } from '../src/lib/ids.ts';

export { ID_PATTERN };

export const id = z
  .string()
  .regex(ID_PATTERN, 'Expected a lowercase kebab-case id such as `viewing-events`')
  .describe('The id of an entry: its file name without extension, in lowercase kebab-case.');

/** A reference to another entry, optionally pinned to a version: `id` or `id@version`. */
export const reference = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:@[^\s@]+)?$/,
    'Expected an entry id such as `raw-play-events`, optionally pinned as `raw-play-events@2026-09`',
  )
  .describe('The id of another entry, optionally pinned to one of its versions as `id@version`.');

export const date = z.iso
  .date('Expected a date written YYYY-MM-DD, such as `2026-10-01`')
  .describe('A calendar date, YYYY-MM-DD.');

export const duration = z
  .string()
  .regex(/^\d+[dwmy]$/, 'Expected a duration such as `180d`, `12w`, `6m` or `2y`')
  .describe('A duration: a whole number followed by d (days), w (weeks), m (months) or y (years).');

export const versionLabel = z
  .union([z.string().min(1), z.number()])
  .transform(String)
  .describe('A version label such as `2026-09` or `3.1.0`; numbers are read as text.');

export const status = z
  .enum(['draft', 'active', 'deprecated', 'retired'])
  .describe('Lifecycle status. `deprecated` entries should name `replaced_by`.');

export const owners = z
  .array(reference)
  .min(1, 'Every entry needs at least one owner: a team or person id')
  .describe('Teams or people accountable for this entry (ids of `teams/` or `people/` entries).');

export const useId = id.describe('A use from the `uses` vocabulary of `cardcat.config.yaml`.');

export const license = z
  .string()
  .superRefine((value, ctx) => {
    const problem = checkLicense(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  })
  .describe(
    'An SPDX license id or expression (`CC-BY-4.0`, `MIT OR Apache-2.0`), `proprietary`, or the id of a `licenses/` entry.',
  );

/**
 * A web address. Only http(s) and mailto: a `javascript:` or `data:` address would run
 * script in a reader's browser when the link is followed from the site.
 */
export const webUrl = z.url({
  protocol: /^(https?|mailto)$/,
  error: 'Expected a web address starting with `https://` or `http://`',
});

export const link = z
  .strictObject({
    title: z.string().describe('What the link leads to.'),
    url: webUrl.describe('The address.'),
  })
  .describe('A titled link.');

/** Fields every kind accepts. Kinds spread `common` (or `commonOwned`) into their own shape. */
export const common = {
  title: z.string().min(1).describe('Human-readable name, shown as the page title.'),
  description: z
    .string()
    .describe('One line saying what this is; shown in lists and search results.')
    .optional(),
  owners: owners.optional(),
  status: status.default('active'),
  replaced_by: reference.describe('The entry that replaces this deprecated or retired one.').optional(),
  tags: z.array(z.string()).describe('Free-form labels for search and filtering.').optional(),
  domain: z.string().describe('The business domain this belongs to, such as `engagement`.').optional(),
  reviewed: date.describe('When an owner last checked this entry was accurate.').optional(),
  review_every: duration
    .describe('How often this entry must be reviewed; the catalog default applies otherwise.')
    .optional(),
  links: z.array(link).describe('Related documents, dashboards and runbooks.').optional(),
};

/** The common fields, with owners required: kinds that hold data or decisions. */
export const commonOwned = { ...common, owners };

/**
 * What pages show besides the catalog's own files: the probe state file beside the content
 * folder and the catalog's git history. Both are read once per build by the site glue and
 * handed to the page models, which stay plain functions of what they are given.
 */
import type { CatalogHistory } from '../history/read.ts';
import type { SiteProbes } from './probes.ts';

export interface PageContext {
  /** The state file's results; undefined when there is no state file, or it is malformed. */
  probes?: SiteProbes | undefined;
  /** Why a state file that exists shows nothing. */
  probeWarning?: string | undefined;
  /** The catalog's git history; undefined when the build reads none. */
  history?: CatalogHistory | undefined;
}

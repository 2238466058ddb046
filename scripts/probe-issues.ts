#!/usr/bin/env node
/**
 * For the scheduled probe workflow: reads the probe's JSON report and the open issues
 * labelled `cardcat-probe` (as GitHub's API lists them) and prints, as JSON, the issues to
 * open, update and close. The workflow's github-script step carries them out.
 *
 *   node scripts/probe-issues.ts REPORT.json OPEN-ISSUES.json [--github-org ORG] [--run-url URL]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { planIssues, type OpenIssue } from '../src/lib/probe/issues.ts';
import type { ProbeReport } from '../src/lib/probe/report.ts';

export function main(argv: string[]): string {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'github-org': { type: 'string' }, 'run-url': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 2) throw new Error('Usage: node scripts/probe-issues.ts REPORT.json OPEN-ISSUES.json [--github-org ORG] [--run-url URL]');
  const report = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as ProbeReport;
  const open = JSON.parse(readFileSync(positionals[1]!, 'utf8')) as OpenIssue[];
  return JSON.stringify(planIssues(report, open, { githubOrg: values['github-org'] || undefined, runUrl: values['run-url'] || undefined }), null, 2);
}

if (import.meta.main) process.stdout.write(`${main(process.argv.slice(2))}\n`);

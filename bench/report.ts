/** The benchmark's figures as the Markdown of bench/results.md: medians, ratios, targets. */
import { median, type Measurement } from './measure.ts';
import type { DevTimings } from './dev-server.ts';
import type { FirstSearch } from './first-search.ts';
import type { Weight } from './weigh.ts';

export interface SizeResult {
  size: number;
  floor: Measurement[];
  /** `check` without the parse cache (`--no-cache`). */
  check: Measurement[];
  /** `check` with the cache, none there yet: it parses everything and writes the cache. */
  checkCold?: Measurement[];
  /** `check` with a warm cache after one file was edited. */
  checkEdit?: Measurement[];
  checkErrors?: string;
  site?: Measurement[];
  baseline?: Measurement[];
  siteWeight?: Weight;
  baselineWeight?: Weight;
  firstSearch?: FirstSearch;
  buildFailure?: string;
  dev?: DevTimings | undefined;
  devFailure?: string | undefined;
}

/** One invocation of the benchmark; results.md may gather several (`--add`). */
export interface Run {
  /** The options that reproduce it. */
  command: string;
  date: string;
  minutes: number;
  /** One-minute load average when the run started and ended: how busy the machine was. */
  load: [number, number];
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  node: string;
  seed: number;
  gnuTime: boolean;
  runs: Run[];
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const n = (value: number) => value.toLocaleString('en');
const ok = (met: boolean) => (met ? '✅ met' : '❌ missed');
const ratio = (x: number) => `${x.toFixed(2)}×`;

/** Medians of the successful runs only: a failed build says nothing about speed. */
const med = (runs: readonly Measurement[] | undefined, pick: (m: Measurement) => number | undefined = (m) => m.ms) => {
  const values = (runs ?? []).filter((m) => m.code === 0 || m.code === 1).map(pick).filter((v): v is number => v !== undefined);
  return values.length ? median(values) : undefined;
};
const peak = (runs: readonly Measurement[] | undefined) => {
  const values = (runs ?? []).filter((m) => m.code === 0).map((m) => m.peakBytes).filter((v): v is number => v !== undefined);
  return values.length ? Math.max(...values) : undefined;
};

export function resultsMarkdown(results: readonly SizeResult[], machine: Machine): string {
  const lines: string[] = [];
  const out = (...l: string[]) => lines.push(...l);
  out(
    '# Benchmark results',
    '',
    machine.runs.length === 1
      ? `Measured on ${machine.runs[0]!.date} by \`npm run bench -- ${machine.runs[0]!.command}\` (seed ${machine.seed}), in ${machine.runs[0]!.minutes.toFixed(0)} minutes.`
      : `Measured ${machine.runs[0]!.date === machine.runs.at(-1)!.date ? `on ${machine.runs[0]!.date}` : `from ${machine.runs[0]!.date} to ${machine.runs.at(-1)!.date}`} in ${machine.runs.length} runs, the later ones adding to the first (\`--add\`) so that no run takes more than about 15 minutes: ${machine.runs.map((r) => `\`npm run bench -- ${r.command}\` (${r.minutes.toFixed(0)} minutes)`).join(', then ')}; seed ${machine.seed}, so every run measured the same catalogs.`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpu}), ${mb(machine.memoryBytes)} memory, Node ${machine.node}. Peak memory is the most resident memory a command and every process it started (the Pagefind binary among them) held together, sampled from /proc every 200 ms${machine.gnuTime ? ', and never less than GNU time\'s largest resident set' : ''}; CPU time is theirs summed the same way.`,
    '',
    `Times are wall-clock medians (the number of runs is in each table), each command a fresh process, each site build from clean (no output, no cache); CPU time (user + system) is given beside them, since other work on a shared machine moves wall time more than CPU time. One-minute load average at the start and end of each run: ${machine.runs.map((r) => `${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`).join(', ')} (${machine.cores} cores).`,
    '',
    '## 1. `check` against its floor',
    '',
    'The floor reads every entry file, parses its YAML as `check` does (the same parser, on every core) and its kind\'s Zod schema, keeps what it parsed, and does nothing else (`bench/floor.ts`). Target: `check` within 1.5× of it.',
    '',
    '| entries | runs | floor | check | ratio (wall) | ratio (CPU) | check peak memory | errors found | target ≤ 1.5× |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const r of results) {
    if (!r.check.length) continue;
    const floor = med(r.floor)!;
    const check = med(r.check)!;
    const cpuRatio = (med(r.check, (m) => m.cpuMs) ?? NaN) / (med(r.floor, (m) => m.cpuMs) ?? NaN);
    out(`| ${n(r.size)} | ${r.check.length} | ${s(floor)} | ${s(check)} | ${ratio(check / floor)} | ${Number.isFinite(cpuRatio) ? ratio(cpuRatio) : 'n/a'} | ${mb(peak(r.check))} | ${r.checkErrors ? 'yes ⚠' : 'none'} | ${ok(check / floor <= 1.5)} |`);
  }

  const cached = results.filter((r) => r.checkCold?.length && r.checkEdit?.length);
  if (cached.length) {
    out(
      '',
      '## 1b. `check` with the parse cache',
      '',
      "`check` above runs with `--no-cache`. Here the cache (`.cache/cardcat/` in the folder the command runs from) is deleted before the cold run, which parses every file and writes it; then one dataset's title is changed and `check` runs again, parsing that file alone. Targets: cold no noticeably slower than without the cache; after a one-file edit, ≤ 1 s at 10,000 entries. The machine is shared, so these times are noisy: compare the columns of one row.",
      '',
      '| entries | runs | no cache | cold cache | one edit, warm cache | CPU: no cache, cold, one edit | edit / no cache | target ≤ 1 s at 10,000 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const r of cached) {
      const none = med(r.check)!;
      const cold = med(r.checkCold)!;
      const edit = med(r.checkEdit)!;
      const cpu = [r.check, r.checkCold, r.checkEdit].map((runs) => med(runs, (m) => m.cpuMs));
      const cpuText = cpu.every((c) => c !== undefined) ? cpu.map((c) => s(c!)).join(', ') : 'n/a';
      out(`| ${n(r.size)} | ${r.checkEdit!.length} | ${s(none)} | ${s(cold)} | ${s(edit)} | ${cpuText} | ${ratio(edit / none)} | ${r.size < 10_000 ? `(${ok(edit <= 1000).slice(2)})` : ok(edit <= 1000)} |`);
    }
  }

  const built = results.filter((r) => r.site);
  if (built.length) {
    out(
      '',
      '## 2. Site build against stock Astro',
      '',
      'The site build is `npm run build` (pages, then the Pagefind index) with `CATALOG_DIR` set to the catalog. The baseline is Astro building the same files with its own glob loader, a trivial layout and a Pagefind index (`bench/baseline/`). Targets: within 1.5× of the baseline; peak memory under 2 GB at 10,000 entries.',
      '',
      '| entries | runs | baseline | site | ratio (wall) | ratio (CPU) | baseline peak | site peak | target ≤ 1.5× | target < 2 GB at 10,000 |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    );
    for (const r of built) {
      const base = med(r.baseline);
      const site = med(r.site);
      if (!r.baseline?.length && site !== undefined) {
        out(`| ${n(r.size)} | ${r.site!.length} | not run | ${s(site)} | | | | ${mb(peak(r.site))} | | ${r.size === 10_000 ? ok((peak(r.site) ?? Infinity) < 2 * 2 ** 30) : ''} |`);
        continue;
      }
      if (base === undefined || site === undefined) {
        out(`| ${n(r.size)} | ${r.site!.length} | ${base === undefined ? 'failed' : s(base)} | ${site === undefined ? 'failed' : s(site)} | | | | | | |`);
        continue;
      }
      const cpuRatio = (med(r.site, (m) => m.cpuMs) ?? NaN) / (med(r.baseline, (m) => m.cpuMs) ?? NaN);
      const sitePeak = peak(r.site);
      out(`| ${n(r.size)} | ${r.site!.length} | ${s(base)} | ${s(site)} | ${ratio(site / base)} | ${Number.isFinite(cpuRatio) ? ratio(cpuRatio) : 'n/a'} | ${mb(peak(r.baseline))} | ${mb(sitePeak)} | ${ok(site / base <= 1.5)} | ${sitePeak === undefined ? 'n/a' : r.size === 10_000 ? ok(sitePeak < 2 * 2 ** 30) : `(${ok(sitePeak < 2 * 2 ** 30).slice(2)})`} |`);
    }
    for (const r of built) if (r.buildFailure) out('', `A build of ${n(r.size)} entries failed; its last output:`, '', '```', r.buildFailure.trim(), '```');
  }

  if (results.length >= 2) {
    const small = results.reduce((a, b) => (b.size < a.size ? b : a));
    const large = results.reduce((a, b) => (b.size > a.size ? b : a));
    const factor = large.size / small.size;
    const limit = factor * 1.1;
    out(
      '',
      '## 3. Growth',
      '',
      `Time at ${n(large.size)} entries over time at ${n(small.size)}: ${ratio(factor)} the entries. Target: at most ${ratio(limit)} (near linear; 11× for 10,000 over 1,000).`,
      '',
      `| measure | ${n(small.size)} | ${n(large.size)} | growth | target ≤ ${ratio(limit)} |`,
      '| --- | ---: | ---: | ---: | --- |',
    );
    const row = (name: string, a: number | undefined, b: number | undefined) => {
      if (a === undefined || b === undefined) return;
      out(`| ${name} | ${s(a)} | ${s(b)} | ${ratio(b / a)} | ${ok(b / a <= limit)} |`);
    };
    row('check', med(small.check), med(large.check));
    row('floor (for comparison)', med(small.floor), med(large.floor));
    row('site build', med(small.site), med(large.site));
    row('baseline build (for comparison)', med(small.baseline), med(large.baseline));
  }

  const weighed = [...results].reverse().find((r) => r.siteWeight);
  if (weighed?.siteWeight) {
    const w = weighed.siteWeight;
    const b = weighed.baselineWeight;
    out(
      '',
      `## 4. Output weight (${n(weighed.size)} entries)`,
      '',
      'Targets: no page grows with the catalog (closure lists and graphs are capped), a page without a graph loads no Mermaid code, a small search index per page.',
      '',
      '| measure | site | baseline |',
      '| --- | ---: | ---: |',
      `| pages | ${n(w.pages)} | ${b ? n(b.pages) : 'n/a'} |`,
      `| largest page (HTML) | ${kb(w.largestHtml.bytes)} (\`${w.largestHtml.file}\`) | ${b ? `${kb(b.largestHtml.bytes)}` : 'n/a'} |`,
      `| largest entry page (HTML) | ${kb(w.largestEntryHtml.bytes)} (\`${w.largestEntryHtml.file}\`) | ${b ? `${kb(b.largestEntryHtml.bytes)}` : 'n/a'} |`,
      `| JavaScript loaded by a page without a graph | ${w.plainPage ? `${kb(w.plainPage.jsBytes)} in ${w.plainPage.files} file(s), ${kb(w.plainPage.jsGzipBytes)} gzipped (\`${w.plainPage.file}\`)` : 'n/a'} | ${b?.plainPage ? kb(b.plainPage.jsBytes) : 'n/a'} |`,
      `| Mermaid code on that page | ${w.plainPage ? (w.plainPage.mermaid ? '❌ yes' : '✅ none') : 'n/a'} | ${b?.plainPage ? (b.plainPage.mermaid ? 'yes' : 'none') : 'n/a'} |`,
      `| search index per page | ${kb(w.searchIndexBytes / Math.max(1, w.pages))} (${mb(w.searchIndexBytes)} in all) | ${b ? kb(b.searchIndexBytes / Math.max(1, b.pages)) : 'n/a'} |`,
    );
    const all = results.filter((r) => r.siteWeight);
    if (all.length >= 2) {
      out('', `Largest page, and largest entry page, by catalog size: ${all.map((r) => `${n(r.size)} entries ${kb(r.siteWeight!.largestHtml.bytes)} and ${kb(r.siteWeight!.largestEntryHtml.bytes)}`).join('; ')}.`);
    }
  }

  const published = results.filter((r) => r.siteWeight?.bytes !== undefined);
  if (published.length) {
    const big = (r: SizeResult) => r.size >= 50_000;
    const target = (r: SizeResult, met: boolean) => (big(r) ? ok(met) : `(${ok(met).slice(2)})`);
    out(
      '',
      '## 5. Publishing at scale',
      '',
      'What a static host stores and what a reader loads. Targets at 50,000 entries (in brackets at other sizes, for comparison): the site ≤ 1 GB and ≤ 200,000 files (GitLab Pages; GitHub Pages weighs the compressed upload, ≤ 1 GiB), the home page ≤ 50 KB, no HTML page over 200 KB, the first search from the header ≤ 300 KB in ≤ 25 requests with results in ≤ 1.5 s (Chromium, `bench/first-search.ts`; bytes as stored, before any compression in transit), the build\'s peak memory ≤ 3 GB.',
      '',
      '| measure | ' + published.map((r) => `${n(r.size)} entries`).join(' | ') + ' |',
      '| --- | ' + published.map(() => '---:').join(' | ') + ' |',
    );
    const row = (name: string, cell: (r: SizeResult) => string) => out(`| ${name} | ${published.map(cell).join(' | ')} |`);
    const w = (r: SizeResult) => r.siteWeight!;
    row('built site', (r) => `${mb(w(r).bytes)} ${target(r, w(r).bytes! <= 1e9)}`);
    row('built site, as GitHub Pages\' compressed upload', (r) => (w(r).archiveBytes === undefined ? 'n/a' : `${mb(w(r).archiveBytes)} ${target(r, w(r).archiveBytes! <= 2 ** 30)}`));
    row('files', (r) => `${n(w(r).files!)} ${target(r, w(r).files! <= 200_000)}`);
    row('HTML pages', (r) => n(w(r).pages));
    row('home page', (r) => (w(r).homeHtmlBytes === undefined ? 'n/a' : `${kb(w(r).homeHtmlBytes!)} ${target(r, w(r).homeHtmlBytes! <= 50 * 1024)}`));
    row('largest page', (r) => `${kb(w(r).largestHtml.bytes)} (\`${w(r).largestHtml.file}\`) ${target(r, w(r).largestHtml.bytes <= 200 * 1024)}`);
    row('largest entry page', (r) => `${kb(w(r).largestEntryHtml.bytes)}`);
    row('mean entry page', (r) => (w(r).meanEntryHtmlBytes === undefined ? 'n/a' : kb(w(r).meanEntryHtmlBytes!)));
    row('search indexes (names and full text)', (r) => mb(w(r).searchIndexBytes));
    row('first search: bytes', (r) => (r.firstSearch ? `${kb(r.firstSearch.bytes)} ${target(r, r.firstSearch.bytes <= 300 * 1024)}` : 'n/a'));
    row('first search: requests', (r) => (r.firstSearch ? `${r.firstSearch.requests} ${target(r, r.firstSearch.requests <= 25)}` : 'n/a'));
    row('first search: time to first result', (r) => (r.firstSearch ? `${s(r.firstSearch.ms)} ${target(r, r.firstSearch.ms <= 1500)}` : 'n/a'));
    row('site build', (r) => (med(r.site) === undefined ? 'n/a' : s(med(r.site)!)));
    row('site build peak memory', (r) => (peak(r.site) === undefined ? 'n/a' : `${mb(peak(r.site))} ${target(r, peak(r.site)! <= 3 * 2 ** 30)}`));
    const small = published.find((r) => r.size === 10_000);
    const large = published.find((r) => r.size === 50_000);
    if (small && large && med(small.site) && med(large.site)) {
      const growth = med(large.site)! / med(small.site)!;
      out('', `Site build time from 10,000 to 50,000 entries: ${ratio(growth)} (target ≤ 5.5×: ${ok(growth <= 5.5)}).`);
    }
    const parted = published.filter((r) => w(r).parts?.length);
    if (parted.length) {
      const names = [...new Set(parted.flatMap((r) => w(r).parts!.slice(0, 8).map((p) => p.part)))];
      const share = (r: SizeResult, bytes: number) => `${mb(bytes)} (${Math.round((100 * bytes) / w(r).bytes!)}%)`;
      out(
        '',
        "Where the site's bytes are, by part (as `npm run build` lists them when a host would refuse the site):",
        '',
        '| part | ' + parted.map((r) => `${n(r.size)} entries`).join(' | ') + ' |',
        '| --- | ' + parted.map(() => '---:').join(' | ') + ' |',
      );
      for (const name of names) {
        out(`| ${name} | ${parted.map((r) => {
          const part = w(r).parts!.find((p) => p.part === name);
          return part ? `${share(r, part.bytes)}, ${n(part.files)} files` : '–';
        }).join(' | ')} |`);
      }
      out(`| the rest | ${parted.map((r) => share(r, w(r).parts!.filter((p) => !names.includes(p.part)).reduce((sum, p) => sum + p.bytes, 0))).join(' | ')} |`);
    }
    const sectioned = [...published].reverse().find((r) => w(r).entrySections);
    if (sectioned) {
      const all = Object.entries(w(sectioned).entrySections!);
      const total = (bytes: Record<string, number>) => Object.values(bytes).reduce((sum, b) => sum + b, 0);
      const kinds = all.sort((a, b) => total(b[1].bytes) - total(a[1].bytes)).slice(0, 2);
      const sections = [...new Set(kinds.flatMap(([, k]) => Object.keys(k.bytes)))].sort((a, b) => (kinds[0]![1].bytes[b] ?? 0) - (kinds[0]![1].bytes[a] ?? 0));
      out(
        '',
        `The mean entry page of the two heaviest kinds at ${n(sectioned.size)} entries, by section (\`sectionBytes\` in \`bench/weigh.ts\`: the page frame is the head, header and footer around \`<main>\`):`,
        '',
        `| section | ${kinds.map(([kind, k]) => `${kind} (${n(k.pages)} pages)`).join(' | ')} |`,
        `| --- | ${kinds.map(() => '---:').join(' | ')} |`,
      );
      for (const section of sections) out(`| ${section} | ${kinds.map(([, k]) => (k.bytes[section] === undefined ? '–' : kb(k.bytes[section]! / k.pages))).join(' | ')} |`);
      out(`| whole page | ${kinds.map(([, k]) => kb(total(k.bytes) / k.pages)).join(' | ')} |`);
    }
    const searched = published.find((r) => r.firstSearch);
    if (searched) out('', `The first search typed ${published.filter((r) => r.firstSearch).map((r) => `“${r.firstSearch!.query}” (${r.firstSearch!.results} results shown) at ${n(r.size)} entries`).join(', ')}.`);
  }

  const errors = results.filter((r) => r.checkErrors);
  for (const r of errors) out('', `\`check\` reported errors at ${n(r.size)} entries (the generated catalog should have none):`, '', '```', r.checkErrors!.trim(), '```');
  const served = results.filter((r) => r.dev || r.devFailure);
  if (served.length) {
    out(
      '',
      '## 6. Dev server',
      '',
      "`npm run dev` on the catalog: the first and a second request to each page (the first renders the page's code and data for the first time), then one dataset's title is changed on disk and its page is requested every 100 ms until it shows the new title. Targets at 10,000 entries: every page ≤ 1 s after the first request, an edit visible ≤ 2 s after the save. Noisy on a shared machine.",
      '',
      '| entries | server ready | page | first request | later request | edit visible after |',
      '| ---: | ---: | --- | ---: | ---: | ---: |',
    );
    for (const r of served) {
      if (!r.dev) {
        out(`| ${n(r.size)} | failed: ${r.devFailure!.split('\n')[0]} | | | | |`);
        continue;
      }
      r.dev.pages.forEach((p, i) =>
        out(`| ${i ? '' : n(r.size)} | ${i ? '' : s(r.dev!.startMs)} | \`${p.path}\`${p.status === 200 ? '' : ` (${p.status})`} | ${s(p.firstMs)} | ${s(p.laterMs)} | ${i === r.dev!.pages.length - 1 ? (r.dev!.editVisibleMs === undefined ? 'never' : s(r.dev!.editVisibleMs)) : ''} |`),
      );
    }
  }

  out('', '## Reproduce', '', '```sh', 'npm ci', ...machine.runs.map((r) => `npm run bench -- ${r.command}`), '```', '');
  return lines.join('\n');
}

/**
 * The sections a datasheet ("Datasheets for Datasets", Gebru et al.) and a model card
 * ("Model Cards for Model Reporting", Mitchell et al.) should cover, and how much of them
 * a body does. Templates for `new` and the completeness rule read the same lists.
 */

export interface Section {
  /** The heading as the template writes it. */
  title: string;
  /** Other headings accepted for it, lowercase. */
  aliases: readonly string[];
  /** The one-line prompt under the heading in a new entry. */
  prompt: string;
}

export const DATASHEET_SECTIONS: readonly Section[] = [
  { title: 'Motivation', aliases: ['purpose', 'why'], prompt: 'Why was this dataset created, by whom, and for which task?' },
  { title: 'Composition', aliases: ['contents', 'what is in it', 'data fields'], prompt: 'What does one row represent, how many are there, what is missing, and is anything sensitive?' },
  { title: 'Collection process', aliases: ['collection', 'data collection', 'how it was collected'], prompt: 'How, when and from where was the data collected, and with what consent?' },
  { title: 'Preprocessing', aliases: ['preprocessing/cleaning/labeling', 'cleaning', 'labeling', 'labelling', 'processing'], prompt: 'What was cleaned, labelled, filtered or joined, and is the raw data kept?' },
  { title: 'Uses', aliases: ['intended uses', 'use', 'uses and limitations'], prompt: 'What has it been used for, what should it not be used for, and what could go wrong?' },
  { title: 'Distribution', aliases: ['access', 'sharing'], prompt: 'Who can access it, where, under which license and terms?' },
  { title: 'Maintenance', aliases: ['maintenance plan', 'updates'], prompt: 'Who maintains it, how often is it updated, and how are errors reported?' },
];

export const MODEL_CARD_SECTIONS: readonly Section[] = [
  { title: 'Model details', aliases: ['details', 'model description', 'overview'], prompt: 'Who built it, when, which version, what kind of model, and where to ask questions.' },
  { title: 'Intended use', aliases: ['intended uses', 'uses', 'use'], prompt: 'Primary uses and users, and uses that are out of scope.' },
  { title: 'Factors', aliases: ['relevant factors'], prompt: 'Groups, conditions and environments that may change performance.' },
  { title: 'Metrics', aliases: ['performance measures', 'metric'], prompt: 'Which measures are reported, why, and at which thresholds.' },
  { title: 'Evaluation data', aliases: ['evaluation', 'evaluation dataset', 'evaluation datasets'], prompt: 'Which data it was evaluated on, why that data, and how it was prepared.' },
  { title: 'Training data', aliases: ['training', 'training dataset', 'training datasets', 'training procedure'], prompt: 'Which data it was trained on, and how it differs from the evaluation data.' },
  { title: 'Quantitative analyses', aliases: ['results', 'evaluation results', 'quantitative analysis'], prompt: 'Results overall and per factor, with confidence where known.' },
  { title: 'Ethical considerations', aliases: ['ethics', 'risks', 'bias, risks, and limitations'], prompt: 'Sensitive data, risks and harms, and what was done about them.' },
  { title: 'Caveats and recommendations', aliases: ['caveats', 'recommendations', 'limitations'], prompt: 'What is not known or tested, and advice to users.' },
];

/** A feature definition's body: what a feature store's users ask before they reuse one. */
export const FEATURE_SECTIONS: readonly Section[] = [
  { title: 'Definition', aliases: ['meaning', 'what it measures'], prompt: 'What one value means, for which entity, over which window.' },
  { title: 'Computation', aliases: ['how it is computed', 'training'], prompt: 'How it is computed for training, from which column, with which filters.' },
  { title: 'Serving', aliases: ['online', 'serving and skew'], prompt: 'How it is served online, how fresh it is, and how it may differ from the training values.' },
];

export interface Heading {
  text: string;
  depth: number;
  line: number;
  /** Non-blank lines of prose until the next heading of any depth. */
  contentLines: number;
}

/**
 * The headings of a Markdown body. A line scan that skips fenced code is enough for
 * headings, and it is many times faster than a full Markdown parse: completeness is
 * computed for every entry on every check.
 */
/** A line that is only an HTML comment: invisible on the page, such as the prompts `new` writes. */
const HTML_COMMENT = /^\s*<!--.*-->\s*$/;

export function headingsOf(markdown: string): Heading[] {
  const lines = markdown.split(/\r?\n/);
  const out: Heading[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = undefined;
      if (out.length) out[out.length - 1]!.contentLines++;
      continue;
    }
    if (fence) {
      if (out.length && line.trim()) out[out.length - 1]!.contentLines++;
      continue;
    }
    const atx = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    const next = lines[i + 1];
    const setext = line.trim() && next !== undefined && /^ {0,3}(=+|-+)[ \t]*$/.test(next) && !/^ {0,3}[-*+] /.test(line);
    if (atx) {
      out.push({ text: atx[2]!, depth: atx[1]!.length, line: i + 1, contentLines: 0 });
    } else if (setext) {
      out.push({ text: line.trim(), depth: next!.trim().startsWith('=') ? 1 : 2, line: i + 1, contentLines: 0 });
      i++;
    } else if (line.trim() && out.length && !HTML_COMMENT.test(line)) {
      out[out.length - 1]!.contentLines++;
    }
  }
  return out;
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\d+(\.\d+)*\.?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The template section a heading stands for ("2. Intended uses" → Intended use), if any. */
export function sectionOf(heading: string, sections: readonly Section[]): Section | undefined {
  const name = normalize(heading);
  return sections.find((s) => s.title.toLowerCase() === name || s.aliases.includes(name));
}

export interface Coverage {
  score: number;
  covered: Section[];
  missing: Section[];
}

/** Which template sections a body covers with a heading and at least one line of prose. */
export function coverage(markdown: string, sections: readonly Section[]): Coverage {
  const present = new Set(
    headingsOf(markdown)
      .filter((h) => h.contentLines > 0)
      .map((h) => sectionOf(h.text, sections)),
  );
  const covered: Section[] = [];
  const missing: Section[] = [];
  for (const section of sections) (present.has(section) ? covered : missing).push(section);
  return { score: sections.length ? covered.length / sections.length : 1, covered, missing };
}

/** Offsets to line and column, 1-based, as editors and compilers print them. */
export interface Position {
  line: number;
  column: number;
}

/** Start offset of every line of `text`, for binary-search lookups. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Line and column of one offset; for many lookups in one text, keep `lineStarts` instead. */
export function positionOf(text: string, offset: number): Position {
  return positionAt(lineStarts(text), Math.min(Math.max(0, offset), text.length));
}

/**
 * Multi-label metrics for judging suggestions against coders' codings.
 * Each comment has a gold set of themes and a predicted set (or a ranked
 * list). Conventions follow scikit-learn: a 0/0 ratio scores 0.
 */

export interface PrfCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends PrfCounts {
  precision: number;
  recall: number;
  f1: number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function prfFrom({ tp, fp, fn }: PrfCounts): Prf {
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

function countsFor<T>(gold: ReadonlySet<T>, predicted: ReadonlySet<T>) {
  let tp = 0;
  for (const label of predicted) if (gold.has(label)) tp += 1;
  return { tp, fp: predicted.size - tp, fn: gold.size - tp };
}

/**
 * Micro-averaged precision, recall and F1: true positives, false positives
 * and false negatives pooled over every comment and theme, then the
 * formulas. `gold[i]` and `predicted[i]` are comment i's theme sets.
 */
export function microPrf<T>(
  gold: ReadonlyArray<ReadonlySet<T>>,
  predicted: ReadonlyArray<ReadonlySet<T>>,
): Prf {
  const total = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, i) => {
    const c = countsFor(g, predicted[i] ?? new Set<T>());
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  });
  return prfFrom(total);
}

/** Precision, recall and F1 of each label, in the order of `labels`. */
export function perLabelPrf<T>(
  gold: ReadonlyArray<ReadonlySet<T>>,
  predicted: ReadonlyArray<ReadonlySet<T>>,
  labels: readonly T[],
): Prf[] {
  return labels.map((label) => {
    const c = { tp: 0, fp: 0, fn: 0 };
    gold.forEach((g, i) => {
      const inGold = g.has(label);
      const inPred = predicted[i]?.has(label) ?? false;
      if (inGold && inPred) c.tp += 1;
      else if (inPred) c.fp += 1;
      else if (inGold) c.fn += 1;
    });
    return prfFrom(c);
  });
}

/** Unweighted mean over `labels` of per-label precision, recall and F1. */
export function macroPrf<T>(
  gold: ReadonlyArray<ReadonlySet<T>>,
  predicted: ReadonlyArray<ReadonlySet<T>>,
  labels: readonly T[],
): { precision: number; recall: number; f1: number } {
  const per = perLabelPrf(gold, predicted, labels);
  const mean = (pick: (p: Prf) => number) =>
    ratio(
      per.reduce((sum, p) => sum + pick(p), 0),
      per.length,
    );
  return {
    precision: mean((p) => p.precision),
    recall: mean((p) => p.recall),
    f1: mean((p) => p.f1),
  };
}

/**
 * P@k: mean over all comments of (gold themes among the top k) / k. A
 * comment with an empty gold set counts, with 0 hits.
 */
export function precisionAtK<T>(
  ranked: ReadonlyArray<readonly T[]>,
  gold: ReadonlyArray<ReadonlySet<T>>,
  k: number,
): number {
  const hits = ranked.map(
    (r, i) => r.slice(0, k).filter((t) => gold[i]?.has(t)).length / k,
  );
  return ratio(
    hits.reduce((a, b) => a + b, 0),
    hits.length,
  );
}

/**
 * R@k: mean over comments with at least one gold theme of the share of
 * their gold themes found among the top k suggestions.
 */
export function recallAtK<T>(
  ranked: ReadonlyArray<readonly T[]>,
  gold: ReadonlyArray<ReadonlySet<T>>,
  k: number,
): number {
  const shares: number[] = [];
  gold.forEach((g, i) => {
    if (g.size === 0) return;
    const top = (ranked[i] ?? []).slice(0, k);
    shares.push(top.filter((t) => g.has(t)).length / g.size);
  });
  return ratio(
    shares.reduce((a, b) => a + b, 0),
    shares.length,
  );
}

/** Share of comments that got at least one suggestion. */
export function coverage<T>(ranked: ReadonlyArray<readonly T[]>): number {
  return ratio(ranked.filter((r) => r.length > 0).length, ranked.length);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  coverage,
  macroPrf,
  microPrf,
  perLabelPrf,
  precisionAtK,
  recallAtK,
} from '../../shared/suggest/metrics';
import { sharedDir } from '../helpers/app';

interface ReferenceCase {
  id: string;
  inputs: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const reference = JSON.parse(
  readFileSync(
    join(sharedDir, 'reference/multilabel_classification_metrics.json'),
    'utf8',
  ),
) as { cases: ReferenceCase[] };

function referenceCase(id: string): ReferenceCase {
  const found = reference.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no reference case ${id}`);
  return found;
}

/** Rows of a 0/1 indicator matrix as sets of column indices. */
function toSets(matrix: number[][]): Array<Set<number>> {
  return matrix.map(
    (row) => new Set(row.flatMap((v, j) => (v === 1 ? [j] : []))),
  );
}

describe('metrics on a hand-computed example', () => {
  // gold {a,b} {c} {}; predicted {a} {c,d} {e}: TP 2, FP 2, FN 1.
  const gold = [new Set(['a', 'b']), new Set(['c']), new Set<string>()];
  const predicted = [new Set(['a']), new Set(['c', 'd']), new Set(['e'])];

  it('pools counts for micro precision, recall and F1', () => {
    expect(microPrf(gold, predicted)).toEqual({
      tp: 2,
      fp: 2,
      fn: 1,
      precision: 0.5,
      recall: 2 / 3,
      f1: 4 / 7,
    });
  });

  it('scores 0/0 as 0', () => {
    expect(microPrf([new Set()], [new Set()])).toMatchObject({
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });

  it('measures coverage as the share of comments with a suggestion', () => {
    expect(coverage([['a'], [], ['b', 'c'], []])).toBe(0.5);
    expect(coverage([])).toBe(0);
  });
});

describe('metrics against the scikit-learn reference vectors', () => {
  it('multilabel_prf: per label, micro and macro', () => {
    const c = referenceCase('sklearn_f1_multilabel_doc');
    const gold = toSets(c.inputs.y_true as number[][]);
    const predicted = toSets(c.inputs.y_pred as number[][]);
    const labels = [0, 1, 2];
    const expected = c.expected as {
      f1_per_label: number[];
      precision_per_label: number[];
      micro: { precision: number; recall: number; f1: number };
      macro: { precision: number; recall: number; f1: number };
    };

    const per = perLabelPrf(gold, predicted, labels);
    per.forEach((p, i) => {
      expect(p.f1).toBeCloseTo(expected.f1_per_label[i] ?? NaN, 7);
      expect(p.precision).toBeCloseTo(
        expected.precision_per_label[i] ?? NaN,
        7,
      );
    });
    const micro = microPrf(gold, predicted);
    expect(micro.precision).toBeCloseTo(expected.micro.precision, 8);
    expect(micro.recall).toBeCloseTo(expected.micro.recall, 8);
    expect(micro.f1).toBeCloseTo(expected.micro.f1, 8);
    const macro = macroPrf(gold, predicted, labels);
    expect(macro.precision).toBeCloseTo(expected.macro.precision, 8);
    expect(macro.f1).toBeCloseTo(expected.macro.f1, 8);
  });

  it('ranked_suggestions_at_k: P@k and R@k', () => {
    const c = referenceCase('derived_precision_recall_at_k');
    const ranked = c.inputs.ranked_suggestions as string[][];
    const gold = (c.inputs.final_coding as string[][]).map((g) => new Set(g));
    const e = c.expected as Record<string, number>;
    expect(precisionAtK(ranked, gold, 1)).toBeCloseTo(
      e.precision_at_1 ?? NaN,
      12,
    );
    expect(precisionAtK(ranked, gold, 2)).toBeCloseTo(
      e.precision_at_2 ?? NaN,
      12,
    );
    expect(precisionAtK(ranked, gold, 3)).toBeCloseTo(
      e.precision_at_3 ?? NaN,
      12,
    );
    expect(recallAtK(ranked, gold, 1)).toBeCloseTo(
      e.recall_at_1_over_comments_with_themes ?? NaN,
      12,
    );
    expect(recallAtK(ranked, gold, 3)).toBeCloseTo(
      e.recall_at_3_over_comments_with_themes ?? NaN,
      12,
    );
  });
});

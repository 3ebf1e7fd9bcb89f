import type { ColumnKind, ColumnRole } from '../../../shared/domain/column-schema';

export interface RoleCandidate {
  source: string;
  kind: ColumnKind;
  distinctValues: number;
  /** Non-missing previewed values. */
  present: number;
  /** Every previewed value lies in [0, 1]. */
  unitInterval: boolean;
}

const SCORE_NAME = /score|prob|pd$|^pd_|pred|p_hat|phat|risk|estimate/i;
const OUTCOME_NAME = /outcome|label|target|default|liquidat|event|churn|fraud|^y$|^is_|flag|hit|bad/i;
const ID_NAME = /(^|_)id$|^id_|uuid|guid|hash|^key$|_key$/i;
const WEIGHT_NAME = /weight|^wt$|_wt$|exposure/i;
const MAX_SEGMENT_VALUES = 50;

/**
 * One role per column from names and contents: at most one score, outcome, time, weight and id;
 * small categories become segments, numbers features, free text nothing.
 */
export function suggestRoles(columns: readonly RoleCandidate[]): (ColumnRole | null)[] {
  const roles: (ColumnRole | null)[] = columns.map(() => null);
  const take = (role: ColumnRole, index: number) => {
    if (index >= 0 && roles[index] === null) roles[index] = role;
  };
  const numeric = (c: RoleCandidate) => c.kind === 'number' || c.kind === 'integer';
  const find = (test: (c: RoleCandidate) => boolean) =>
    columns.findIndex((c, i) => roles[i] === null && test(c));

  take(
    'outcome',
    find((c) => c.kind === 'boolean' && OUTCOME_NAME.test(c.source)),
  );
  if (!roles.includes('outcome') && columns.filter((c) => c.kind === 'boolean').length === 1) {
    take(
      'outcome',
      find((c) => c.kind === 'boolean'),
    );
  }
  take(
    'score',
    find((c) => numeric(c) && SCORE_NAME.test(c.source) && c.unitInterval),
  );
  if (!roles.includes('score'))
    take(
      'score',
      find((c) => numeric(c) && SCORE_NAME.test(c.source)),
    );
  take(
    'time',
    find((c) => c.kind === 'timestamp'),
  );
  take(
    'id',
    find((c) => ID_NAME.test(c.source) && c.present > 0 && c.distinctValues === c.present),
  );
  take(
    'weight',
    find((c) => numeric(c) && WEIGHT_NAME.test(c.source)),
  );
  columns.forEach((c, i) => {
    if (roles[i] !== null) return;
    if (c.kind === 'category' && c.distinctValues <= MAX_SEGMENT_VALUES) roles[i] = 'segment';
    else if (numeric(c) || c.kind === 'boolean') roles[i] = 'feature';
  });
  return roles;
}

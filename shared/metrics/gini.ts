/** Gini coefficient (accuracy ratio) 2 AUC - 1; null when the AUC is undefined (one class). */
export function giniFromAuc(areaUnderCurve: number | null): number | null {
  return areaUnderCurve === null ? null : 2 * areaUnderCurve - 1;
}

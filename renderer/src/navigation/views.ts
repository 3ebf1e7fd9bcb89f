/**
 * The workbench's views, in sidebar order. Exporting (parameter file, scored CSV, report) is part
 * of a model's page in Models: every export starts from a kept model.
 */
export const VIEWS = [
  { id: 'datasets', label: 'Datasets', hint: 'Import, inspect and manage data' },
  { id: 'diagnose', label: 'Diagnose', hint: 'How well the score is calibrated' },
  { id: 'calibrate', label: 'Calibrate', hint: 'Fit and compare calibration maps' },
  { id: 'scripts', label: 'Scripts', hint: 'Custom scoring scripts: fit, compare with production, stress' },
  { id: 'models', label: 'Models', hint: 'Kept models: compare, export, apply' },
  { id: 'monitor', label: 'Monitor', hint: 'Drift, walk-forward, regimes and segments' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export const DEFAULT_VIEW: ViewId = 'datasets';

export function isViewId(value: string): value is ViewId {
  return VIEWS.some((view) => view.id === value);
}

export const viewHref = (view: ViewId): string => `#/${view}`;

/** The view named in a location hash such as "#/diagnose"; null for anything else. */
export function viewFromHash(hash: string): ViewId | null {
  const name = hash.replace(/^#\/?/, '');
  return isViewId(name) ? name : null;
}

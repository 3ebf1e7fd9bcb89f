/**
 * The workbench's views, in sidebar order. Only views that exist are listed: Calibrate, Models
 * and Export join this list (and the switch in App) when they are built.
 */
export const VIEWS = [
  { id: 'datasets', label: 'Datasets', hint: 'Import, inspect and manage data' },
  { id: 'diagnose', label: 'Diagnose', hint: 'How well the score is calibrated' },
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

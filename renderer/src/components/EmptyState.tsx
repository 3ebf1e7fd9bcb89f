import type { ReactNode } from 'react';

/** What an empty screen says: why it is empty and what to do next, with the action at hand. */
export function EmptyState({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      <div className="empty-state__text">{children}</div>
      {actions ? <div className="empty-state__actions">{actions}</div> : null}
    </div>
  );
}

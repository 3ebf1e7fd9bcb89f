import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** A short line under the title: what the panel shows or how it was computed. */
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Marks the content as being recomputed without removing it (no layout jump). */
  busy?: boolean;
}

/** A titled surface; every chart, table and form of a view sits in one. */
export function Panel({ title, subtitle, actions, children, className, busy = false }: Props) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel${className ? ` ${className}` : ''}`} aria-labelledby={id} aria-busy={busy}>
      <header className="panel__header">
        <div className="panel__titles">
          <h2 id={id} className="panel__title">
            {title}
          </h2>
          {subtitle ? <p className="panel__subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </header>
      <div className={`panel__body${busy ? ' panel__body--busy' : ''}`}>{children}</div>
    </section>
  );
}

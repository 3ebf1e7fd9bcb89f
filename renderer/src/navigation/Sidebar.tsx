import { VIEWS, viewHref, type ViewId } from './views';

/** The list of views; plain links to "#/<view>", so keyboard, Back and Forward work as usual. */
export function Sidebar({ current }: { current: ViewId }) {
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="sidebar__brand">Scorecal</div>
      <ul className="sidebar__list">
        {VIEWS.map((view) => (
          <li key={view.id}>
            <a
              className={`sidebar__item${view.id === current ? ' sidebar__item--active' : ''}`}
              href={viewHref(view.id)}
              aria-current={view.id === current ? 'page' : undefined}
              title={view.hint}
            >
              {view.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

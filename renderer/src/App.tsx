import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/contract';
import { useApi } from './api/api-context';
import { DatasetsView } from './views/DatasetsView';

export function App() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => setInfo(null));
  }, [api]);

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Views">
        <div className="sidebar__brand">Scorecal</div>
        <a className="sidebar__item sidebar__item--active" href="#datasets" aria-current="page">
          Datasets
        </a>
      </nav>
      <main className="content">
        <DatasetsView />
      </main>
      <footer className="statusbar">
        <span>{info ? `Workspace: ${info.workspacePath}` : 'Connecting to the engine…'}</span>
        <span>{info ? `Scorecal ${info.appVersion} · ${info.host} · offline` : ''}</span>
      </footer>
    </div>
  );
}

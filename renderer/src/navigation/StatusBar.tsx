import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/contract';
import { useApi } from '../api/api-context';

/** Where the data lives and which build is running, always in view and selectable. */
export function StatusBar() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => setUnreachable(true));
  }, [api]);

  return (
    <footer className="statusbar">
      <span>
        {info
          ? `Workspace: ${info.workspacePath}`
          : unreachable
            ? 'The engine is not reachable.'
            : 'Connecting to the engine…'}
      </span>
      <span>{info ? `Scorecal ${info.appVersion} · ${info.host} · offline` : ''}</span>
    </footer>
  );
}

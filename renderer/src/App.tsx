import { DatasetListProvider } from './data/datasets-context';
import { Sidebar } from './navigation/Sidebar';
import { StatusBar } from './navigation/StatusBar';
import type { ViewId } from './navigation/views';
import { SessionResultsProvider } from './state/session-results';
import { useWorkbench, WorkbenchProvider } from './state/workbench-context';
import { CalibrateView } from './views/calibrate/CalibrateView';
import { DatasetsView } from './views/datasets/DatasetsView';
import { DiagnoseView } from './views/diagnose/DiagnoseView';
import { ModelsView } from './views/models/ModelsView';
import { MonitorView } from './views/monitor/MonitorView';
import { ScriptsSessionProvider } from './views/scripts/scripts-session';
import { ScriptsView } from './views/scripts/ScriptsView';

function CurrentView({ view }: { view: ViewId }) {
  switch (view) {
    case 'datasets':
      return <DatasetsView />;
    case 'diagnose':
      return <DiagnoseView />;
    case 'calibrate':
      return <CalibrateView />;
    case 'scripts':
      return <ScriptsView />;
    case 'models':
      return <ModelsView />;
    case 'monitor':
      return <MonitorView />;
  }
}

function Shell() {
  const { view } = useWorkbench();
  return (
    <div className="app">
      <Sidebar current={view} />
      <main className="content" id="content">
        <CurrentView view={view} />
      </main>
      <StatusBar />
    </div>
  );
}

export function App() {
  return (
    <WorkbenchProvider>
      <DatasetListProvider>
        <SessionResultsProvider>
          <ScriptsSessionProvider>
            <Shell />
          </ScriptsSessionProvider>
        </SessionResultsProvider>
      </DatasetListProvider>
    </WorkbenchProvider>
  );
}

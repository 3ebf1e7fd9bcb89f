import { DatasetListProvider } from './data/datasets-context';
import { Sidebar } from './navigation/Sidebar';
import { StatusBar } from './navigation/StatusBar';
import type { ViewId } from './navigation/views';
import { useWorkbench, WorkbenchProvider } from './state/workbench-context';
import { DatasetsView } from './views/datasets/DatasetsView';
import { DiagnoseView } from './views/diagnose/DiagnoseView';

function CurrentView({ view }: { view: ViewId }) {
  switch (view) {
    case 'datasets':
      return <DatasetsView />;
    case 'diagnose':
      return <DiagnoseView />;
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
        <Shell />
      </DatasetListProvider>
    </WorkbenchProvider>
  );
}

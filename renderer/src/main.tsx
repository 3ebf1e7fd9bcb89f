import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../shared/api/client';
import { ApiContext } from './api/api-context';
import { chooseTransport } from './api/choose-transport';
import { App } from './App';
import './styles.css';

// A file dropped outside a drop zone would make the browser open it in place of the app.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (event) => {
    if (!(event.target instanceof Element && event.target.closest('.drop-zone'))) event.preventDefault();
  });
}

const client = createApiClient(chooseTransport());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={client}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);

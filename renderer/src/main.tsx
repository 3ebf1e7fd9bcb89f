import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../shared/api/client';
import { ApiContext } from './api/api-context';
import { chooseTransport } from './api/choose-transport';
import { App } from './App';
import './styles.css';

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

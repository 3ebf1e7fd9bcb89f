import { createContext, useContext } from 'react';
import type { ApiClient } from '../../../shared/api/client';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an <ApiContext.Provider> above it.');
  return client;
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadStartupState } from './app/actions';
import { initI18n } from './i18n';

// The saved language and office profile are read before the first paint, so the shell never
// flashes in the wrong language or without the office name.
async function start() {
  const { language } = await loadStartupState();
  await initI18n(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();

import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadStartupState } from './app/actions';
import { initI18n } from './i18n';
import { startNumbersBackground } from './data/numbersStartup';

// The saved language and office profile are read before the first paint, so the shell never
// flashes in the wrong language or without the office name.
async function start(root: HTMLElement) {
  const { language } = await loadStartupState();
  await initI18n(language);
  // test clock hook, shipped grade table, and the sweeper that ends expired number reservations
  startNumbersBackground();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const root = document.getElementById('root')!;
start(root).catch((error: unknown) => {
  // Nothing of the UI is up yet (not even i18n): say it plainly in both languages.
  console.error('Start-up failed', error);
  const message = document.createElement('p');
  message.style.margin = '2rem';
  message.textContent = `无法启动 Hotline Office / Hotline Office could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(message);
});

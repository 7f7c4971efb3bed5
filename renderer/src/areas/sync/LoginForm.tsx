import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { checkSyncServerUrl } from '../../../../shared/ipc/syncServerUrl';
import { getServerUrl, setServerUrl } from '../../data/syncState';
import { platform } from '../../platform';
import { SyncHttpError, SyncNetworkError } from '../../sync/api';
import { errorText as syncErrorText, loginOnline, unlock } from '../../sync/session';
import { errorText } from '../../i18n/errors';

/** Survives the reload a new server origin needs (no secret in it: the address only). */
const SWITCHED_KEY = 'hotline.syncServerSwitched';

/**
 * The desktop window may reach only the sync server its CSP names. Before talking to `url`, ask
 * the shell to allow it; when that changes the allowed origin the page must load again (a loaded
 * page keeps its policy), so the address is saved and the page reloads — the password is typed
 * again, it is never kept. In a browser nothing changes. Returns false when a reload is under way.
 */
async function allowServer(url: string): Promise<boolean> {
  const check = checkSyncServerUrl(url);
  if (!check.ok) return true; // the login itself names the bad address
  const allowed = await platform.allowSyncServer(check.url);
  if (!allowed.reload) return true;
  await setServerUrl(allowed.url);
  sessionStorage.setItem(SWITCHED_KEY, allowed.url);
  window.location.reload();
  return false;
}

/**
 * Login (online, the first time: tokens + a local verifier) or unlock (a saved login on this
 * device, checked offline against the verifier). The password lives only in this form's state.
 */
export function LoginForm({ mode, username: knownUser, onDone }: { mode: 'login' | 'unlock'; username?: string; onDone?: () => void }) {
  const { t, i18n } = useTranslation('sync');
  const [server, setServer] = useState('');
  const [username, setUsername] = useState(knownUser ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [switched, setSwitched] = useState<string | null>(null);

  useEffect(() => {
    void getServerUrl().then((u) => setServer((s) => s || u));
    const url = sessionStorage.getItem(SWITCHED_KEY);
    if (url) {
      sessionStorage.removeItem(SWITCHED_KEY);
      setSwitched(url);
    }
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const target = mode === 'unlock' ? await getServerUrl() : server;
      if (!(await allowServer(target))) return;
      if (mode === 'unlock') await unlock(username, password);
      else await loginOnline(server, username, password);
      setPassword('');
      onDone?.();
    } catch (err) {
      // The server's answers have their own wording; the device's refusals come from the catalog.
      const fromServer = err instanceof SyncHttpError || err instanceof SyncNetworkError;
      setError(fromServer ? syncErrorText(err, i18n.language) : errorText(err, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack component="form" spacing={2} onSubmit={submit} sx={{ maxWidth: 420 }} data-testid={`sync-${mode}-form`}>
      <Typography variant="body2" color="text.secondary">
        {mode === 'unlock' ? t('login.unlockHint', { name: knownUser }) : t('login.hint')}
      </Typography>
      {mode === 'login' && (
        <TextField label={t('login.server')} value={server} onChange={(e) => setServer(e.target.value)} size="small" slotProps={{ htmlInput: { 'data-testid': 'sync-server-url' } }} />
      )}
      <TextField label={t('login.username')} value={username} onChange={(e) => setUsername(e.target.value)} size="small" autoComplete="username" slotProps={{ htmlInput: { 'data-testid': 'sync-username' } }} />
      <TextField
        label={t('login.password')}
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        size="small"
        autoComplete={mode === 'unlock' ? 'current-password' : 'current-password'}
        slotProps={{ htmlInput: { 'data-testid': 'sync-password' } }}
      />
      {switched && <Alert severity="info" data-testid="sync-server-switched">{t('login.serverSwitched', { url: switched })}</Alert>}
      {error && <Alert severity="error" data-testid="sync-login-error">{error}</Alert>}
      <Button type="submit" variant="contained" disabled={busy} data-testid="sync-login-submit">
        {busy ? t('login.working') : mode === 'unlock' ? t('login.unlock') : t('login.submit')}
      </Button>
    </Stack>
  );
}

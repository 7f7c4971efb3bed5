import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { getServerUrl } from '../../data/syncState';
import { errorText, loginOnline, unlock } from '../../sync/session';

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

  useEffect(() => {
    void getServerUrl().then((u) => setServer((s) => s || u));
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
      if (mode === 'unlock') await unlock(username, password);
      else await loginOnline(server, username, password);
      setPassword('');
      onDone?.();
    } catch (err) {
      setError(errorText(err, i18n.language));
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
      {error && <Alert severity="error" data-testid="sync-login-error">{error}</Alert>}
      <Button type="submit" variant="contained" disabled={busy} data-testid="sync-login-submit">
        {busy ? t('login.working') : mode === 'unlock' ? t('login.unlock') : t('login.submit')}
      </Button>
    </Stack>
  );
}

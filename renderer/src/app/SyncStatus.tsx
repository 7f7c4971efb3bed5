import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import SyncIcon from '@mui/icons-material/Sync';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import { isUnlocked } from '../data/auth';
import { useCachedSession, useConflicts, usePendingCount } from '../data/syncStateHooks';
import { LoginForm } from '../areas/sync/LoginForm';
import { formatTime } from '../areas/sync/format';
import { syncEngine } from '../sync/engine';
import { logout } from '../sync/session';
import { useSyncStatus } from '../sync/store';
import { installSyncTestHooks } from '../sync/testHooks';

/**
 * A device with a saved login opens behind this screen until the password is typed (checked
 * offline against the local verifier). Devices nobody logged in on open as before.
 */
function SessionLock() {
  const { t } = useTranslation('sync');
  const cached = useCachedSession();
  const [, setUnlockedTick] = useState(0);
  if (!cached || isUnlocked(cached.session.user.id)) return null;
  return (
    <Dialog open fullScreen data-testid="sync-lock">
      <DialogTitle>{t('login.unlockTitle')}</DialogTitle>
      <DialogContent>
        <LoginForm mode="unlock" username={cached.session.user.username} onDone={() => setUnlockedTick((n) => n + 1)} />
        <Button sx={{ mt: 2 }} size="small" onClick={() => void logout()}>{t('login.switchUser')}</Button>
      </DialogContent>
    </Dialog>
  );
}

/** The top bar's sync indicator: offline / pending count / last sync / errors; opens the sync area. */
export function SyncStatus() {
  const { t } = useTranslation('sync');
  const s = useSyncStatus();
  const pending = usePendingCount() ?? 0;
  const cached = useCachedSession();
  const conflicts = (useConflicts() ?? []).filter((c) => c.status === 'open').length;

  useEffect(() => {
    installSyncTestHooks();
    syncEngine.start();
    return () => syncEngine.stop();
  }, []);

  let label: string;
  let icon = <CloudDoneIcon />;
  let color: 'default' | 'warning' | 'error' | 'success' | 'info' = 'default';
  if (!s.online) {
    label = pending ? `${t('status.offline')} · ${t('status.pending', { count: pending })}` : t('status.offline');
    icon = <CloudOffIcon />;
    color = 'warning';
  } else if (!cached) {
    label = pending ? `${t('status.notLoggedIn')} · ${t('status.pending', { count: pending })}` : t('status.notLoggedIn');
    icon = <CloudOffIcon />;
  } else if (s.running) {
    label = t('status.syncing');
    icon = <SyncIcon />;
    color = 'info';
  } else if (s.lastError) {
    label = pending ? `${t('status.error')} · ${t('status.pending', { count: pending })}` : t('status.error');
    icon = <ErrorOutlineIcon />;
    color = s.lastError.transient ? 'warning' : 'error';
  } else if (pending) {
    label = t('status.pending', { count: pending });
    icon = <CloudUploadIcon />;
  } else {
    label = s.lastSyncAt ? t('status.synced', { time: formatTime(s.lastSyncAt) }) : t('status.never');
    color = s.lastSyncAt ? 'success' : 'default';
  }
  if (conflicts) label = `${label} · ${t('status.conflicts', { count: conflicts })}`;

  return (
    <>
      <Tooltip title={s.lastError?.message ?? t('status.tooltip')}>
        <Chip
          component="a"
          href="#/sync"
          clickable
          size="small"
          icon={icon}
          color={color}
          label={label}
          sx={{ mr: 1, '& .MuiChip-label': { color: 'inherit' } }}
          data-testid="sync-status"
          data-online={String(s.online)}
          data-pending={pending}
          data-running={String(s.running)}
          data-error={s.lastError ? 'true' : 'false'}
        />
      </Tooltip>
      <SessionLock />
    </>
  );
}

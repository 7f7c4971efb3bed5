import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import SyncIcon from '@mui/icons-material/Sync';
import { usePendingCount } from '../../data/syncStateHooks';
import { syncEngine } from '../../sync/engine';
import { useSyncStatus } from '../../sync/store';
import { formatTime, syncErrorText } from './format';

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Box sx={{ minWidth: 96 }}>
      <Typography variant="caption" color="text.secondary">{label}</Typography>
      <Typography variant="h6" data-testid={testId}>{value}</Typography>
    </Box>
  );
}

/** The end-of-day sync: one button, live progress, the last outcome. */
export function SyncRunCard({ loggedIn }: { loggedIn: boolean }) {
  const { t, i18n } = useTranslation('sync');
  const s = useSyncStatus();
  const pending = usePendingCount() ?? 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!s.nextRetryAt) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [s.nextRetryAt]);
  const p = s.progress;
  const total = p.pushed + pending;
  const value = s.running ? (p.phase === 'push' && total > 0 ? (p.pushed / total) * 100 : undefined) : p.phase === 'done' ? 100 : 0;

  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6">{t('run.title')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('run.description')}</Typography>
          {!loggedIn && <Alert severity="info">{t('run.loginFirst')}</Alert>}
          {!s.online && <Alert severity="warning" data-testid="sync-offline">{t('run.offline')}</Alert>}
          <Box>
            <Button variant="contained" startIcon={<SyncIcon />} disabled={!loggedIn || s.running} onClick={() => void syncEngine.syncNow()} data-testid="sync-now">
              {s.running ? t('run.running') : t('run.button')}
            </Button>
          </Box>
          <Box>
            <Typography variant="body2" data-testid="sync-phase" data-phase={p.phase}>{t(`run.phase.${p.phase}`)}</Typography>
            <LinearProgress variant={value === undefined ? 'indeterminate' : 'determinate'} value={value ?? 0} sx={{ mt: 1 }} />
          </Box>
          <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Figure label={t('run.pushed')} value={p.pushed} testId="sync-pushed" />
            <Figure label={t('run.pulled')} value={p.pulled} testId="sync-pulled" />
            <Figure label={t('run.remaining')} value={pending} testId="sync-remaining" />
            <Figure label={t('run.attachments')} value={`${p.attachmentsDone}/${p.attachmentsTotal}`} testId="sync-attachments" />
            <Figure label={t('run.lastSync')} value={s.lastSyncAt ? formatTime(s.lastSyncAt) : '—'} testId="sync-last" />
          </Stack>
          {s.lastError && (
            <Alert severity={s.lastError.transient ? 'warning' : 'error'} data-testid="sync-error">
              {syncErrorText(s.lastError, i18n.language, t)}
              {s.nextRetryAt ? ` · ${t('run.nextRetry', { seconds: Math.max(0, Math.ceil((s.nextRetryAt - now) / 1000)) })}` : ''}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

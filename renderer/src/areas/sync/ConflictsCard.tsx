import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errors';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useConflicts } from '../../data/syncStateHooks';
import { resolveConflict, type ConflictChoice, type ConflictView } from '../../data/syncStateConflicts';
import { syncEngine } from '../../sync/engine';
import { showValue } from './format';

function ConflictRow({ c }: { c: ConflictView }) {
  const { t } = useTranslation('sync');
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = c.status === 'open';
  async function choose(choice: ConflictChoice) {
    setError(null);
    try {
      await resolveConflict(c.id, choice, choice === 'custom' ? custom : undefined);
      void syncEngine.syncNow();
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="sync-conflict" data-field={c.field} data-status={c.status}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle2">
            {t(`conflicts.entities.${c.entity}`, { defaultValue: c.entity })} · {c.recordLabel ?? c.recordId} · {t('conflicts.field')} {t(`conflicts.fields.${c.field}`, { defaultValue: c.field })}
          </Typography>
          {!open && <Chip size="small" label={t('conflicts.resolved')} />}
        </Stack>
        <Typography variant="body2">{t('conflicts.server')}: <b data-testid="sync-conflict-server">{showValue(c.serverValue)}</b></Typography>
        <Typography variant="body2">{t('conflicts.mine')}: <b data-testid="sync-conflict-mine">{showValue(c.clientValue)}</b></Typography>
        {open && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Button size="small" variant="outlined" onClick={() => void choose('server')} data-testid="sync-conflict-keep-server">{t('conflicts.keepServer')}</Button>
            <Button size="small" variant="outlined" onClick={() => void choose('client')} data-testid="sync-conflict-keep-mine">{t('conflicts.keepMine')}</Button>
            <TextField size="small" label={t('conflicts.custom')} value={custom} onChange={(e) => setCustom(e.target.value)} />
            <Button size="small" disabled={!custom} onClick={() => void choose('custom')}>{t('conflicts.apply')}</Button>
          </Stack>
        )}
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
    </Paper>
  );
}

/** The conflicts screen: each same-field clash, resolved by a person (the choice is a mutation). */
export function ConflictsCard() {
  const { t } = useTranslation('sync');
  const all = useConflicts() ?? [];
  const open = all.filter((c) => c.status === 'open');
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h6">{t('conflicts.title')}</Typography>
          {open.length === 0 ? (
            <Typography variant="body2" color="text.secondary" data-testid="sync-conflicts-empty">{t('conflicts.empty')}</Typography>
          ) : (
            <Typography variant="body2" color="text.secondary">{t('conflicts.description')}</Typography>
          )}
          {open.map((c) => <ConflictRow key={c.id} c={c} />)}
        </Stack>
      </CardContent>
    </Card>
  );
}

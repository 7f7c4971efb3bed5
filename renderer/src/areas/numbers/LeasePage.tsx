import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  LEASE_DEFAULT_HOURS,
  LEASE_MAX_COUNT,
  LEASE_MAX_HOURS,
  leaseRequestOutcome,
  leaseState,
  requestLeaseReturn,
  requestLeaseTake,
  withdrawLeaseRequest,
  type LeaseRecord,
} from '../../data/leases';
import { useLeases, useUserNames } from '../../data/leasesHooks';
import { useClockNow } from '../../data/numbersHooks';
import { SEGMENTS } from '../../data/numbersFilter';
import { useCurrentUser } from '../../data/usersHooks';
import { syncEngine } from '../../sync/engine';
import { useSyncStatus } from '../../sync/store';
import { errorText, formatHotline, useOfficeTime } from './format';

type Notice = { severity: 'success' | 'error' | 'warning'; text: string; numbers?: string[] } | null;

/**
 * Pushes a queued lease request now, through the sync engine (the same push and pull as the
 * end-of-day sync), and reads back what the server said. A request that could not be sent is
 * withdrawn: a lease is for going out now, not for whenever the device next gets online.
 */
async function pushNow(name: 'lease.take' | 'lease.return', leaseId: string) {
  await syncEngine.syncNow();
  await syncEngine.idle();
  const outcome = await leaseRequestOutcome(name, leaseId);
  if (outcome.state !== 'done') await withdrawLeaseRequest(name, leaseId);
  return outcome;
}

/**
 * 领用号码: a field agent takes a block of numbers (how many, which segment, for how long) before
 * going out offline, sees its leases with their expiry in office time, and returns what it did not
 * sell. Managers see every lease of the office and may return any. Needs the sync server.
 */
export function LeasePage() {
  const { t, i18n } = useTranslation('numbers');
  const en = i18n.language.startsWith('en');
  const user = useCurrentUser();
  const leases = useLeases();
  const names = useUserNames();
  const now = useClockNow();
  const time = useOfficeTime();
  const online = useSyncStatus((s) => s.online);
  const [count, setCount] = useState('10');
  const [prefix, setPrefix] = useState('');
  const [hours, setHours] = useState(String(LEASE_DEFAULT_HOURS));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const isAgent = user?.role === 'field_agent';
  const mayReturn = (l: LeaseRecord) => !l.returnedAt && (user?.role === 'manager' || user?.role === 'admin' || (isAgent && l.userId === user?.id));

  const countN = Number(count);
  const hoursN = Number(hours);
  const countBad = !Number.isInteger(countN) || countN < 1 || countN > LEASE_MAX_COUNT;
  const hoursBad = !Number.isInteger(hoursN) || hoursN < 1 || hoursN > LEASE_MAX_HOURS;

  const refusal = (o: { message: string; messageEn: string }) => t('lease.refused', { reason: en ? o.messageEn || o.message : o.message });

  const take = async () => {
    setNotice(null);
    if (!online) return setNotice({ severity: 'warning', text: t('lease.needsConnection') });
    setBusy(true);
    try {
      const id = await requestLeaseTake({ count: countN, prefix: prefix || undefined, hours: hoursN });
      const o = await pushNow('lease.take', id);
      if (o.state === 'refused') setNotice({ severity: 'error', text: refusal(o) });
      else if (o.state === 'pending') setNotice({ severity: 'warning', text: t('lease.notSent') });
      else setNotice({ severity: 'success', text: t('lease.granted', { count: o.lease?.numbers.length ?? 0, until: time(o.lease?.expiresAt) }), numbers: o.lease?.numbers });
    } catch (e) {
      setNotice({ severity: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const giveBack = async (l: LeaseRecord) => {
    setNotice(null);
    if (!online) return setNotice({ severity: 'warning', text: t('lease.needsConnection') });
    setBusy(true);
    try {
      await requestLeaseReturn(l.id);
      const o = await pushNow('lease.return', l.id);
      if (o.state === 'refused') setNotice({ severity: 'error', text: refusal(o) });
      else if (o.state === 'pending') setNotice({ severity: 'warning', text: t('lease.notSent') });
      else setNotice({ severity: 'success', text: t('lease.returned') });
    } catch (e) {
      setNotice({ severity: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box data-testid="lease-page">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('lease.help')}
      </Typography>
      {isAgent && (
        <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
          <Typography variant="subtitle1" sx={{ mb: 1 }}>
            {t('lease.takeTitle')}
          </Typography>
          {!online && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="lease-offline">
              {t('lease.needsConnection')}
            </Alert>
          )}
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2, alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={t('lease.count')}
              value={count}
              onChange={(e) => setCount(e.target.value)}
              error={countBad}
              helperText={countBad ? t('lease.countRange', { max: LEASE_MAX_COUNT }) : ' '}
              sx={{ width: 140 }}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'lease-count' } }}
            />
            <TextField select size="small" label={t('filter.segment')} value={prefix} onChange={(e) => setPrefix(e.target.value)} sx={{ minWidth: 160 }} helperText=" " data-testid="lease-segment">
              <MenuItem value="">{t('filter.any')}</MenuItem>
              {SEGMENTS.map((s) => (
                <MenuItem key={s} value={s}>
                  {s}（{t(`segmentCarrier.${s}`)}）
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              label={t('lease.hours')}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              error={hoursBad}
              helperText={hoursBad ? t('lease.hoursRange', { max: LEASE_MAX_HOURS }) : t('lease.hoursHelp')}
              sx={{ width: 170 }}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'lease-hours' } }}
            />
            <Button variant="contained" onClick={() => void take()} disabled={busy || countBad || hoursBad} data-testid="lease-take">
              {t('lease.take')}
            </Button>
          </Stack>
        </Paper>
      )}
      {notice && (
        <Alert severity={notice.severity} sx={{ mb: 2 }} data-testid="lease-notice" data-severity={notice.severity}>
          {notice.text}
          {notice.numbers && notice.numbers.length > 0 && (
            <Box component="div" sx={{ fontFamily: 'monospace', mt: 0.5 }} data-testid="lease-granted-numbers">
              {notice.numbers.map(formatHotline).join('  ')}
            </Box>
          )}
        </Alert>
      )}
      <Paper variant="outlined">
        <Table size="small" data-testid="lease-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('lease.holder')}</TableCell>
              <TableCell>{t('lease.takenAt')}</TableCell>
              <TableCell>{t('lease.expiresAt')}</TableCell>
              <TableCell>{t('lease.state')}</TableCell>
              <TableCell>{t('lease.numbers')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {leases && leases.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography color="text.secondary" data-testid="lease-empty">
                    {t('lease.none')}
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {(leases ?? []).map((l) => {
              const state = leaseState(l, now);
              return (
                <TableRow key={l.id} data-testid="lease-row" data-lease-id={l.id} data-state={state}>
                  <TableCell>{names?.get(l.userId) ?? l.userId.slice(0, 8)}</TableCell>
                  <TableCell>{time(l.takenAt)}</TableCell>
                  <TableCell>
                    {time(l.expiresAt)}
                    {state === 'grace' && (
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {t('lease.graceUntil', { until: time(l.graceUntil) })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={state === 'live' ? 'success' : state === 'grace' ? 'warning' : 'default'} label={t(`lease.stateName.${state}`)} />
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', maxWidth: 420 }} data-testid="lease-numbers">
                    {t('lease.numberCount', { count: l.numbers.length })}{l.numbers.map(formatHotline).join('  ')}
                  </TableCell>
                  <TableCell align="right">
                    {mayReturn(l) && (
                      <Button size="small" variant="outlined" disabled={busy} onClick={() => void giveBack(l)} data-testid="lease-return">
                        {t('lease.return')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}

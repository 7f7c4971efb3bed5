import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useAccounts } from '../../data/accountsHooks';
import type { StoredAccount } from '../../data/accountsTypes';
import { ListHeader } from './ListHeader';
import { AccountStatusChip } from './StatusChip';
import { hotline } from './format';

const STATUSES: StoredAccount['status'][] = ['active', 'suspended', 'terminated', 'closed'];

/** Service accounts with a status filter and a search box. */
export function AccountListPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const [status, setStatus] = useState<StoredAccount['status'] | undefined>(undefined);
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const rows = useAccounts({ status, text: deferred });
  return (
    <Box sx={{ p: 3 }}>
      <ListHeader tab="accounts" title={t('list.title')} />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Chip label={t('list.all')} color={status === undefined ? 'primary' : 'default'} onClick={() => setStatus(undefined)} />
        {STATUSES.map((s) => (
          <Chip key={s} label={t(`status.${s}`)} color={status === s ? 'primary' : 'default'} variant={status === s ? 'filled' : 'outlined'} onClick={() => setStatus(s)} />
        ))}
      </Box>
      <TextField fullWidth type="search" size="small" label={t('list.search')} placeholder={t('list.searchHint')} value={text} onChange={(e) => setText(e.target.value)} sx={{ mb: 2 }} />
      <Paper variant="outlined">
        {rows === undefined && <LinearProgress />}
        <TableContainer>
          <Table size="small" aria-label={t('list.title')} data-testid="account-list">
            <TableHead>
              <TableRow>
                {(['no', 'customer', 'number', 'status', 'openedOn', 'stateSince'] as const).map((c) => (
                  <TableCell key={c}>{t(`columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows?.map((a) => (
                <TableRow key={a.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(a.id)} data-testid="account-row">
                  <TableCell sx={{ fontFamily: 'monospace' }}>{a.no}</TableCell>
                  <TableCell>{a.customerName}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{hotline(a.numberDigits)}</TableCell>
                  <TableCell>
                    <AccountStatusChip status={a.status} />
                  </TableCell>
                  <TableCell>{a.openedOn ?? '—'}</TableCell>
                  <TableCell>{a.stateSince}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {rows && rows.length === 0 && (
          <Typography sx={{ p: 3 }} color="text.secondary">
            {t('list.empty')}
          </Typography>
        )}
      </Paper>
    </Box>
  );
}

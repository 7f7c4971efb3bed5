import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
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
import AddIcon from '@mui/icons-material/Add';
import { useApplicationCounts, useApplications } from '../../data/applicationsHooks';
import { APPLICATION_FLOW_STATUSES, type ApplicationFlowStatus } from '../../data/applicationsFlow';
import { useOfficeTime } from '../customers/officeTime';
import { ListHeader } from './ListHeader';
import { StatusChip } from './StatusChip';
import { hotline } from './format';

const LIMIT = 200;
type Filter = ApplicationFlowStatus | 'open' | 'all';

/** Applications by status, newest first, with a status filter and a search box. */
export function ApplicationListPage() {
  const { t } = useTranslation('applications');
  const navigate = useNavigate();
  const [status, setStatus] = useState<Filter>('open');
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const rows = useApplications({ status: status === 'all' ? undefined : status, text: deferred, limit: LIMIT });
  const counts = useApplicationCounts();
  const time = useOfficeTime();
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const openCount = counts ? total! - (counts.active ?? 0) - (counts.cancelled ?? 0) : undefined;

  const chip = (value: Filter, label: string, count: number | undefined) => (
    <Chip
      key={value}
      label={count === undefined ? label : `${label} ${count}`}
      color={status === value ? 'primary' : 'default'}
      variant={status === value ? 'filled' : 'outlined'}
      onClick={() => setStatus(value)}
      data-testid={`filter-${value}`}
    />
  );

  return (
    <Box sx={{ p: 3 }}>
      <ListHeader tab="applications" title={t('list.title')}>
        <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="new" data-testid="new-application">
          {t('list.new')}
        </Button>
      </ListHeader>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }} role="group" aria-label={t('columns.status')}>
        {chip('open', t('list.open'), openCount)}
        {chip('all', t('list.all'), total)}
        {APPLICATION_FLOW_STATUSES.map((s) => chip(s, t(`status.${s}`), counts?.[s] ?? 0))}
      </Box>
      <TextField
        fullWidth
        type="search"
        size="small"
        label={t('list.search')}
        placeholder={t('list.searchHint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        sx={{ mb: 2 }}
        slotProps={{ htmlInput: { 'data-testid': 'application-search' } }}
      />
      <Paper variant="outlined">
        {rows === undefined && <LinearProgress />}
        <TableContainer>
          <Table size="small" aria-label={t('list.title')} data-testid="application-list">
            <TableHead>
              <TableRow>
                {(['no', 'kind', 'customer', 'number', 'status', 'deemed', 'updatedAt'] as const).map((c) => (
                  <TableCell key={c} sx={{ whiteSpace: 'nowrap' }}>
                    {t(`columns.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows?.map((a) => (
                <TableRow key={a.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(a.id)} data-testid="application-row">
                  <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{a.no}</TableCell>
                  <TableCell>{t(`kind.${a.kind}`)}</TableCell>
                  <TableCell sx={{ minWidth: 200 }}>{a.customerName}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{hotline(a.numberDigits)}</TableCell>
                  <TableCell>
                    <StatusChip status={a.status} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.status === 'completion_received' ? (a.deemedAcceptanceOn ?? '—') : ''}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(a.updatedAt)}</TableCell>
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
      {rows && rows.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {rows.length >= LIMIT ? t('list.limited', { count: LIMIT }) : t('list.count', { count: rows.length })}
        </Typography>
      )}
    </Box>
  );
}

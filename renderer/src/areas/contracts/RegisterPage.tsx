import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { CONTRACT_STATUSES, type ContractRow, type ContractStatus } from '../../data/contractsTypes';
import { useContracts, useManagesContracts } from '../../data/contractsHooks';
import { hotline, useOfficeTime } from './format';
import { StatusChip } from './StatusChip';

const LIMIT = 200;
// Two facts per cell where they belong together, so the register fits a laptop screen without scrolling sideways.
const COLUMNS = ['number', 'customer', 'status', 'printedAt', 'signedOn', 'actions'] as const;

export interface ContractActions {
  onSign(c: ContractRow): void;
  onVoid(c: ContractRow): void;
}

/** 合同登记: every contract with its status, dates and signer; search; open to reprint; sign; void. */
export function RegisterPage({ onSign, onVoid }: ContractActions) {
  const { t } = useTranslation('contracts');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ContractStatus | 'all'>('all');
  const deferred = useDeferredValue(query);
  const rows = useContracts({ text: deferred, status, limit: LIMIT });
  const manages = useManagesContracts();
  const time = useOfficeTime();

  const cell = (c: ContractRow, col: (typeof COLUMNS)[number]) => {
    switch (col) {
      case 'number':
        return (
          <>
            <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
              {c.number}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {t(`templates.${c.templateId}`)}
            </Typography>
          </>
        );
      case 'customer':
        return (
          <>
            <Typography variant="body2">{c.customerName}</Typography>
            <Typography variant="caption" color="text.secondary">
              {hotline(c.hotlineDigits)}
            </Typography>
          </>
        );
      case 'status':
        return <StatusChip status={c.status} />;
      case 'printedAt':
        return time(c.printedAt);
      case 'signedOn':
        if (c.status === 'void') {
          return (
            <Typography variant="body2" color="error" data-testid="contract-void-reason">
              {c.voidReason}
            </Typography>
          );
        }
        return c.signedOn ? `${c.signedOn} · ${c.signer ?? ''}` : '';
      case 'actions':
        return (
          <Box sx={{ display: 'flex', gap: 0.5 }} onClick={(e) => e.stopPropagation()}>
            <Button size="small" onClick={() => navigate(c.id)} data-testid="contract-open">
              {c.status === 'draft' || c.status === 'void' ? t('actions.open') : t('actions.reprint')}
            </Button>
            {manages && c.status === 'printed' && (
              <Button size="small" onClick={() => onSign(c)} data-testid="contract-sign">
                {t('actions.sign')}
              </Button>
            )}
            {manages && c.status !== 'void' && (
              <Button size="small" color="error" onClick={() => onVoid(c)} data-testid="contract-void">
                {t('actions.void')}
              </Button>
            )}
          </Box>
        );
    }
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, mb: 2, mt: 1 }}>
        <TextField
          sx={{ flexGrow: 1 }}
          type="search"
          label={t('register.search')}
          placeholder={t('register.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          slotProps={{
            htmlInput: { 'data-testid': 'contract-search' },
            input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> },
          }}
        />
        <TextField select label={t('register.statusFilter')} value={status} onChange={(e) => setStatus(e.target.value as ContractStatus | 'all')} sx={{ minWidth: 160 }} slotProps={{ htmlInput: { 'data-testid': 'contract-status-filter' } }}>
          <MenuItem value="all">{t('status.all')}</MenuItem>
          {CONTRACT_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Paper variant="outlined">
        {rows === undefined && <LinearProgress />}
        <TableContainer>
          <Table size="small" aria-label={t('register.title')} data-testid="contract-register">
            <TableHead>
              <TableRow>
                {COLUMNS.map((col) => (
                  <TableCell key={col} sx={{ px: 1 }}>
                    {t(`register.columns.${col}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows?.map((c) => (
                <TableRow key={c.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(c.id)} data-testid="contract-row" data-number={c.number}>
                  {COLUMNS.map((col) => (
                    <TableCell key={col} sx={col === 'customer' || col === 'signedOn' ? { px: 1, minWidth: 160 } : { px: 1, whiteSpace: 'nowrap' }}>
                      {cell(c, col)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {rows && rows.length === 0 && (
          <Typography sx={{ p: 3 }} color="text.secondary">
            {deferred.trim() || status !== 'all' ? t('register.empty') : t('register.emptyStore')}
          </Typography>
        )}
      </Paper>
      {rows && rows.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('register.count', { count: rows.length })}
        </Typography>
      )}
    </Box>
  );
}

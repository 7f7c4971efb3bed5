import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
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
import SearchIcon from '@mui/icons-material/Search';
import { useCustomerSearch } from '../../data/customersHooks';
import type { CustomerListItem } from '../../data/customersSearch';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { useOfficeTime } from './officeTime';
import { useFirstAreaReady } from '../../app/firstAreaReady';

const LIMIT = 50;
const STATUS_COLOR = { pending: 'default', verified: 'success', rejected: 'error' } as const;
const COLUMNS = ['name', 'uscc', 'handlerName', 'handlerIdMasked', 'handlerMobile', 'landline', 'realNameStatus', 'updatedAt'] as const;

export function CustomerListPage() {
  const { t } = useTranslation('customers');
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  // Typing stays responsive; the search follows the deferred value.
  const deferred = useDeferredValue(query);
  const rows = useCustomerSearch(deferred, LIMIT);
  const time = useOfficeTime();
  // the shell preloads the other areas only once this first list is on screen
  useFirstAreaReady(rows !== undefined);

  const cell = (c: CustomerListItem, col: (typeof COLUMNS)[number]) => {
    if (col === 'updatedAt') return time(c.updatedAt);
    if (col === 'realNameStatus') {
      return <Chip size="small" variant="outlined" color={STATUS_COLOR[c.realNameStatus]} label={t(`verify.short.${c.realNameStatus}`)} />;
    }
    if (col === 'uscc') {
      return (
        <>
          <span style={{ fontFamily: 'monospace' }}>{c.uscc}</span>
          {c.usccOverridden && <Chip size="small" color="warning" label={t('list.overridden')} sx={{ ml: 1 }} />}
        </>
      );
    }
    if (col === 'handlerIdMasked') return <span style={{ fontFamily: 'monospace' }}>{c.handlerIdMasked}</span>;
    return c[col];
  };

  return (
    <Box sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('list.title')}
        </Typography>
        <CurrentUserSwitch />
        <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="new">
          {t('list.new')}
        </Button>
      </Box>
      <TextField
        fullWidth
        type="search"
        label={t('list.search')}
        placeholder={t('list.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        slotProps={{
          htmlInput: { 'data-testid': 'customer-search' },
          input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> },
        }}
        sx={{ mb: 2 }}
      />
      <Paper variant="outlined">
        {rows === undefined && <LinearProgress />}
        <TableContainer>
          <Table size="small" aria-label={t('list.title')} data-testid="customer-list">
            <TableHead>
              <TableRow>
                {COLUMNS.map((col) => (
                  <TableCell key={col} sx={{ whiteSpace: 'nowrap' }}>
                    {t(`columns.${col}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows?.map((c) => (
                <TableRow key={c.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(c.id)} data-testid="customer-row">
                  {COLUMNS.map((col) => (
                    <TableCell key={col} sx={col === 'name' ? { minWidth: 160 } : col === 'updatedAt' ? { minWidth: 90 } : { whiteSpace: 'nowrap' }}>
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
            {deferred.trim() ? t('list.empty') : t('list.emptyStore')}
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

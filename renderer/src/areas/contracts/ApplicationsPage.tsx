import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
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
import ArchiveIcon from '@mui/icons-material/Archive';
import SearchIcon from '@mui/icons-material/Search';
import { CONTRACT_TEMPLATE_IDS, type ContractTemplateId } from '../../../../shared';
import { createContractFromApplication, type ContractableApplication } from '../../data/contracts';
import { useContractableApplications, useManagesContracts } from '../../data/contractsHooks';
import { useUiStore } from '../../state/uiStore';
import { BatchDialog } from './BatchDialog';
import { errorText, hotline } from './format';

/** Approved 受理单: make one contract (then preview it), or select many for one zip of Word files. */
export function ApplicationsPage() {
  const { t } = useTranslation('contracts');
  const navigate = useNavigate();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const apps = useContractableApplications(deferred);
  const manages = useManagesContracts();
  const [templateId, setTemplateId] = useState<ContractTemplateId>('agreement-400');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [batch, setBatch] = useState<string[] | null>(null);

  const live = (a: ContractableApplication) => a.contracts.find((c) => c.templateId === templateId && c.status !== 'void');

  const make = async (a: ContractableApplication) => {
    try {
      const c = await createContractFromApplication(a.id, templateId);
      navigate(`/contracts/${c.id}`);
    } catch (e) {
      showSnackbar(errorText(e), 'error');
    }
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const visibleIds = apps?.map((a) => a.id) ?? [];
  const allSelected = visibleIds.length > 0 && visibleIds.every((id) => selected.has(id));

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, mb: 2, mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          sx={{ flexGrow: 1, minWidth: 260 }}
          type="search"
          label={t('applications.search')}
          placeholder={t('applications.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> } }}
        />
        <TextField select label={t('applications.template')} value={templateId} onChange={(e) => setTemplateId(e.target.value as ContractTemplateId)} sx={{ minWidth: 260 }} slotProps={{ htmlInput: { 'data-testid': 'template-select' } }}>
          {CONTRACT_TEMPLATE_IDS.map((id) => (
            <MenuItem key={id} value={id}>
              {t(`templates.${id}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" startIcon={<ArchiveIcon />} disabled={selected.size === 0} onClick={() => setBatch([...selected])} data-testid="batch-export">
          {t('applications.batch')}
        </Button>
        <Typography variant="body2" color="text.secondary" data-testid="batch-selected">
          {t('applications.selected', { count: selected.size })}
        </Typography>
      </Box>
      {manages === false && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('applications.managerOnly')}
        </Alert>
      )}
      <Paper variant="outlined">
        {apps === undefined && <LinearProgress />}
        <TableContainer>
          <Table size="small" aria-label={t('applications.title')} data-testid="contractable-applications">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allSelected}
                    indeterminate={!allSelected && visibleIds.some((id) => selected.has(id))}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(visibleIds))}
                    slotProps={{ input: { 'aria-label': t('applications.selectAll') } }}
                  />
                </TableCell>
                {(['no', 'customer', 'hotline', 'status', 'contracts'] as const).map((col) => (
                  <TableCell key={col} sx={{ whiteSpace: 'nowrap' }}>
                    {t(`applications.columns.${col}`)}
                  </TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {apps?.map((a) => {
                const existing = live(a);
                return (
                  <TableRow key={a.id} hover data-testid="contractable-row" data-customer={a.customerName}>
                    <TableCell padding="checkbox">
                      <Checkbox checked={selected.has(a.id)} onChange={() => toggle(a.id)} slotProps={{ input: { 'aria-label': a.no } }} data-testid="contractable-select" />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{a.no}</TableCell>
                    <TableCell sx={{ minWidth: 180 }}>{a.customerName}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{hotline(a.numberDigits)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`applications.statuses.${a.status}`, { defaultValue: a.status })}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                      {a.contracts
                        .filter((c) => c.status !== 'void')
                        .map((c) => `${c.number}（${t(`status.${c.status}`)}）`)
                        .join('，')}
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {existing ? (
                        <Button size="small" onClick={() => navigate(`/contracts/${existing.id}`)} data-testid="contractable-open">
                          {t('applications.open')}
                        </Button>
                      ) : (
                        <Button size="small" variant="outlined" disabled={!manages} onClick={() => void make(a)} data-testid="contractable-make">
                          {t('applications.make')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
        {apps && apps.length === 0 && (
          <Typography sx={{ p: 3 }} color="text.secondary">
            {t('applications.empty')}
          </Typography>
        )}
      </Paper>
      <BatchDialog
        applicationIds={batch}
        templateId={templateId}
        onClose={(finished) => {
          setBatch(null);
          if (finished) setSelected(new Set());
        }}
      />
    </Box>
  );
}

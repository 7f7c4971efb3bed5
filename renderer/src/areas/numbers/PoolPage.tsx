import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { useStatusCounts } from '../../data/numbersHooks';
import { SEGMENTS } from '../../data/numbersFilter';
import type { NumberRow, NumberStatus } from '../../data/rows';
import { NUMBER_STATES } from '../../../../shared';
import { NumberTable } from './NumberTable';
import { NumberActions } from './NumberActions';
import { ImportDialog } from './ImportDialog';
import { AddRangeDialog } from './AddRangeDialog';

/** 号码池: every number with its state; import a file or add a range (managers). */
export function PoolPage({ onReserve, onHistory }: { onReserve: (n: NumberRow) => void; onHistory: (digits: string) => void }) {
  const { t } = useTranslation('numbers');
  const counts = useStatusCounts();
  const [status, setStatus] = useState<NumberStatus | ''>('');
  const [segment, setSegment] = useState('');
  const [search, setSearch] = useState('');
  const contains = useDeferredValue(search);
  const [importing, setImporting] = useState(false);
  const [ranging, setRanging] = useState(false);
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }} data-testid="status-counts">
        {NUMBER_STATES.map((s) => (
          <Chip
            key={s}
            label={`${t(`status.${s}`)} ${counts?.[s] ?? '…'}`}
            color={status === s ? 'primary' : 'default'}
            variant={status === s ? 'filled' : 'outlined'}
            onClick={() => setStatus(status === s ? '' : s)}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          size="small"
          label={t('pool.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'pool-search', inputMode: 'numeric' } }}
        />
        <TextField select size="small" label={t('filter.segment')} value={segment} onChange={(e) => setSegment(e.target.value)} sx={{ minWidth: 140 }}>
          <MenuItem value="">{t('filter.any')}</MenuItem>
          {SEGMENTS.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="outlined" startIcon={<PlaylistAddIcon />} onClick={() => setRanging(true)} data-testid="open-range">
          {t('range.title')}
        </Button>
        <Button variant="contained" startIcon={<UploadFileIcon />} onClick={() => setImporting(true)} data-testid="open-import">
          {t('import.title')}
        </Button>
      </Stack>
      <NumberTable
        testId="pool-grid"
        query={{ ...(status ? { status } : {}), ...(segment ? { segment } : {}), contains }}
        actions={(n) => <NumberActions n={n} onReserve={onReserve} onHistory={onHistory} />}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
      <AddRangeDialog open={ranging} onClose={() => setRanging(false)} />
    </Box>
  );
}

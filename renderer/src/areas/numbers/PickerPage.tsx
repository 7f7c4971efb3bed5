import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useGradeRules } from '../../data/numbersHooks';
import { PICKER_PATTERNS, SEGMENTS, type PickerFilter } from '../../data/numbersFilter';
import type { NumberRow } from '../../data/rows';
import { parseYuanToFen } from '../../../../shared';
import { NumberTable } from './NumberTable';
import { NumberActions } from './NumberActions';

/** A yuan bound typed by the buyer → fen, or undefined when empty or not an amount. */
function bound(s: string): number | undefined {
  if (!s.trim()) return undefined;
  const r = parseYuanToFen(s);
  return r.ok ? r.fen : undefined;
}

/** 选号: the filters a buyer uses, over available numbers only. */
export function PickerPage({ onReserve, onHistory }: { onReserve: (n: NumberRow) => void; onHistory: (digits: string) => void }) {
  const { t } = useTranslation('numbers');
  const rules = useGradeRules();
  const [segment, setSegment] = useState('');
  const [grade, setGrade] = useState('');
  const [pattern, setPattern] = useState('');
  const [without4, setWithout4] = useState(false);
  const [tail, setTail] = useState('');
  const [minYuan, setMinYuan] = useState('');
  const [maxYuan, setMaxYuan] = useState('');
  const filter: PickerFilter = { segment, grade, pattern, without4, tail, minPriceFen: bound(minYuan), maxPriceFen: bound(maxYuan) };
  const deferred = useDeferredValue(filter);
  const badBound = (s: string) => s.trim() !== '' && bound(s) === undefined;
  return (
    <Box>
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2, alignItems: 'center' }} data-testid="picker-filters">
          <TextField select size="small" label={t('filter.segment')} value={segment} onChange={(e) => setSegment(e.target.value)} sx={{ minWidth: 150 }} data-testid="filter-segment">
            <MenuItem value="">{t('filter.any')}</MenuItem>
            {SEGMENTS.map((s) => (
              <MenuItem key={s} value={s}>
                {s}（{t(`segmentCarrier.${s}`)}）
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={t('filter.grade')} value={grade} onChange={(e) => setGrade(e.target.value)} sx={{ minWidth: 140 }} data-testid="filter-grade">
            <MenuItem value="">{t('filter.any')}</MenuItem>
            {(rules ?? []).map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={t('filter.pattern')} value={pattern} onChange={(e) => setPattern(e.target.value)} sx={{ minWidth: 170 }} data-testid="filter-pattern">
            <MenuItem value="">{t('filter.any')}</MenuItem>
            {PICKER_PATTERNS.map((p) => (
              <MenuItem key={p} value={p}>
                {t(`pattern.${p}`)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Checkbox checked={without4} onChange={(e) => setWithout4(e.target.checked)} data-testid="filter-without4" />} label={t('filter.without4')} />
          <TextField
            size="small"
            label={t('filter.tail')}
            value={tail}
            onChange={(e) => setTail(e.target.value.replace(/\D/g, '').slice(0, 7))}
            sx={{ width: 130 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'filter-tail' } }}
          />
          <TextField size="small" label={t('filter.minPrice')} value={minYuan} onChange={(e) => setMinYuan(e.target.value)} error={badBound(minYuan)} sx={{ width: 130 }} slotProps={{ htmlInput: { 'data-testid': 'filter-min-price' } }} />
          <TextField size="small" label={t('filter.maxPrice')} value={maxYuan} onChange={(e) => setMaxYuan(e.target.value)} error={badBound(maxYuan)} sx={{ width: 130 }} slotProps={{ htmlInput: { 'data-testid': 'filter-max-price' } }} />
        </Stack>
      </Paper>
      <NumberTable testId="picker-grid" query={{ ...deferred, status: 'available' }} actions={(n) => <NumberActions n={n} onReserve={onReserve} onHistory={onHistory} />} />
    </Box>
  );
}

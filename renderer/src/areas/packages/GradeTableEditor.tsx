import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFields, errorText } from '../../i18n/errors';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
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
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteIcon from '@mui/icons-material/Delete';
import AddIcon from '@mui/icons-material/Add';
import { useGradeRules, usePackages } from '../../data/numbersHooks';
import { useCurrentUser } from '../../data/usersHooks';
import { saveGradeRules, type GradeRuleInput } from '../../data/gradeRules';
import { ValidationError } from '../../data/errors';
import { useUiStore } from '../../state/uiStore';
import { NUMBER_PATTERNS, can } from '../../../../shared';
import { yuanText, yuanToFen } from './money';

interface EditRow {
  id?: string;
  name: string;
  patterns: string[];
  match: 'all' | 'any';
  price: string;
  minimum: string;
  requiredPackageId: string;
}

/**
 * 靓号等级表: ordered rules, first match wins. A manager edits names, patterns, prices and the
 * package a grade requires; saving re-grades the unsold numbers in the same transaction.
 */
export function GradeTableEditor() {
  const { t } = useTranslation('packages');
  const rules = useGradeRules();
  const packages = usePackages();
  const user = useCurrentUser();
  const mayEdit = !!user && can(user.role, 'gradeRule.edit');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [rows, setRows] = useState<EditRow[] | null>(null);
  const [error, setError] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (rules && rows === null) {
      setRows(
        rules.map((r) => ({
          id: r.id,
          name: r.name,
          patterns: [...r.patterns],
          match: r.match,
          price: yuanText(r.priceFen),
          minimum: yuanText(r.minimumMonthlyFen),
          requiredPackageId: r.requiredPackageId ?? '',
        })),
      );
    }
  }, [rules, rows]);

  if (!rows) return null;
  const update = (i: number, patch: Partial<EditRow>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) => {
    const next = [...rows];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    setRows(next);
  };

  const save = async () => {
    setError('');
    const errs: Record<string, string> = {};
    const input: GradeRuleInput[] = rows.map((r, i) => {
      const price = yuanToFen(r.price, t('grade.price'), true);
      const minimum = yuanToFen(r.minimum, t('grade.minimum'), true);
      if ('error' in price) errs[`rules.${i}`] = t('grade.rowError', { n: i + 1, reason: price.error });
      if ('error' in minimum) errs[`rules.${i}`] = t('grade.rowError', { n: i + 1, reason: minimum.error });
      return {
        ...(r.id ? { id: r.id } : {}),
        name: r.name,
        patterns: r.patterns,
        match: r.match,
        priceFen: 'fen' in price ? price.fen : 0,
        minimumMonthlyFen: 'fen' in minimum ? minimum.fen : 0,
        requiredPackageId: r.requiredPackageId || null,
      };
    });
    setFieldErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      const { regraded } = await saveGradeRules(input);
      showSnackbar(t('grade.saved', { count: regraded }));
      setRows(null); // reload from the store
    } catch (e) {
      if (e instanceof ValidationError) setFieldErrors(errorFields(e));
      setError(errorText(e));
    }
  };

  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('grade.help')}
      </Typography>
      {!mayEdit && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('managersOnly')}
        </Alert>
      )}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="grade-table">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{t('grade.name')}</TableCell>
              <TableCell>{t('grade.patterns')}</TableCell>
              <TableCell>{t('grade.match')}</TableCell>
              <TableCell>{t('grade.price')}</TableCell>
              <TableCell>{t('grade.minimum')}</TableCell>
              <TableCell>{t('grade.requiredPackage')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={r.id ?? `new-${i}`} data-testid="grade-row">
                <TableCell>{i + 1}</TableCell>
                <TableCell>
                  <TextField size="small" value={r.name} disabled={!mayEdit} onChange={(e) => update(i, { name: e.target.value })} sx={{ width: 120 }} error={!!fieldErrors[`rules.${i}`]} />
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    disabled={!mayEdit}
                    value={r.patterns}
                    onChange={(e) => update(i, { patterns: typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]) })}
                    slotProps={{ select: { multiple: true, renderValue: (v) => ((v as string[]).length ? (v as string[]).map((p) => t(`pattern.${p}`)).join('、') : t('grade.anyNumber')), displayEmpty: true } }}
                    sx={{ width: 200 }}
                  >
                    {NUMBER_PATTERNS.map((p) => (
                      <MenuItem key={p} value={p}>
                        {t(`pattern.${p}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell>
                  <TextField select size="small" disabled={!mayEdit} value={r.match} onChange={(e) => update(i, { match: e.target.value as 'all' | 'any' })} sx={{ width: 110 }}>
                    <MenuItem value="all">{t('grade.matchAll')}</MenuItem>
                    <MenuItem value="any">{t('grade.matchAny')}</MenuItem>
                  </TextField>
                </TableCell>
                <TableCell>
                  <TextField size="small" disabled={!mayEdit} value={r.price} onChange={(e) => update(i, { price: e.target.value })} sx={{ width: 110 }} slotProps={{ htmlInput: { 'data-testid': `grade-price-${i}` } }} />
                </TableCell>
                <TableCell>
                  <TextField size="small" disabled={!mayEdit} value={r.minimum} onChange={(e) => update(i, { minimum: e.target.value })} sx={{ width: 110 }} />
                </TableCell>
                <TableCell>
                  <TextField select size="small" disabled={!mayEdit} value={r.requiredPackageId} onChange={(e) => update(i, { requiredPackageId: e.target.value })} sx={{ width: 160 }} slotProps={{ select: { displayEmpty: true } }}>
                    <MenuItem value="">{t('grade.noPackage')}</MenuItem>
                    {(packages ?? []).map((p) => (
                      <MenuItem key={p.id} value={p.id}>
                        {p.name}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton size="small" aria-label={t('grade.up')} disabled={!mayEdit || i === 0} onClick={() => move(i, -1)}>
                    <ArrowUpwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('grade.down')} disabled={!mayEdit || i === rows.length - 1} onClick={() => move(i, 1)}>
                    <ArrowDownwardIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={t('grade.remove')} disabled={!mayEdit} onClick={() => setRows(rows.filter((_, k) => k !== i))}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {Object.values(fieldErrors).length > 0 && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {Object.values(fieldErrors).map((m) => (
            <div key={m}>{m}</div>
          ))}
        </Alert>
      )}
      {error && Object.values(fieldErrors).length === 0 && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 2, mt: 2 }}>
        <Button startIcon={<AddIcon />} disabled={!mayEdit} onClick={() => setRows([...rows, { name: '', patterns: [], match: 'all', price: '0', minimum: '0', requiredPackageId: '' }])}>
          {t('grade.add')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={() => setRows(null)}>{t('grade.reset')}</Button>
        <Button variant="contained" disabled={!mayEdit} onClick={() => void save()} data-testid="grade-save">
          {t('common.save')}
        </Button>
      </Box>
    </Box>
  );
}

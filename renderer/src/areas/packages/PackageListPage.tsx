import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import AddIcon from '@mui/icons-material/Add';
import { usePackages } from '../../data/numbersHooks';
import { useCurrentUser } from '../../data/usersHooks';
import type { StoredPackage } from '../../data/packages';
import { can, formatYuan } from '../../../../shared';
import { PackageDialog } from './PackageDialog';

/** 套餐列表: every package with its tariff; managers create and edit. */
export function PackageListPage() {
  const { t } = useTranslation('packages');
  const packages = usePackages(true);
  const user = useCurrentUser();
  const mayEdit = !!user && can(user.role, 'package.edit');
  const [editing, setEditing] = useState<StoredPackage | null>(null);
  const [open, setOpen] = useState(false);
  const openWith = (p: StoredPackage | null) => {
    setEditing(p);
    setOpen(true);
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, mb: 2, alignItems: 'center' }}>
        {!mayEdit && <Alert severity="info" sx={{ flexGrow: 1, py: 0 }}>{t('managersOnly')}</Alert>}
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => openWith(null)} disabled={!mayEdit} data-testid="pkg-new">
          {t('new')}
        </Button>
      </Box>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="package-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('field.name')}</TableCell>
              <TableCell align="right">{t('field.prepayment')}</TableCell>
              <TableCell align="right">{t('field.termMonths')}</TableCell>
              <TableCell align="right">{t('field.tariff')}</TableCell>
              <TableCell align="right">{t('field.includedMinutes')}</TableCell>
              <TableCell align="right">{t('field.monthlyMinimum')}</TableCell>
              <TableCell>{t('field.features')}</TableCell>
              <TableCell>{t('field.active')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(packages ?? []).map((p) => (
              <TableRow key={p.id} hover data-testid="package-row">
                <TableCell>{p.name}</TableCell>
                <TableCell align="right">{formatYuan(p.prepaymentFen)}</TableCell>
                <TableCell align="right">{p.termMonths}</TableCell>
                <TableCell align="right">{t('perMinute', { amount: formatYuan(p.tariffFenPerMinute) })}</TableCell>
                <TableCell align="right">{p.includedMinutes}</TableCell>
                <TableCell align="right">{formatYuan(p.monthlyMinimumFen)}</TableCell>
                <TableCell>
                  {p.featureFees.map((f) => (
                    <Chip key={f.name} size="small" sx={{ mr: 0.5, mb: 0.5 }} label={`${f.name} ${formatYuan(f.monthlyFen)}`} />
                  ))}
                </TableCell>
                <TableCell>{p.active ? t('status.active') : t('status.retired')}</TableCell>
                <TableCell>
                  <Button size="small" disabled={!mayEdit} onClick={() => openWith(p)}>
                    {t('edit')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
            {packages?.length === 0 && (
              <TableRow>
                <TableCell colSpan={9}>{t('empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <PackageDialog open={open} editing={editing} onClose={() => setOpen(false)} />
    </Box>
  );
}

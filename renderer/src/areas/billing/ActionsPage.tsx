import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useBillingActions } from '../../data/billingHooks';
import { useCurrentUser } from '../../data/usersHooks';
import { reverseBillingAction } from '../../data/billing';
import type { StoredBillingAction } from '../../data/ledgerTypes';
import { can } from '../../../../shared';
import { ReasonDialog } from './ReasonDialog';

/** Short columns (date, account number, action, mode) stay on one line; the reason takes the rest. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** 撤销: a manager reverses one automatic action with a reason (queued for the server, shown at once). */
function ReverseDialog({ action, onClose }: { action: StoredBillingAction; onClose: () => void }) {
  const { t } = useTranslation('billing');
  return (
    <ReasonDialog
      title={t('actions.dialogTitle')}
      summary={
        <>
          {action.onDate} · {t(`actions.kinds.${action.action}`)} · {action.reason}
        </>
      }
      label={t('actions.reasonLabel')}
      cancelText={t('actions.cancel')}
      confirmText={t('actions.confirm')}
      testIdPrefix="reverse"
      onConfirm={async (reason) => {
        await reverseBillingAction(action.id, reason);
      }}
      onClose={onClose}
    />
  );
}

/**
 * The collections job's log, as pulled from the server (readable offline); a manager reverses an
 * automatic action with a reason, offline too: it shows as reversed-and-pending until the sync.
 */
export function ActionsPage() {
  const { t } = useTranslation('billing');
  const rows = useBillingActions();
  const user = useCurrentUser();
  const [target, setTarget] = useState<StoredBillingAction | null>(null);
  const manager = !!user && can(user.role, 'account.suspend');
  if (!rows) return <LinearProgress />;
  return (
    <>
      {!manager && <Alert severity="info" sx={{ mb: 2 }}>{t('actions.managerOnly')}</Alert>}
      <Paper variant="outlined">
        <Table size="small" aria-label={t('tabs.actions')} data-testid="actions-table">
          <TableHead>
            <TableRow>
              {(['date', 'account', 'action', 'reason', 'automatic', 'state'] as const).map((c) => (
                <TableCell key={c} sx={c === 'reason' ? undefined : NO_WRAP}>{t(`actions.columns.${c}`)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.id}>
                <TableCell sx={NO_WRAP}>{a.onDate}</TableCell>
                <TableCell sx={{ ...NO_WRAP, fontFamily: 'monospace' }}>{a.accountNo ?? a.accountId}</TableCell>
                <TableCell sx={NO_WRAP}>{t(`actions.kinds.${a.action}`)}</TableCell>
                <TableCell>{a.reason}</TableCell>
                <TableCell sx={NO_WRAP}>{a.automatic ? t('actions.automatic') : t('actions.manual')}</TableCell>
                <TableCell>
                  {a.reversedAt ? (
                    <Chip size="small" color={a.reversalPending ? 'warning' : 'default'} label={`${a.reversalPending ? t('actions.pending') : t('actions.reversed')}：${a.reversalReason ?? ''}`} data-testid="action-reversed" />
                  ) : (
                    ''
                  )}
                </TableCell>
                <TableCell>
                  {a.automatic && !a.reversedAt && a.action !== 'reclaim' && (
                    <Button size="small" disabled={!manager} onClick={() => setTarget(a)}>
                      {t('actions.reverse')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('actions.empty')}
          </Typography>
        )}
      </Paper>
      {target && <ReverseDialog action={target} onClose={() => setTarget(null)} />}
    </>
  );
}

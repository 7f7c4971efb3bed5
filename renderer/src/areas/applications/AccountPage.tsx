import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useAccount, useAccountHistory, useOfficeSettings } from '../../data/accountsHooks';
import { useApplications, useCustomerRow, useNumberRow, usePackageRow } from '../../data/applicationsHooks';
import { useCurrentUser } from '../../data/usersHooks';
import { can, serviceAccountEventsFrom, type Action } from '../../../../shared';
import { useUiStore } from '../../state/uiStore';
import { useOfficeTime } from '../customers/officeTime';
import { AccountDialog, type AccountAction } from './AccountDialog';
import { AccountStatusChip, StatusChip } from './StatusChip';
import { hotline, yuan } from './format';
import { DetailField as Field, DetailHeader } from './DetailParts';

const PERMISSION: Record<AccountAction, Action> = {
  suspend: 'account.suspend',
  resume: 'account.suspend',
  terminate: 'account.terminate',
  close: 'account.close',
  transfer: 'account.terminate',
};

/** A service account: its number and status, the lifecycle actions, its forms and its history. */
export function AccountPage() {
  const { t } = useTranslation('accounts');
  const { t: ta } = useTranslation('applications');
  const { accountId } = useParams();
  const navigate = useNavigate();
  const account = useAccount(accountId);
  const history = useAccountHistory(accountId);
  const forms = useApplications({ accountId: accountId ?? '__none__' });
  const customer = useCustomerRow(account?.customerId);
  const number = useNumberRow(account?.numberDigits);
  const pkg = usePackageRow(account?.packageId);
  const settings = useOfficeSettings();
  const user = useCurrentUser();
  const time = useOfficeTime();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [dialog, setDialog] = useState<AccountAction | null>(null);

  if (account === undefined) return null;
  if (account === null) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity="warning">{t('detail.notFound')}</Alert>
      </Box>
    );
  }
  const possible = new Set(serviceAccountEventsFrom(account.status));
  const actions: AccountAction[] = (['suspend', 'resume', 'terminate', 'close'] as const).filter((a) => possible.has(a));
  if (account.status === 'active' || account.status === 'suspended') actions.push('transfer');
  const allowed = (a: AccountAction) => !!user && can(user.role, PERMISSION[a]);

  return (
    <Box sx={{ p: 3 }}>
      <DetailHeader
        backTo="/applications/accounts"
        backLabel={t('detail.back')}
        title={t('detail.title', { no: account.no })}
        chip={<AccountStatusChip status={account.status} />}
      />
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="account-actions">
          {actions.map((a) => (
            <Button
              key={a}
              variant={a === 'terminate' || a === 'close' ? 'outlined' : 'contained'}
              color={a === 'terminate' || a === 'close' ? 'error' : 'primary'}
              disabled={!allowed(a)}
              onClick={() => setDialog(a)}
              data-testid={`account-${a}`}
            >
              {t(`actions.${a}`)}
            </Button>
          ))}
          {(account.status === 'active' || account.status === 'suspended') && (
            <Button variant="outlined" onClick={() => navigate('change')} data-testid="account-change">
              {t('actions.change')}
            </Button>
          )}
          {actions.some((a) => !allowed(a)) && (
            <Typography variant="body2" color="text.secondary">
              {t('detail.roleHint')}
            </Typography>
          )}
        </Box>
      </Paper>
      {number?.status === 'cooling' && number.coolingUntil && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="number-cooling">
          {t('detail.numberCooling', { number: hotline(number.digits), date: time(number.coolingUntil) })}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { lg: '1fr 1fr' }, gap: 2 }}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
            <Field label={t('detail.customer')}>{customer ? <RouterLink to={`/customers/${customer.id}`}>{customer.name}</RouterLink> : '—'}</Field>
            <Field label={t('detail.number')}>{hotline(account.numberDigits)}</Field>
            <Field label={t('detail.numberStatus')} testId="account-number-status">
              {number ? t(`numberStatus.${number.status}`) : '—'}
            </Field>
            <Field label={t('detail.package')}>{pkg?.name ?? '—'}</Field>
            <Field label={t('detail.features')}>{account.features.join('、') || t('detail.none')}</Field>
            <Field label={t('detail.destinations')}>{account.requirement.destinationNumbers.join('、') || '—'}</Field>
            <Field label={t('detail.openedOn')}>{account.openedOn ?? '—'}</Field>
            <Field label={t('detail.termEndsOn')}>{account.termEndsOn ?? '—'}</Field>
            <Field label={t('detail.acceptance')}>
              {account.acceptance ? ta(account.acceptance === 'signed' ? 'detail.acceptanceSigned' : 'detail.acceptanceDeemed') : '—'}
            </Field>
            <Field label={t('detail.stateSince')}>{account.stateSince}</Field>
            <Field label={t('detail.statusReason')}>{account.statusReason || '—'}</Field>
            <Field label={t('detail.contractAmount')}>¥{yuan(account.contractAmountFen)}</Field>
            <Field label={t('detail.monthlyMinimum')}>¥{yuan(account.monthlyMinimumFen)}</Field>
          </Box>
        </Paper>
        <Box sx={{ display: 'grid', gap: 2, alignContent: 'start' }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1">{t('detail.forms')}</Typography>
            <List dense>
              {forms?.map((f) => (
                <ListItemButton key={f.id} component={RouterLink} to={`/applications/${f.id}`}>
                  <ListItemText primary={`${f.no} · ${ta(`kind.${f.kind}`)}`} secondary={time(f.updatedAt)} />
                  <StatusChip status={f.status} />
                </ListItemButton>
              ))}
            </List>
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1">{t('detail.history')}</Typography>
            <List dense data-testid="account-history">
              {history?.map((e, i) => (
                <Box key={e.id}>
                  {i > 0 && <Divider component="li" />}
                  <ListItem>
                    <ListItemText
                      primary={`${time(e.at)} · ${e.userName ?? ''} · ${e.from ? `${t(`status.${e.from}`)} → ` : ''}${t(`status.${e.to}`)}`}
                      secondary={e.reason}
                    />
                  </ListItem>
                </Box>
              ))}
            </List>
          </Paper>
        </Box>
      </Box>
      {dialog && (
        <AccountDialog
          account={account}
          action={dialog}
          coolingDays={settings?.coolingDays ?? 90}
          onClose={() => setDialog(null)}
          onDone={() => {
            showSnackbar(t('done', { action: t(`actions.${dialog}`) }));
            setDialog(null);
          }}
        />
      )}
    </Box>
  );
}

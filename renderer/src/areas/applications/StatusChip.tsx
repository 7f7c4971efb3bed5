import { useTranslation } from 'react-i18next';
import Chip, { type ChipProps } from '@mui/material/Chip';
import type { ApplicationFlowStatus } from '../../data/applicationsFlow';

const COLORS: Record<ApplicationFlowStatus, ChipProps['color']> = {
  draft: 'default',
  submitted: 'warning',
  approved: 'info',
  contract_signed: 'info',
  sent_to_carrier: 'info',
  completion_received: 'secondary',
  active: 'success',
  rejected: 'error',
  cancelled: 'default',
};

export function StatusChip({ status }: { status: ApplicationFlowStatus }) {
  const { t } = useTranslation('applications');
  return <Chip size="small" color={COLORS[status]} label={t(`status.${status}`)} data-testid="application-status" />;
}

const ACCOUNT_COLORS: Record<string, ChipProps['color']> = {
  active: 'success',
  suspended: 'warning',
  terminated: 'error',
  closed: 'default',
};

export function AccountStatusChip({ status }: { status: string }) {
  const { t } = useTranslation('accounts');
  return <Chip size="small" color={ACCOUNT_COLORS[status] ?? 'default'} label={t(`status.${status}`)} data-testid="account-status" />;
}

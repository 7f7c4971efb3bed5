import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import type { ContractStatus } from '../../data/contractsTypes';

const COLORS = { draft: 'default', printed: 'info', signed: 'success', void: 'error' } as const;

export function StatusChip({ status }: { status: ContractStatus }) {
  const { t } = useTranslation('contracts');
  return <Chip size="small" color={COLORS[status]} variant={status === 'void' ? 'outlined' : 'filled'} label={t(`status.${status}`)} data-testid="contract-status" />;
}

import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { releaseNumber } from '../../data/numbers';
import type { NumberRow } from '../../data/rows';
import { useUiStore } from '../../state/uiStore';
import { errorText, formatHotline } from './format';

/** The buttons of one number row: reserve / release as its state allows, and its history. */
export function NumberActions({ n, onReserve, onHistory }: { n: NumberRow; onReserve: (n: NumberRow) => void; onHistory: (digits: string) => void }) {
  const { t } = useTranslation('numbers');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const release = async () => {
    try {
      await releaseNumber(n.digits, t('actions.releaseReason'));
      showSnackbar(t('actions.released', { number: formatHotline(n.digits) }));
    } catch (e) {
      showSnackbar(errorText(e), 'error');
    }
  };
  return (
    <Stack direction="row" spacing={1}>
      {n.status === 'available' && (
        <Button size="small" variant="outlined" onClick={() => onReserve(n)} data-testid={`reserve-${n.digits}`}>
          {t('actions.reserve')}
        </Button>
      )}
      {n.status === 'reserved' && (
        <Button size="small" onClick={() => void release()} data-testid={`release-${n.digits}`}>
          {t('actions.release')}
        </Button>
      )}
      <Button size="small" onClick={() => onHistory(n.digits)} data-testid={`history-${n.digits}`}>
        {t('actions.history')}
      </Button>
    </Stack>
  );
}

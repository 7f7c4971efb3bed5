import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useDemoOfferState } from '../data/demoHooks';
import { dismissDemoOffer, loadDemoOffice, type DemoProgress } from '../data/demoLoad';
import { DEFAULT_DEMO_SIZE } from '../data/demoGenerate';
import { useUiStore } from '../state/uiStore';
import { errorText } from '../i18n/errors';
import { useAfterFirstAreaReady } from './firstAreaReady';

/**
 * On an empty store the shell offers a demo office (issue 4 item 7), so a newcomer sees a living
 * application. A banner rather than a modal dialog: it never blocks the clerk who wants to start
 * registering real customers at once, and it disappears by itself as soon as the store has data.
 */
export function DemoOfficeOffer() {
  // Whether the store is empty is three counts of the biggest tables (300k rows at office scale):
  // asked only once the area on screen shows its data, not in the way of the first list.
  return useAfterFirstAreaReady() ? <DemoOfficeBanner /> : null;
}

function DemoOfficeBanner() {
  const { t } = useTranslation('demo');
  const state = useDemoOfferState();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [progress, setProgress] = useState<DemoProgress | null>(null);

  if (state !== 'offer' && progress === null) return null;

  const load = async () => {
    setProgress({ done: 0, total: 1, stage: 'packages' });
    try {
      const r = await loadDemoOffice({ onProgress: setProgress });
      showSnackbar(t('loaded', { ...r }), 'success');
    } catch (e) {
      showSnackbar(t('failed', { message: errorText(e) }), 'error');
    } finally {
      setProgress(null);
    }
  };

  const percent = progress ? Math.round((progress.done / Math.max(1, progress.total)) * 100) : 0;
  return (
    <Box sx={{ px: 3, pt: 2 }} data-testid="demo-office-offer">
      <Alert
        severity="info"
        action={
          progress ? undefined : (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <Button variant="contained" size="small" onClick={() => void load()} data-testid="demo-load">
                {t('load')}
              </Button>
              <Button size="small" color="inherit" onClick={() => void dismissDemoOffer()} data-testid="demo-dismiss">
                {t('empty')}
              </Button>
            </Box>
          )
        }
      >
        <AlertTitle>{progress ? t('loading') : t('title')}</AlertTitle>
        {progress ? (
          <Box sx={{ minWidth: 320 }}>
            <LinearProgress variant="determinate" value={percent} aria-label={t('loading')} data-testid="demo-progress" />
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {t('progress', { stage: t(`stage.${progress.stage}`), done: progress.done, total: progress.total })} · {percent}%
            </Typography>
          </Box>
        ) : (
          t('body', { customers: DEFAULT_DEMO_SIZE.customers, numbers: DEFAULT_DEMO_SIZE.numbers })
        )}
      </Alert>
    </Box>
  );
}

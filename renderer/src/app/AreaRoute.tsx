import { Suspense, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { Area } from './areas';
import { AreaContext } from './AreaContext';
import { AreaErrorBoundary } from './AreaErrorBoundary';
import { signalFirstAreaReady } from './firstAreaReady';

/** One area on screen: its own Suspense (code loading) and error boundary. */
export function AreaRoute({ area }: { area: Area }) {
  // Bumped on retry so the area remounts from scratch instead of reusing broken state.
  const [attempt, setAttempt] = useState(0);
  return (
    <AreaContext.Provider value={area}>
      <AreaErrorBoundary
        key={attempt}
        fallback={(error) => <AreaError area={area} error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      >
        <Suspense fallback={<AreaLoading />}>
          <area.Component />
          <AreaCodeRendered />
        </Suspense>
      </AreaErrorBoundary>
    </AreaContext.Provider>
  );
}

/**
 * Rendered beside the area, so its effect runs once the area's code has loaded and rendered: from
 * then on the shell may preload the other areas. Not on the customer list, which waits until its
 * rows are on screen (useFirstAreaReady in CustomerListPage).
 */
function AreaCodeRendered() {
  const { pathname } = useLocation();
  const waitsForData = LISTS_SIGNALLING_DATA.some((re) => re.test(pathname));
  useEffect(() => {
    if (!waitsForData) signalFirstAreaReady();
  }, [waitsForData]);
  return null;
}

/** Pages that call useFirstAreaReady themselves when their first data is on screen. */
const LISTS_SIGNALLING_DATA = [/^\/customers\/?$/];

function AreaLoading() {
  const { t } = useTranslation('shell');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 3 }}>
      <CircularProgress size={24} />
      <Typography>{t('loading')}</Typography>
    </Box>
  );
}

function AreaError({ area, error, onRetry }: { area: Area; error: Error; onRetry: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <Box sx={{ p: 3, maxWidth: 720 }} data-testid="area-error">
      <Alert
        severity="error"
        action={
          <Button color="inherit" variant="outlined" size="small" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        }
      >
        <AlertTitle>{t('error.title')}</AlertTitle>
        {t('error.body', { area: t(area.labelKey) })}
        <Typography variant="body2" component="p" sx={{ mt: 1, fontFamily: 'monospace', opacity: 0.8 }}>
          {t('error.details')}: {error.message}
        </Typography>
      </Alert>
    </Box>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { toOfficeDate, type ContractTemplateId } from '../../../../shared';
import { nowIso } from '../../data/clock';
import { BatchCancelledError, exportContractsZip, type BatchFailure, type BatchProgress } from '../../data/contractsBatch';
import { platform } from '../../platform';
import { useUiStore } from '../../state/uiStore';
import { errorText } from './format';

type State =
  | { phase: 'running'; progress: BatchProgress }
  | { phase: 'done'; count: number; name: string; failures: BatchFailure[] }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

/** Runs one batch export as soon as it opens: progress bar, a cancel that stops it, the result. */
export function BatchDialog({ applicationIds, templateId, onClose }: { applicationIds: string[] | null; templateId: ContractTemplateId; onClose(finished: boolean): void }) {
  const { t } = useTranslation('contracts');
  const zone = useUiStore((s) => s.officeProfile?.timeZone) || 'Asia/Shanghai';
  const [state, setState] = useState<State | null>(null);
  const controller = useRef<AbortController | null>(null);
  const userCancelled = useRef(false);

  useEffect(() => {
    if (!applicationIds) return;
    const abort = new AbortController();
    controller.current = abort;
    userCancelled.current = false;
    setState({ phase: 'running', progress: { done: 0, total: applicationIds.length, current: null } });
    void (async () => {
      try {
        const result = await exportContractsZip(applicationIds, templateId, { signal: abort.signal, onProgress: (progress) => setState({ phase: 'running', progress }) });
        const name = t('batch.fileName', { date: toOfficeDate(nowIso(), zone), count: result.contracts.length });
        if (result.contracts.length > 0) await platform.saveFile({ suggestedName: name, data: result.zip, mimeType: 'application/zip', filters: [{ name: 'Zip', extensions: ['zip'] }] });
        setState({ phase: 'done', count: result.contracts.length, name, failures: result.failures });
      } catch (e) {
        // Aborted by the effect's cleanup (closed, or React re-running the effect): nobody to tell.
        if (e instanceof BatchCancelledError && !userCancelled.current) return;
        setState(e instanceof BatchCancelledError ? { phase: 'cancelled' } : { phase: 'failed', message: errorText(e) });
      }
    })();
    return () => abort.abort();
  }, [applicationIds, templateId, zone, t]);

  const running = state?.phase === 'running';
  return (
    <Dialog open={!!applicationIds} maxWidth="sm" fullWidth onClose={() => !running && onClose(state?.phase === 'done')}>
      <DialogTitle>{t('batch.title')}</DialogTitle>
      <DialogContent data-testid="batch-dialog">
        {state?.phase === 'running' && (
          <>
            <Typography sx={{ mb: 1 }} data-testid="batch-progress-text">
              {t('batch.progress', { done: Math.min(state.progress.done + 1, state.progress.total), total: state.progress.total })}
            </Typography>
            <LinearProgress variant="determinate" value={(state.progress.done / Math.max(1, state.progress.total)) * 100} data-testid="batch-progress" />
          </>
        )}
        {state?.phase === 'done' && (
          <>
            <Alert severity="success" data-testid="batch-done">
              {t('batch.done', { count: state.count, name: state.name })}
            </Alert>
            {state.failures.length > 0 && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {t('batch.failures', { count: state.failures.length })}
                {state.failures.map((f) => (
                  <div key={f.applicationId}>{errorText(f.error)}</div>
                ))}
              </Alert>
            )}
          </>
        )}
        {state?.phase === 'cancelled' && (
          <Alert severity="info" data-testid="batch-cancelled">
            {t('batch.cancelled')}
          </Alert>
        )}
        {state?.phase === 'failed' && <Alert severity="error">{state.message}</Alert>}
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button color="error" onClick={() => {
              userCancelled.current = true;
              controller.current?.abort();
            }} data-testid="batch-cancel">
            {t('batch.cancel')}
          </Button>
        ) : (
          <Button onClick={() => onClose(state?.phase === 'done')} data-testid="batch-close">
            {t('batch.close')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useUiStore } from '../../state/uiStore';

/** The one snackbar of the app; areas call useUiStore.getState().showSnackbar(message). */
export function GlobalSnackbar() {
  const snackbar = useUiStore((s) => s.snackbar);
  const close = useUiStore((s) => s.closeSnackbar);
  return (
    <Snackbar
      key={snackbar?.id}
      open={snackbar !== null}
      autoHideDuration={snackbar?.severity === 'error' ? null : 5000}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') close();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity={snackbar?.severity ?? 'info'} variant="filled" onClose={close} role="status" data-testid="snackbar">
        {snackbar?.message}
      </Alert>
    </Snackbar>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { renderContractDocx, type ContractDocument } from '../../../../shared';
import { platform, PLATFORM_HINTS } from '../../platform';
import { ContractPreviewFrame } from '../../print/ContractPreviewFrame';
import { ContractPrintView } from '../../print/ContractPrintView';
import { useUiStore } from '../../state/uiStore';
import { errorText } from '../../i18n/errors';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface StatementDoc {
  doc: ContractDocument;
  /** the file name without extension, e.g. 月度账单-202609-ACC-0001 */
  fileBase: string;
}

type Output = 'word' | 'print' | 'pdf';

/**
 * A statement or the office summary, shown and sent out like a contract: the shared HTML renderer
 * in a sandboxed preview, 下载 Word (the shared .docx writer: the same words), 打印 and 导出 PDF
 * through the platform layer (Electron's print / printToPDF over IPC; in a browser the print
 * dialog, where “Save as PDF” makes the PDF). Everything is built on the device: works offline.
 */
export function StatementDialog({ load, title, onClose }: { load: (() => Promise<StatementDoc>) | null; title: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('billing');
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [state, setState] = useState<{ loaded: StatementDoc } | { error: string } | null>(null);
  const [busy, setBusy] = useState<Output | null>(null);

  useEffect(() => {
    setState(null);
    if (!load) return;
    let live = true;
    load().then(
      (loaded) => live && setState({ loaded }),
      (e: unknown) => live && setState({ error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [load]);

  const loaded = state && 'loaded' in state ? state.loaded : null;

  const output = async (kind: Output) => {
    if (!loaded) return;
    setBusy(kind);
    try {
      if (kind === 'word') {
        const name = `${loaded.fileBase}.docx`;
        const r = await platform.saveFile({ suggestedName: name, data: await renderContractDocx(loaded.doc), mimeType: DOCX_MIME, filters: [{ name: 'Word', extensions: ['docx'] }] });
        if (r.saved) showSnackbar(r.path ? t('statement.saved', { name: r.path }) : t('statement.downloaded', { name }), 'success');
      } else if (kind === 'print') {
        await platform.printView();
      } else {
        const r = await platform.printViewToPdf(`${loaded.fileBase}.pdf`);
        if (r.hint) showSnackbar(PLATFORM_HINTS[r.hint][i18n.language === 'en' ? 'en' : 'zh-CN'], 'info');
        else if (r.saved) showSnackbar(t('statement.saved', { name: r.path ?? '' }), 'success');
      }
    } catch (e) {
      showSnackbar(errorText(e), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog open={!!load} onClose={onClose} fullWidth maxWidth="lg" data-testid="statement-dialog">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
          <Button variant="contained" startIcon={<DescriptionIcon />} disabled={!loaded || !!busy} onClick={() => void output('word')} data-testid="statement-word">
            {t('statement.word')}
          </Button>
          <Button variant="outlined" startIcon={<PrintIcon />} disabled={!loaded || !!busy} onClick={() => void output('print')} data-testid="statement-print">
            {t('statement.print')}
          </Button>
          <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={!loaded || !!busy} onClick={() => void output('pdf')} data-testid="statement-pdf">
            {t('statement.pdf')}
          </Button>
          <Box sx={{ flexGrow: 1 }} />
          <Button onClick={onClose} data-testid="statement-close">
            {t('statement.close')}
          </Button>
        </Box>
        {(busy || (load && !state)) && <LinearProgress sx={{ mb: 1 }} />}
        {state && 'error' in state && <Alert severity="error">{state.error}</Alert>}
        {loaded && (
          <>
            <ContractPreviewFrame doc={loaded.doc} title={title} />
            <ContractPrintView doc={loaded.doc} />
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}

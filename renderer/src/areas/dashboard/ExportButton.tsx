import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { platform } from '../../platform';
import { XLSX_MIME, sheetsToXlsx, type XlsxSheet } from './xlsx';

/** Exports one table of the dashboard to .xlsx (save dialog in Electron, a download in a browser). */
export function ExportButton({ fileName, sheet, testId }: { fileName: string; sheet: () => XlsxSheet; testId: string }) {
  const { t } = useTranslation('dashboard');
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const data = await sheetsToXlsx([sheet()]);
      await platform.saveFile({ suggestedName: fileName, data, mimeType: XLSX_MIME, filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button size="small" startIcon={<FileDownloadIcon />} disabled={busy} onClick={() => void run()} data-testid={testId}>
      {t('export')}
    </Button>
  );
}

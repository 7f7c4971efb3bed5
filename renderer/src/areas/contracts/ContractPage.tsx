import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { CONTRACT_TEMPLATES, renderContractDocx, type ContractDocument } from '../../../../shared';
import { contractDocument, contractFileName, markContractPrinted, refreshContractDraft, signedCopyBlob } from '../../data/contracts';
import { useContract, useManagesContracts } from '../../data/contractsHooks';
import type { ContractRow } from '../../data/contractsTypes';
import { platform, PLATFORM_HINTS } from '../../platform';
import { ContractPreviewFrame } from '../../print/ContractPreviewFrame';
import { ContractPrintView } from '../../print/ContractPrintView';
import { useUiStore } from '../../state/uiStore';
import { DOCX_MIME, errorText, hotline, useOfficeTime } from './format';
import type { ContractActions } from './RegisterPage';
import { StatusChip } from './StatusChip';

type Output = 'print' | 'pdf' | 'word';

/** One contract: the preview, 打印 / 打印为 PDF / 保存 Word, signing, voiding and its history. */
export function ContractPage({ onSign, onVoid }: ContractActions) {
  const { id } = useParams();
  const { t, i18n } = useTranslation('contracts');
  const contract = useContract(id);
  const manages = useManagesContracts();
  const time = useOfficeTime();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [busy, setBusy] = useState<Output | 'refresh' | null>(null);

  const built = useMemo((): { doc: ContractDocument } | { error: string } | null => {
    if (!contract) return null;
    try {
      return { doc: contractDocument(contract) };
    } catch (e) {
      return { error: errorText(e) };
    }
  }, [contract]);

  if (contract === undefined) return <LinearProgress />;
  if (contract === null) return <Alert severity="warning">{t('detail.notFound')}</Alert>;

  const hint = (code: keyof typeof PLATFORM_HINTS) => PLATFORM_HINTS[code][i18n.language === 'en' ? 'en' : 'zh-CN'];

  // Every copy that leaves the app first freezes a draft (number and words), then goes out.
  const output = async (kind: Output) => {
    setBusy(kind);
    try {
      const row = await markContractPrinted(contract.id, kind);
      if (kind === 'word') {
        const name = contractFileName(row);
        const bytes = await renderContractDocx(contractDocument(row));
        const r = await platform.saveFile({ suggestedName: name, data: bytes, mimeType: DOCX_MIME, filters: [{ name: 'Word', extensions: ['docx'] }] });
        if (r.saved) showSnackbar(r.path ? t('detail.saved', { name: r.path }) : t('detail.downloaded', { name }), 'success');
      } else if (kind === 'print') {
        await platform.printView();
      } else {
        const r = await platform.printViewToPdf(contractFileName(row, 'pdf'));
        if (r.hint) showSnackbar(hint(r.hint), 'info');
        else if (r.saved) showSnackbar(t('detail.saved', { name: r.path ?? '' }), 'success');
      }
    } catch (e) {
      showSnackbar(errorText(e), 'error');
    } finally {
      setBusy(null);
    }
  };

  const refresh = async () => {
    setBusy('refresh');
    try {
      await refreshContractDraft(contract.id);
      showSnackbar(t('detail.refreshed'), 'success');
    } catch (e) {
      showSnackbar(errorText(e), 'error');
    } finally {
      setBusy(null);
    }
  };

  const viewCopy = async (c: ContractRow) => {
    const blob = await signedCopyBlob(c);
    if (blob) window.open(URL.createObjectURL(blob), '_blank', 'noopener');
  };

  const canOutput = contract.status !== 'void' && built !== null && 'doc' in built;

  return (
    <Box>
      <Button component={RouterLink} to="/contracts" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
        {t('actions.back')}
      </Button>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h5" component="h1" data-testid="contract-number" sx={{ fontFamily: 'monospace' }}>
          {contract.number}
        </Typography>
        <StatusChip status={contract.status} />
        <Typography color="text.secondary">
          {t(`templates.${contract.templateId}`)} · {contract.customerName} · {hotline(contract.hotlineDigits)} · {t('detail.application', { no: contract.applicationNo })}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 2 }}>
        {contract.provisional && contract.status !== 'void' && <Alert severity="info">{t('detail.provisional')}</Alert>}
        {contract.status === 'draft' && <Alert severity="warning">{t('detail.draft')}</Alert>}
        {contract.snapshot && (
          <Alert severity="success" data-testid="contract-frozen">
            {t('detail.frozen', { template: CONTRACT_TEMPLATES[contract.snapshot.templateId].title, version: contract.snapshot.templateVersion, at: time(contract.snapshot.printedAt) })}{' '}
            {t('detail.printCount', { count: contract.printCount })}
          </Alert>
        )}
        {contract.status === 'signed' && contract.signedCopy && (
          <Alert
            severity="success"
            action={
              <Button color="inherit" size="small" onClick={() => void viewCopy(contract)}>
                {t('actions.viewCopy')}
              </Button>
            }
          >
            {t('detail.signed', { date: contract.signedOn, signer: contract.signer })} ·{' '}
            {t('detail.signedCopy', { name: contract.signedCopy.fileName, sha: contract.signedCopy.sha256.slice(0, 12) })}
          </Alert>
        )}
        {contract.status === 'void' && <Alert severity="error">{t('detail.voided', { reason: contract.voidReason })}</Alert>}
        {built && 'error' in built && <Alert severity="error">{built.error}</Alert>}
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Button variant="contained" startIcon={<PrintIcon />} disabled={!canOutput || !!busy} onClick={() => void output('print')} data-testid="contract-print">
          {t('actions.print')}
        </Button>
        <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={!canOutput || !!busy} onClick={() => void output('pdf')} data-testid="contract-pdf">
          {t('actions.pdf')}
        </Button>
        <Button variant="outlined" startIcon={<DescriptionIcon />} disabled={!canOutput || !!busy} onClick={() => void output('word')} data-testid="contract-word">
          {t('actions.word')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        {manages && contract.status === 'draft' && (
          <Button disabled={!!busy} onClick={() => void refresh()} data-testid="contract-refresh">
            {t('actions.refresh')}
          </Button>
        )}
        {manages && contract.status === 'printed' && (
          <Button onClick={() => onSign(contract)} data-testid="contract-sign">
            {t('actions.sign')}
          </Button>
        )}
        {manages && contract.status !== 'void' && (
          <Button color="error" onClick={() => onVoid(contract)} data-testid="contract-void">
            {t('actions.void')}
          </Button>
        )}
      </Box>
      {busy && <LinearProgress sx={{ mb: 1 }} />}
      {built && 'doc' in built && (
        <>
          <ContractPreviewFrame doc={built.doc} title={t('detail.preview')} />
          {contract.status !== 'void' && <ContractPrintView doc={built.doc} />}
        </>
      )}
      <Paper variant="outlined" sx={{ p: 2, mt: 2 }}>
        <Typography variant="subtitle2" gutterBottom>
          {t('detail.history')}
        </Typography>
        {contract.steps.map((s, i) => (
          <Typography key={i} variant="body2" color="text.secondary">
            {time(s.at)} · {s.userName} · {t(`events.${s.event}`)}
            {s.note ? ` · ${s.note}` : ''}
          </Typography>
        ))}
      </Paper>
    </Box>
  );
}

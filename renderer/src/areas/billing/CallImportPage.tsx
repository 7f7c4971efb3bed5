import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { can, type CallField, type CarrierMapping } from '../../../../shared';
import { callFileFormat, carrierMappingOf, checkPreview, columnsFor, doubleMapped, knownCarriers, missingCallFields, previewCallFile, type CallColumns, type PastCallImport } from '../../data/callImport';
import { useCurrentUser } from '../../data/usersHooks';
import { useBillingSettings } from '../../data/billingHooks';
import { getCarrierMapping, hasServerSession, listCallImports, listMappedCarriers, uploadCallFile, UploadCancelled, type CallImportResult } from '../../sync/callImportApi';
import { useSyncStatus } from '../../sync/store';
import { errorText } from '../../i18n/errors';
import type { SourceTable } from '../../imports';
import { CallImportMapping } from './CallImportMapping';
import { CallImportOutcome } from './CallImportOutcome';
import { CallImportHistory } from './CallImportHistory';

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
/** A file's size for its button: KB below a megabyte (a test file would read 0.0 MB). */
const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${mb(n)} MB`);

/**
 * 话单导入 (`#/billing/imports`): a carrier's call-record file goes to the server, which checks,
 * rates and stores the calls (they never live on the device). Choose the carrier (the ones already
 * imported for are offered) and the file; the header and first rows are read here for the preview;
 * the columns come prefilled from the carrier's saved mapping (else guessed from the header) and
 * can be saved back. Upload with progress and cancel; the answer shows the counts, or every bad
 * row by line and field when the server refuses the file (then nothing was saved).
 */
export function CallImportPage() {
  const { t } = useTranslation('billing');
  const user = useCurrentUser();
  const online = useSyncStatus((s) => s.online);
  // times without a zone in the file are the office's wall clock, as the server reads them
  const officeZone = useBillingSettings()?.timeZone;
  const [session, setSession] = useState<boolean | null>(null);
  const [imports, setImports] = useState<PastCallImport[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [mappedCarriers, setMappedCarriers] = useState<string[]>([]);
  const [carrier, setCarrier] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState<SourceTable | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const [saved, setSaved] = useState<CarrierMapping | null | undefined>(undefined);
  const [cols, setCols] = useState<CallColumns | null>(null);
  const [feeUnit, setFeeUnit] = useState<'fen' | 'yuan'>('yuan');
  const [saveMapping, setSaveMapping] = useState(true);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [result, setResult] = useState<CallImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  const refreshList = useCallback(async () => {
    try {
      const [list, carriers] = await Promise.all([listCallImports(), listMappedCarriers()]);
      setImports(list);
      setMappedCarriers(carriers);
      setListError(null);
    } catch (e) {
      setListError(e);
    }
  }, []);

  useEffect(() => {
    void hasServerSession().then(setSession);
  }, []);
  useEffect(() => {
    if (session && online) void refreshList();
  }, [session, online, refreshList]);

  // The carrier's saved mapping, looked up once both a carrier and a file's header are there.
  const name = carrier.trim();
  useEffect(() => {
    if (!table || !name || !online || !session) return;
    let live = true;
    const timer = setTimeout(() => {
      getCarrierMapping(name)
        .then((m) => {
          if (!live) return;
          setSaved(m);
          setCols(columnsFor(table.headers, m));
          setFeeUnit(m?.feeUnit ?? 'yuan');
          setSaveMapping(!m);
        })
        .catch((e: unknown) => live && setError(e));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [name, table, online, session]);

  const pick = async (f: File | undefined) => {
    setResult(null);
    setError(null);
    setFileError(null);
    setTable(null);
    setCols(null);
    setFile(f ?? null);
    if (!f) return;
    try {
      if (!callFileFormat(f.name)) throw new Error(t('callImport.badType', { name: f.name }));
      const read = await previewCallFile(f);
      setTable(read);
      setCols(columnsFor(read.headers, null));
    } catch (e) {
      setFileError(e);
    }
  };

  const setCol = (field: CallField, col: number | null) => setCols((c) => (c ? { ...c, [field]: col } : c));

  const run = async () => {
    if (!file || !table || !cols) return;
    const mapping = carrierMappingOf(table.headers, cols, feeUnit, saved?.timeZone);
    const format = callFileFormat(file.name);
    if (!mapping || !format) return;
    setResult(null);
    setError(null);
    setProgress({ sent: 0, total: file.size });
    abort.current = new AbortController();
    try {
      const r = await uploadCallFile({ file, carrier: name, format, mapping, saveMapping, signal: abort.current.signal, onProgress: (sent, total) => setProgress({ sent, total }) });
      setResult(r);
      if (saveMapping) {
        setSaved(mapping);
        setSaveMapping(false);
      }
      void refreshList();
    } catch (e) {
      setError(e instanceof UploadCancelled ? new Error(t('callImport.cancelled')) : e);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  if (user === undefined || session === null) return <LinearProgress />;
  if (!user || !can(user.role, 'callRecord.import')) return <Alert severity="info">{t('callImport.notAllowed')}</Alert>;
  if (!session) return <Alert severity="info" data-testid="call-import-offline">{t('callImport.noSession')}</Alert>;

  const missing = cols ? missingCallFields(cols) : [];
  const twice = cols ? doubleMapped(cols) : [];
  const uploading = progress !== null;
  const ready = online && !!file && !!table && !!cols && !!name && missing.length === 0 && twice.length === 0 && !uploading;
  const draft = table && cols ? carrierMappingOf(table.headers, cols, feeUnit, saved?.timeZone) : null;
  const previewProblems = table && draft ? checkPreview(table, draft, officeZone) : [];
  const pct = progress && progress.total ? Math.round((progress.sent / progress.total) * 100) : 0;
  const fieldList = (fs: CallField[]) => fs.map((f) => t(`callImport.fields.${f}`)).join(t('callImport.listSep'));

  return (
    <Box data-testid="call-import">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('callImport.help')}
      </Typography>
      {!online && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="call-import-offline">
          {t('callImport.offline')}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <Autocomplete
            freeSolo
            options={knownCarriers(imports ?? [], mappedCarriers)}
            inputValue={carrier}
            onInputChange={(_e, v) => setCarrier(v)}
            disabled={uploading}
            sx={{ width: 260 }}
            renderInput={(params) => <TextField {...params} size="small" label={t('callImport.carrier')} helperText={t('callImport.carrierHelp')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, maxLength: 50, 'data-testid': 'call-import-carrier' } }} />}
          />
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={uploading}>
            {file ? `${file.name} (${size(file.size)})` : t('callImport.choose')}
            <input
              hidden
              type="file"
              accept=".csv,.xlsx,.txt"
              data-testid="call-import-file"
              onChange={(e) => {
                void pick(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </Button>
        </Box>
        {fileError !== null && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorText(fileError)}
          </Alert>
        )}
        {table && cols && (
          <>
            {name && saved !== undefined && (
              <Alert severity={saved ? 'info' : 'warning'} sx={{ mt: 2 }} data-testid="call-import-saved">
                {saved ? t('callImport.savedUsed', { carrier: name }) : t('callImport.noSaved', { carrier: name })}
              </Alert>
            )}
            <CallImportMapping table={table} cols={cols} onChange={setCol} disabled={uploading} />
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
              <TextField select size="small" label={t('callImport.feeUnit')} value={feeUnit} onChange={(e) => setFeeUnit(e.target.value as 'fen' | 'yuan')} sx={{ width: 200 }} disabled={uploading}>
                <MenuItem value="yuan">{t('callImport.feeYuan')}</MenuItem>
                <MenuItem value="fen">{t('callImport.feeFen')}</MenuItem>
              </TextField>
              <FormControlLabel
                control={<Checkbox checked={saveMapping} onChange={(e) => setSaveMapping(e.target.checked)} disabled={uploading} slotProps={{ input: { 'data-testid': 'call-import-save-mapping' } as object }} />}
                label={t('callImport.saveMapping', { carrier: name || '…' })}
              />
            </Box>
            {missing.length > 0 && (
              <Alert severity="warning" sx={{ mt: 2 }} data-testid="call-import-missing">
                {t('callImport.missing', { fields: fieldList(missing) })}
              </Alert>
            )}
            {previewProblems.length > 0 && (
              <Alert severity="warning" sx={{ mt: 2 }} data-testid="call-import-preview-problems">
                {t('callImport.previewProblems')}
                {previewProblems.slice(0, 5).map((p, i) => (
                  <Typography key={i} variant="body2">
                    {t('callImport.rowN', { n: p.row })} · {p.field ? t(`callImport.fields.${p.field}`) : ''} · {p.message}
                  </Typography>
                ))}
              </Alert>
            )}
            {twice.length > 0 && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                {t('callImport.twice', { fields: fieldList(twice) })}
              </Alert>
            )}
          </>
        )}
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 2 }}>
          <Button variant="contained" disabled={!ready} onClick={() => void run()} data-testid="call-import-run">
            {t('callImport.run')}
          </Button>
          {uploading && (
            <Button color="warning" onClick={() => abort.current?.abort()} data-testid="call-import-cancel">
              {t('callImport.cancel')}
            </Button>
          )}
          {!name && file && <Typography variant="body2" color="text.secondary">{t('callImport.needCarrier')}</Typography>}
        </Box>
        {progress && (
          <Box sx={{ mt: 2 }} data-testid="call-import-progress">
            <LinearProgress variant={pct < 100 ? 'determinate' : 'indeterminate'} value={pct} />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {pct < 100 ? t('callImport.uploading', { pct, sent: mb(progress.sent), total: mb(progress.total) }) : t('callImport.checking')}
            </Typography>
          </Box>
        )}
        <CallImportOutcome result={result} error={error} />
      </Paper>
      {listError !== null ? (
        <Alert severity="warning" sx={{ mt: 3 }}>
          {t('callImport.historyFailed', { reason: errorText(listError) })}
        </Alert>
      ) : (
        imports && <CallImportHistory imports={imports} />
      )}
    </Box>
  );
}

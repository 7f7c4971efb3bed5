import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errors';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { ATTACHMENT_KINDS, addAttachment, attachmentBlob } from '../../data/attachments';
import { useAttachmentMaxBytes, useAttachments } from '../../data/customersHooks';
import type { AttachmentKind, AttachmentRow } from '../../data/rows';
import { useUiStore } from '../../state/uiStore';
import { platform } from '../../platform';
import { useOfficeTime } from './officeTime';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Business licence and handler ID scans: upload (type checked from the bytes), SHA-256, preview. */
export function AttachmentsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const rows = useAttachments(customerId);
  const limit = useAttachmentMaxBytes();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const time = useOfficeTime();
  const inputs = useRef<Partial<Record<AttachmentKind, HTMLInputElement | null>>>({});
  const [previewId, setPreviewId] = useState<string | null>(null);

  const upload = async (kind: AttachmentKind, file: File | undefined) => {
    if (!file) return;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const row = await addAttachment({ customerId, kind, fileName: file.name, mime: file.type, bytes });
      setPreviewId(row.id);
      showSnackbar(t('attachments.added', { name: file.name }), 'success');
    } catch (e) {
      showSnackbar(t('attachments.failed', { message: errorText(e) }), 'error');
    } finally {
      const input = inputs.current[kind];
      if (input) input.value = '';
    }
  };

  const preview = rows?.find((r) => r.id === previewId);

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        {ATTACHMENT_KINDS.map((kind) => (
          <Button key={kind} variant="outlined" component="label" startIcon={<UploadFileIcon />}>
            {t('attachments.upload', { kind: t(`attachments.kinds.${kind}`) })}
            <input
              hidden
              type="file"
              accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
              data-testid={`upload-${kind}`}
              ref={(el) => {
                inputs.current[kind] = el;
              }}
              onChange={(e) => void upload(kind, e.target.files?.[0])}
            />
          </Button>
        ))}
        {limit !== undefined && (
          <Typography variant="body2" color="text.secondary">
            {t('attachments.accept', { size: formatSize(limit) })}
          </Typography>
        )}
      </Box>
      {rows && rows.length === 0 && <Typography color="text.secondary">{t('attachments.none')}</Typography>}
      {rows && rows.length > 0 && (
        <Table size="small" data-testid="attachment-list">
          <TableHead>
            <TableRow>
              <TableCell>{t('attachments.kind')}</TableCell>
              <TableCell>{t('attachments.fileName')}</TableCell>
              <TableCell>{t('attachments.size')}</TableCell>
              <TableCell>{t('attachments.sha256')}</TableCell>
              <TableCell>{t('attachments.uploadedAt')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.id} data-testid="attachment-row" selected={a.id === previewId}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`attachments.kinds.${a.kind}`)}</TableCell>
                <TableCell>{a.fileName}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatSize(a.size)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }} data-testid="attachment-sha256">
                  {a.sha256}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(a.createdAt)}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setPreviewId(a.id === previewId ? null : a.id)}>
                    {a.id === previewId ? t('attachments.hidePreview') : t('attachments.preview')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {preview && <AttachmentPreview attachment={preview} />}
    </Box>
  );
}

/** Shows the stored bytes through an object URL, released when the preview closes. */
function AttachmentPreview({ attachment }: { attachment: AttachmentRow }) {
  const { t } = useTranslation('customers');
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    void attachmentBlob(attachment.sha256).then((blob) => {
      if (!blob || cancelled) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.sha256]);
  const save = async () => {
    const blob = await attachmentBlob(attachment.sha256);
    if (!blob) return;
    const ext = attachment.mime === 'application/pdf' ? 'pdf' : attachment.mime === 'image/png' ? 'png' : 'jpg';
    await platform.saveFile({
      suggestedName: attachment.fileName,
      data: new Uint8Array(await blob.arrayBuffer()),
      mimeType: attachment.mime,
      filters: [{ name: attachment.mime, extensions: [ext] }],
    });
  };
  if (!url) return null;
  return (
    <Box sx={{ mt: 2, border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }} data-testid="attachment-preview">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1 }}>
        {platform.kind === 'browser' && (
          <Link href={url} target="_blank" rel="noopener">
            {t('attachments.open')}
          </Link>
        )}
        {/* The desktop window's CSP allows no embedded PDF viewer: saving a copy is how it is read there. */}
        <Button size="small" onClick={() => void save()}>
          {t('attachments.save')}
        </Button>
      </Box>
      {attachment.mime === 'application/pdf' ? (
        <object data={url} type="application/pdf" width="100%" height={480} aria-label={attachment.fileName}>
          <Typography>{attachment.fileName}</Typography>
        </object>
      ) : (
        <Box component="img" src={url} alt={attachment.fileName} sx={{ maxWidth: '100%', maxHeight: 480, display: 'block' }} />
      )}
    </Box>
  );
}

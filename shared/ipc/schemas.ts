/**
 * zod schemas for every desktop-shell action: what the renderer may send and what it gets back.
 * The main process validates every request against these before doing anything; the types of the
 * bridge on `window.hotline` are derived from them, so the two cannot drift apart.
 */
import { z } from 'zod';
import { checkSyncServerUrl } from './syncServerUrl';

/** IPC payloads are copied between processes: a bigger file belongs in a streamed export, not here. */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;

/** Characters that are not allowed in a file name on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_FILE_NAME_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/** A bare file name (no folder): the dialog starts in the user's documents folder with it filled in. */
export const SuggestedFileName = z
  .string({ error: 'suggestedName（建议文件名）必须是文字' })
  .min(1, 'suggestedName（建议文件名）不能为空')
  .max(200, 'suggestedName（建议文件名）不能超过 200 个字符')
  .refine((name) => !FORBIDDEN_FILE_NAME_CHARS.test(name), {
    message: 'suggestedName（建议文件名）只能是文件名，不能包含路径或这些字符：/ \\ : * ? " < > |',
  })
  .refine((name) => name.trim() === name && !name.endsWith('.') && name !== '..', {
    message: 'suggestedName（建议文件名）不能以空格或句点开头或结尾',
  });

export const FileFilter = z.strictObject({
  name: z.string().min(1, '文件类型名称不能为空').max(60, '文件类型名称不能超过 60 个字符'),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, '扩展名只能是 1–10 个字母或数字（不带点），或 *'))
    .min(1, '每个文件类型至少要有一个扩展名')
    .max(20, '每个文件类型最多 20 个扩展名'),
});

/**
 * A Uint8Array, checked without `instanceof` alone: a value copied across an IPC or context-bridge
 * boundary may come from another JavaScript realm, whose Uint8Array constructor is a different object.
 */
const Bytes = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]',
  { error: 'data（文件内容）必须是 Uint8Array' },
).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, {
  message: `data（文件内容）不能超过 ${MAX_SAVE_BYTES / 1024 / 1024} MB`,
});

// ---- appVersion() -------------------------------------------------------------------------------
export const AppVersionRequest = z.undefined({ error: 'appVersion() 不接受参数' });
export const AppVersionResponse = z.string().min(1).max(64);

// ---- saveFile({ suggestedName, data, filters }) ---------------------------------------------------
export const SaveFileRequest = z.strictObject({
  suggestedName: SuggestedFileName,
  data: Bytes,
  filters: z.array(FileFilter).max(10, '最多 10 个文件类型').optional(),
});
/** `saved: false` means the user cancelled the dialog; nothing was written. */
export const SaveFileResponse = z.strictObject({
  saved: z.boolean(),
  path: z.string().min(1).optional(),
});

// ---- printView() --------------------------------------------------------------------------------
export const PrintViewRequest = z.undefined({ error: 'printView() 不接受参数' });
/** `printed: false` with `failureReason: 'cancelled'` is the user closing the print dialog. */
export const PrintViewResponse = z.strictObject({
  printed: z.boolean(),
  failureReason: z.string().optional(),
});

// ---- printViewToPdf({ suggestedName }) -----------------------------------------------------------
export const PrintViewToPdfRequest = z.strictObject({ suggestedName: SuggestedFileName });
export const PrintViewToPdfResponse = SaveFileResponse;

// ---- setSyncServerUrl({ url }) -------------------------------------------------------------------
/** The sync server the user chose: persisted by the main process and the only server the CSP lets the window reach. */
export const SetSyncServerUrlRequest = z.strictObject({
  url: z.string({ error: 'url（服务器地址）必须是文字' }).superRefine((value, ctx) => {
    const check = checkSyncServerUrl(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: `url（服务器地址）：${check.reason}` });
  }),
});
/**
 * `url`: the address as stored (normalised). `reload`: the window's CSP now allows another origin,
 * which a loaded page only picks up when it loads again.
 */
export const SetSyncServerUrlResponse = z.strictObject({
  url: z.string(),
  reload: z.boolean(),
});

/** The whole contract: one entry per action, its request and its response. */
export const ipcContract = {
  appVersion: { request: AppVersionRequest, response: AppVersionResponse },
  saveFile: { request: SaveFileRequest, response: SaveFileResponse },
  printView: { request: PrintViewRequest, response: PrintViewResponse },
  printViewToPdf: { request: PrintViewToPdfRequest, response: PrintViewToPdfResponse },
  setSyncServerUrl: { request: SetSyncServerUrlRequest, response: SetSyncServerUrlResponse },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

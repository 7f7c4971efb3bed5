import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * .docx → PDF with LibreOffice (soffice --headless --convert-to pdf), for the statements and the
 * office summary. The Word file stays the one source: the PDF is what LibreOffice makes of it, so
 * both say the same words in the same layout.
 *
 * - One conversion at a time (a queue): soffice is heavy (a few hundred MB, one core), and two
 *   instances on one profile lock each other out.
 * - Each conversion in its own temp dir, removed afterwards; one private LibreOffice profile per
 *   process (created on the first use, reused: building a profile costs seconds).
 * - A fontconfig file that maps SimSun / SimHei (the contracts' fonts) to Noto Serif / Sans CJK SC
 *   where those are not installed, as a Chinese Windows has them; without it CJK text falls back
 *   to whatever font fontconfig picks and the layout shifts.
 * - A timeout kills a hung soffice; a missing soffice is `PdfUnavailable` (the route answers 503).
 */

export class PdfUnavailable extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

export interface PdfConverterOptions {
  /** the soffice executable (HOTLINE_SOFFICE, else `soffice` on the PATH) */
  soffice?: string;
  timeoutMs?: number;
}

const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
`;

export const NOT_INSTALLED = new PdfUnavailable(
  '服务器未安装 LibreOffice（soffice），无法生成 PDF；请下载 Word 版本，或由管理员安装 libreoffice-writer-nogui 后再试。',
  'LibreOffice (soffice) is not installed on the server, so no PDF can be made; download the Word file instead.',
);

export function createPdfConverter(opts: PdfConverterOptions = {}) {
  const soffice = opts.soffice ?? process.env.HOTLINE_SOFFICE ?? 'soffice';
  const timeoutMs = opts.timeoutMs ?? 120_000;
  let home: Promise<string> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** The process's LibreOffice profile and fontconfig file, made once. */
  const workHome = () =>
    (home ??= (async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'hotline-soffice-'));
      await writeFile(path.join(dir, 'fonts.conf'), FONTS_CONF);
      return dir;
    })());

  async function convertNow(docx: Uint8Array): Promise<Uint8Array> {
    const base = await workHome();
    const dir = await mkdtemp(path.join(tmpdir(), 'hotline-pdf-'));
    try {
      const input = path.join(dir, 'document.docx');
      await writeFile(input, docx);
      await new Promise<void>((resolve, reject) => {
        execFile(
          soffice,
          [`-env:UserInstallation=file://${path.join(base, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
          { timeout: timeoutMs, killSignal: 'SIGKILL', env: { ...process.env, FONTCONFIG_FILE: path.join(base, 'fonts.conf') } },
          (err) => {
            if (!err) return resolve();
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reject(NOT_INSTALLED);
            if (err.killed) return reject(new PdfUnavailable(`PDF 转换超时（超过 ${Math.round(timeoutMs / 1000)} 秒），请稍后再试或下载 Word 版本。`, 'The PDF conversion timed out; try again later or download the Word file.'));
            reject(new PdfUnavailable('LibreOffice 未能把文档转换为 PDF，请下载 Word 版本。', 'LibreOffice could not convert the document to PDF; download the Word file.'));
          },
        );
      });
      try {
        return new Uint8Array(await readFile(path.join(dir, 'document.pdf')));
      } catch {
        throw new PdfUnavailable('LibreOffice 未能把文档转换为 PDF，请下载 Word 版本。', 'LibreOffice could not convert the document to PDF; download the Word file.');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    /** Converts one .docx; conversions run one after another in the order asked. */
    convert(docx: Uint8Array): Promise<Uint8Array> {
      const run = queue.then(() => convertNow(docx));
      queue = run.catch(() => undefined);
      return run;
    },
    /** Removes the profile (tests, shutdown). */
    async dispose(): Promise<void> {
      const h = home;
      home = null;
      await queue;
      if (h) await rm(await h, { recursive: true, force: true });
    },
  };
}

export type PdfConverter = ReturnType<typeof createPdfConverter>;

// npm run contract -- --template <id> --data <file.json> --out <file.docx> [--html <file.html>] [--pdf]
//
// Builds a contract from a JSON file with the same zod schema and builder the app uses. Bad input
// is reported field by field (zh-CN) and the command exits non-zero without writing anything.
// --pdf also converts the .docx to PDF beside it with LibreOffice (soffice --headless).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONTRACT_TEMPLATE_IDS,
  buildContractDocument,
  contractInputJsonSchema,
  getContractTemplate,
  isContractTemplateId,
  parseContractInput,
  renderContractDocx,
  renderContractHtml,
  type ContractTemplate,
} from '../shared/index';

const USAGE = `用法: npm run contract -- --template <模板> --data <数据.json> --out <合同.docx> [--html <预览.html>] [--pdf]
      npm run contract -- --schema <模板>    （输出该模板输入数据的 JSON Schema）
模板: ${CONTRACT_TEMPLATE_IDS.join(', ')}
示例数据: assets/contracts/examples/<模板>.json；字段说明见 docs/contracts.md`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Converts a .docx to PDF in the same folder, with a private LibreOffice profile. */
export function convertToPdf(docxPath: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'contract-lo-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(docxPath), docxPath],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docxPath.replace(/\.docx$/i, '') + '.pdf';
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        template: { type: 'string' },
        data: { type: 'string' },
        out: { type: 'string' },
        html: { type: 'string' },
        pdf: { type: 'boolean', default: false },
        schema: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.schema !== undefined) {
    if (!isContractTemplateId(values.schema)) fail(`没有模板“${values.schema}”。可用模板: ${CONTRACT_TEMPLATE_IDS.join(', ')}`);
    process.stdout.write(`${JSON.stringify(contractInputJsonSchema(values.schema), null, 2)}\n`);
    return;
  }
  if (!values.template || !values.data || !values.out) fail(`缺少参数 --template、--data 或 --out。\n${USAGE}`);
  if (!isContractTemplateId(values.template)) fail(`没有模板“${values.template}”。可用模板: ${CONTRACT_TEMPLATE_IDS.join(', ')}`);
  if (!/\.docx$/i.test(values.out)) fail('--out 应为 .docx 文件');

  let input: unknown;
  try {
    input = JSON.parse(readFileSync(values.data, 'utf8'));
  } catch (e) {
    fail(`无法读取数据文件 ${values.data}: ${(e as Error).message}`);
  }

  const parsed = parseContractInput(values.template, input);
  if (!parsed.ok) {
    fail(`数据文件 ${values.data} 有 ${parsed.issues.length} 处错误（模板 ${values.template}）：\n${parsed.issues.map((i) => `  ${i.path}：${i.message}`).join('\n')}`, 1);
  }

  const template = getContractTemplate(values.template) as unknown as ContractTemplate;
  const doc = buildContractDocument(template, parsed.data);
  writeFileSync(values.out, await renderContractDocx(doc));
  process.stdout.write(`已生成 ${values.out}（${template.title}，模板版本 ${template.version}）\n`);
  if (values.html) {
    writeFileSync(values.html, renderContractHtml(doc));
    process.stdout.write(`已生成 ${values.html}\n`);
  }
  if (values.pdf) process.stdout.write(`已生成 ${convertToPdf(path.resolve(values.out))}\n`);
}

await main();

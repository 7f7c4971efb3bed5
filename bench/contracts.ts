/**
 * Issue 5 item 9: contract generation speed.
 *
 * For the 400 agreement (5 pages with its two annex forms), filled from varying records:
 *   - ours: validate (zod) + build the model + write the .docx (cached package skeleton, docx
 *     elements for the body) — median ms per contract, and a batch of 500;
 *   - docx out of the box: the same model as one `new Document` + `Packer.pack` per contract
 *     (what ours avoids, for the explanation; median only);
 *   - docxtemplater + pizzip on an equivalent template: the same contract written once as a
 *     .docx with {tags} in place of every field, then filled per contract. The peer is given
 *     the field values ready-made (no validation, no formatting), which favours it.
 * Goal: ≤ 30 ms per contract, 500 in ≤ 15 s, faster than docxtemplater.
 * Prints the figures and writes bench/results/contracts.json. No threshold fails anything.
 *
 * Run: `npm run bench -- contracts` or `npx tsx bench/contracts.ts`. BENCH_BATCH=n changes the batch.
 */
import Docxtemplater from 'docxtemplater';
import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import {
  buildContract,
  CONTRACT_TEMPLATE_IDS,
  renderContractDocx,
  type ContractBlock,
  type ContractDocument,
  type ContractRun,
} from '../shared/index';
import { contractDocxDocument, packDocx } from '../shared/contracts/docx/reference';

const root = fileURLToPath(new URL('..', import.meta.url));
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const WARMUP = 30;
const SAMPLES = 200;

const example = (id: string) => JSON.parse(readFileSync(`${root}assets/contracts/examples/${id}.json`, 'utf8')) as Record<string, unknown>;

/** The i-th record: the example with a different customer, number and amount. */
function record(base: Record<string, unknown>, i: number): Record<string, unknown> {
  const d = structuredClone(base);
  d.contractNumber = `ZZQF-2026-${String(i + 1).padStart(6, '0')}`;
  (d.customer as Record<string, unknown>).name = `河南豫信商贸有限公司第${i + 1}分公司`;
  if ('contractAmountFen' in d) d.contractAmountFen = 600_000 + i * 137;
  return d;
}

const round = (x: number) => Math.round(x * 100) / 100;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.floor(s.length / 2)]!);
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function batch(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return round((performance.now() - t0) / 1000);
}

// ---------------------------------------------------------------- the docxtemplater template

const tagOf = (field: string) => `f_${field.replace(/[^A-Za-z0-9]/g, '_')}`;

function mapRuns(doc: ContractDocument, f: (r: ContractRun) => ContractRun): ContractDocument {
  const runs = (rs: ContractRun[]) => rs.map(f);
  const blocks = doc.blocks.map((b): ContractBlock => {
    if (b.kind === 'line' || b.kind === 'heading' || b.kind === 'clause') return { ...b, runs: runs(b.runs) };
    if (b.kind === 'table') return { ...b, rows: b.rows.map((row) => row.map((c) => ({ ...c, paragraphs: c.paragraphs.map(runs) }))) };
    if (b.kind === 'signatures') return { ...b, left: b.left.map(runs), right: b.right.map(runs) };
    return b;
  });
  return { ...doc, blocks };
}

/** The field values docxtemplater is given: every filled field of the model, by tag. */
function tagValues(doc: ContractDocument): Record<string, string> {
  const values: Record<string, string> = { contractNumber: doc.headerText };
  mapRuns(doc, (r) => {
    if (r.kind === 'field') values[tagOf(r.field)] = r.text;
    return r;
  });
  return values;
}

async function docxtemplaterTemplate(doc: ContractDocument): Promise<Uint8Array> {
  const tagged = mapRuns(doc, (r) => (r.kind === 'field' ? { ...r, text: `{${tagOf(r.field)}}` } : r));
  return renderContractDocx({ ...tagged, headerText: '{contractNumber}' });
}

function fillWithDocxtemplater(template: Uint8Array, values: Record<string, string>): Uint8Array {
  const zip = new PizZip(template);
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
  doc.render(values);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

const documentText = (bytes: Uint8Array) =>
  [...strFromU8(unzipSync(bytes)['word/document.xml']!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

// ---------------------------------------------------------------- run

async function main(): Promise<void> {
  const id = 'agreement-400';
  const base = example(id);
  const ours = (i: number) => renderContractDocx(buildContract(id, record(base, i)));
  const plainDocx = (i: number) => packDocx(contractDocxDocument(buildContract(id, record(base, i))));

  // The equivalent docxtemplater template, and the values of each record computed beforehand.
  const template = await docxtemplaterTemplate(buildContract(id, record(base, 0)));
  const values = Array.from({ length: Math.max(BATCH, WARMUP + SAMPLES) }, (_, i) => tagValues(buildContract(id, record(base, i))));
  const peer = async (i: number) => fillWithDocxtemplater(template, values[i]!);

  // Same words from both writers (checked once, outside the timing).
  const a = documentText(await ours(7));
  const b = documentText(await peer(7));
  if (a !== b) throw new Error('docxtemplater output differs from ours: the comparison would not be fair');

  for (const fn of [ours, plainDocx, peer]) await timeEach(WARMUP, fn);

  // Samples interleaved, so a busy machine (other jobs on the two cores) slows all three alike.
  const oursMs: number[] = [];
  const plainMs: number[] = [];
  const peerMs: number[] = [];
  for (let i = WARMUP; i < WARMUP + SAMPLES; i++) {
    oursMs.push(...(await timeEach(1, () => ours(i))));
    plainMs.push(...(await timeEach(1, () => plainDocx(i))));
    peerMs.push(...(await timeEach(1, () => peer(i))));
  }
  const oursBatch = await batch(BATCH, ours);
  const peerBatch = await batch(BATCH, peer);

  const perTemplate: Record<string, number> = {};
  for (const t of CONTRACT_TEMPLATE_IDS) {
    const tBase = example(t);
    const fn = (i: number) => renderContractDocx(buildContract(t, record(tBase, i)));
    await timeEach(WARMUP, fn);
    perTemplate[t] = median(await timeEach(SAMPLES, fn));
  }

  const result = {
    bench: 'contracts',
    template: id,
    // Other jobs on the machine inflate every figure alike; the load average says how busy it was.
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg().map(round) },
    samples: SAMPLES,
    batchSize: BATCH,
    ours: { medianMs: median(oursMs), batchSeconds: oursBatch, sizeBytes: (await ours(0)).length },
    docxOutOfTheBox: { medianMs: median(plainMs), sizeBytes: (await plainDocx(0)).length },
    docxtemplater: { medianMs: median(peerMs), batchSeconds: peerBatch, sizeBytes: (await peer(0)).length },
    oursMedianMsPerTemplate: perTemplate,
    goal: { medianMs: 30, batchSeconds: 15, fasterThanDocxtemplater: true },
    met: {
      medianMs: median(oursMs) <= 30,
      batchSeconds: oursBatch <= 15,
      fasterThanDocxtemplater: median(oursMs) < median(peerMs) && oursBatch < peerBatch,
    },
  };

  console.log(`contracts (${id}, ${SAMPLES} samples, batch of ${BATCH}):`);
  console.log(`  ours (zod + model + docx, cached skeleton): median ${result.ours.medianMs} ms, batch ${oursBatch} s`);
  console.log(`  docx out of the box (Document + Packer):    median ${result.docxOutOfTheBox.medianMs} ms`);
  console.log(`  docxtemplater + pizzip (values given):      median ${result.docxtemplater.medianMs} ms, batch ${peerBatch} s`);
  console.log(`  ours per template: ${Object.entries(perTemplate).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
  console.log(`  goals met: ${JSON.stringify(result.met)} (load average ${result.machine.loadAverage.join(' ')} on ${result.machine.cpus} CPUs)`);
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/contracts.json`, JSON.stringify(result, null, 2) + '\n');
  console.log('wrote bench/results/contracts.json');
}

await main();

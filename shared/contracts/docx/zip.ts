// Zips a .docx whose fixed parts were deflated once. fflate's streaming Zip accepts any file
// object that supplies its own CRC, size and (already compressed) bytes, so the parts that are
// the same for every contract are compressed a single time and copied into each package; only
// the contract's own parts are deflated per document.
import { strToU8, Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/** A fixed package part, deflated once. */
export interface PrecompressedPart {
  filename: string;
  size: number;
  crc: number;
  deflated: Uint8Array;
}

/** A fixed, old mtime (as Word does not care, and equal bytes for equal input are handy). */
const MTIME = new Date(Date.UTC(2000, 0, 1));
const LEVEL = 6;

/** Deflates a part once, keeping its CRC and size for the zip headers. */
export function precompress(filename: string, data: Uint8Array): PrecompressedPart {
  const chunks: Uint8Array[] = [];
  const z = new ZipDeflate(filename, { level: LEVEL });
  z.ondata = (err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  };
  z.push(data, true);
  return { filename, size: z.size, crc: z.crc, deflated: concat(chunks) };
}

class PrecompressedFile implements ZipInputFile {
  compression = 8;
  mtime = MTIME;
  ondata?: AsyncFlateStreamHandler;
  constructor(private readonly part: PrecompressedPart) {}
  get filename() {
    return this.part.filename;
  }
  get size() {
    return this.part.size;
  }
  get crc() {
    return this.part.crc;
  }
  push() {
    this.ondata!(null, this.part.deflated as Uint8Array<ArrayBuffer>, true);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The package: fixed parts copied as compressed, the contract's parts (XML text) deflated now. */
export function zipPackage(fixed: readonly PrecompressedPart[], own: Readonly<Record<string, string>>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const part of fixed) {
    const f = new PrecompressedFile(part);
    zip.add(f);
    f.push();
  }
  for (const [filename, xml] of Object.entries(own)) {
    const z = new ZipDeflate(filename, { level: LEVEL });
    z.mtime = MTIME;
    zip.add(z);
    z.push(strToU8(xml), true);
  }
  zip.end();
  if (failure) throw failure;
  return concat(chunks);
}

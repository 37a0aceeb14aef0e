/**
 * Writes a package's parts as a zip. fflate writes the headers and the directory; the
 * platform's compressor (Node's zlib in the CLI: faster than fflate's deflate) may do the
 * deflating. Platform-neutral: without a compressor fflate deflates.
 */
import { Zip, zipSync, type ZipInputFile, type Zippable } from "fflate";

export interface ZipOptions {
  /** Deflate level of the zip (0–9), when fflate compresses. */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /**
   * A faster compressor from the platform (Node's zlib in the CLI): raw deflate and CRC-32
   * of a part. This module stays platform-neutral; without it fflate compresses.
   */
  compressor?: {
    deflateRaw: (data: Uint8Array) => Uint8Array;
    crc32: (data: Uint8Array) => number;
  };
}

/**
 * The time stamped on every entry we write: fixed (1 January 1980, the zip format's first
 * day, in local fields so it reads the same in every time zone), so that the same input and
 * options give the same bytes on every run and in every front end (CLI, page).
 */
const ENTRY_TIME = () => new Date(1980, 0, 1, 0, 0, 0);

/**
 * The zip of `entries` (part path, bytes), in their order.
 *
 * @example zipPackage([["[Content_Types].xml", bytes]], { level: 6 })
 */
export function zipPackage(
  entries: Array<[string, Uint8Array]>,
  options: ZipOptions = {}
): Uint8Array {
  if (options.compressor) return zipWith(entries, options.compressor);
  const files: Zippable = {};
  for (const [path, bytes] of entries)
    files[path] = [bytes, { level: options.level ?? 6, mtime: ENTRY_TIME() }];
  return zipSync(files);
}

/**
 * A zip of the entries, each deflated by the platform's compressor and handed to fflate's
 * zip writer as already-compressed data (fflate writes the headers and directory).
 */
function zipWith(
  entries: Array<[string, Uint8Array]>,
  compressor: NonNullable<ZipOptions["compressor"]>
): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [filename, data] of entries) {
    const entry: ZipInputFile = {
      filename,
      size: data.length,
      crc: compressor.crc32(data),
      compression: 8,
      mtime: ENTRY_TIME(),
    };
    zip.add(entry);
    entry.ondata!(null, compressor.deflateRaw(data) as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  return concatBytes(chunks);
}

/**
 * The chunks one after another in one array (what fflate's streaming zip writer and
 * reader hand over in pieces).
 *
 * @example Array.from(concatBytes([new Uint8Array([1]), new Uint8Array([2, 3])])) // [1, 2, 3]
 */
export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

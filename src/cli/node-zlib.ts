/**
 * Node's zlib for the package layer, which is platform-neutral and uses fflate (pure
 * JavaScript) unless the platform offers better: native deflate and CRC-32 for the zips we
 * write, native inflate for the zips we read. Several times fflate's speed.
 */
import zlib from "node:zlib";
import type { InflateRaw } from "../xlsx/package";
import type { ZipOptions } from "../xlsx/zip-package";

/** Node's native deflate (level 6) and CRC-32 for the copy's zip. */
export const NODE_COMPRESSOR: NonNullable<ZipOptions["compressor"]> = {
  deflateRaw: (data: Uint8Array) => zlib.deflateRawSync(data, { level: 6 }),
  crc32: (data: Uint8Array) => zlib.crc32(data),
};

/**
 * Node's native inflate of one zip entry, never past its listed size (zlib stops with an
 * error beyond `size`, and the package layer then lets fflate decide).
 */
export const NODE_INFLATE: InflateRaw = (data, size) => {
  const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

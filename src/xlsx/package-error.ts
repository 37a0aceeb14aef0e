/**
 * The one error the package reader throws on purpose: a file it cannot or will not read,
 * with a Vietnamese message for the user that says what the file is and what to do.
 * Front ends print `message` as it is (never a stack trace) and may prefix the file name.
 */

/** Why a file was refused. */
export type PackageErrorCode =
  /** 0 bytes. */
  | "empty"
  /** Excel 97-2003 (.xls): an OLE2/CFB file without an encrypted package. */
  | "xls"
  /** A password-protected (encrypted) Office file: OLE2/CFB holding "EncryptedPackage". */
  | "encrypted"
  /** An OpenDocument file (.ods, or another ODF kind). */
  | "ods"
  /** Text (CSV, TSV, HTML…), not a workbook. */
  | "text"
  /** Binary Excel workbook (.xlsb). */
  | "xlsb"
  /** A zip (Office) package that is not a workbook (.docx, .pptx, plain .zip). */
  | "not-spreadsheet"
  /** Bytes that are no known file kind. */
  | "unknown"
  /** A truncated or damaged zip, or damaged XML inside it. */
  | "corrupt"
  /** A limit of issue 10 ("Time and memory") would be exceeded. */
  | "limit";

export class PackageError extends Error {
  readonly code: PackageErrorCode;

  constructor(code: PackageErrorCode, message: string) {
    super(message);
    this.name = "PackageError";
    this.code = code;
  }
}

/** True when `error` is a PackageError (also across module copies, by name and code). */
export function isPackageError(error: unknown): error is PackageError {
  return (
    error instanceof PackageError ||
    (error instanceof Error && error.name === "PackageError" && "code" in error)
  );
}

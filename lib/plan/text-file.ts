/**
 * Bytes of an uploaded .txt plan → string. Chinese text files saved on Windows are often
 * GBK/GB18030 rather than UTF-8, so invalid UTF-8 falls back to GB18030 instead of
 * producing replacement characters.
 */
export function decodePlanTextBuffer(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030").decode(bytes);
    } catch {
      // A runtime without the GB18030 decoder (small-ICU builds): keep what UTF-8 can read.
      return new TextDecoder("utf-8").decode(bytes);
    }
  }
}

/**
 * The names in an OLE compound file's directory (Word 97–2003 .doc, WPS .wps, Excel .xls, WPS .et):
 * enough to tell a document from a workbook and to find VBA macro storages, without reading any
 * stream. Bounded: sector chains are followed at most once per sector, so a crafted file with a
 * looping FAT or DIFAT ends the walk instead of the server.
 */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_DIRECTORY_ENTRIES = 10_000;

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The directory entry names, or null when the structure is broken. */
export function oleDirectoryNames(bytes: Uint8Array): string[] | null {
  if (!isOle(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const offsetOf = (sid: number) => (sid + 1) * sectorSize;
  const validSector = (sid: number) => sid < sectorCount && offsetOf(sid) + sectorSize <= bytes.length;

  // FAT sector ids: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i += 1) {
    const sid = view.getUint32(76 + i * 4, true);
    if (sid !== FREE && sid !== END_OF_CHAIN) fatSectors.push(sid);
  }
  let difat = view.getUint32(68, true);
  const seenDifat = new Set<number>();
  while (difat !== END_OF_CHAIN && difat !== FREE) {
    if (!validSector(difat) || seenDifat.has(difat)) return null;
    seenDifat.add(difat);
    const base = offsetOf(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i += 1) {
      const sid = view.getUint32(base + i * 4, true);
      if (sid !== FREE && sid !== END_OF_CHAIN) fatSectors.push(sid);
    }
    difat = view.getUint32(base + perSector * 4, true);
  }
  const nextOf = (sid: number): number | null => {
    const index = sid * 4;
    const fatSector = fatSectors[Math.floor(index / sectorSize)];
    if (fatSector === undefined || !validSector(fatSector)) return null;
    return view.getUint32(offsetOf(fatSector) + (index % sectorSize), true);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sid = view.getUint32(48, true);
  while (sid !== END_OF_CHAIN) {
    if (!validSector(sid) || seen.has(sid)) return null;
    seen.add(sid);
    const base = offsetOf(sid);
    for (let entry = 0; entry < sectorSize / 128; entry += 1) {
      const at = base + entry * 128;
      const length = view.getUint16(at + 64, true);
      const type = bytes[at + 66];
      if (type === 0 || length < 2 || length > 64) continue;
      let name = "";
      for (let i = 0; i < length / 2 - 1; i += 1) name += String.fromCharCode(view.getUint16(at + i * 2, true));
      names.push(name);
      if (names.length > MAX_DIRECTORY_ENTRIES) return null;
    }
    const next = nextOf(sid);
    if (next === null) return null;
    sid = next;
  }
  return names;
}

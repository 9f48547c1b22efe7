/**
 * WordprocessingML body → paragraphs and tables in document order.
 *
 * Paragraphs get Word's automatic list numbers written back in front ("一、", "1."): without
 * them the plan parser cannot see the structure. Tables become rectangular grids: w:gridSpan
 * (horizontal merge) and w:vMerge (vertical merge) mark the covered cells, w:gridBefore/After
 * pad the row, w:tblHeader marks the rows Word repeats on every page. A table nested in a cell
 * is read as that cell's text. Tracked deletions, field codes and revision history are skipped.
 */
import { ListNumberer, numberingFromStyle, type NumberingDefinitions, type ParagraphStyle } from "../docx-numbering";
import { scanXml } from "../xml-scan";
import { rectangular, type GridCell, type SourceBlock } from "./document";

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Elements whose content is not visible text. */
const SKIPPED_ELEMENTS = new Set(["del", "moveFrom", "delText", "instrText", "pPrChange", "rPrChange", "numberingChange", "Fallback", "tblPrChange", "tcPrChange", "trPrChange"]);

interface OpenParagraph {
  text: string;
  numId: string | null;
  ilvl: number | null;
  styleId: string | null;
}

interface OpenCell {
  paragraphs: string[];
  gridSpan: number;
  vMerge: "restart" | "continue" | null;
}

interface OpenRow {
  cells: OpenCell[];
  header: boolean;
  gridBefore: number;
  gridAfter: number;
}

interface OpenTable {
  rows: OpenRow[];
}

function valueOf(attributes: Readonly<Record<string, string>>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === "val") return value;
  return undefined;
}

/** An on/off property: present without w:val, or with val true/1/on. */
function isOn(attributes: Readonly<Record<string, string>>): boolean {
  const value = valueOf(attributes);
  return value === undefined || value === "true" || value === "1" || value === "on";
}

export function documentToBlocks(documentXml: string, numbering: NumberingDefinitions, styles: ReadonlyMap<string, ParagraphStyle>): SourceBlock[] {
  const numberer = new ListNumberer(numbering, styles);
  const blocks: SourceBlock[] = [];
  const paragraphs: OpenParagraph[] = [];
  // Only the outermost table is kept as a grid; deeper tables add their text to its cell.
  let table: OpenTable | null = null;
  let tableDepth = 0;
  let skipDepth = 0;
  let inText = false;
  let inParagraphProperties = false;
  let inNumberingProperties = false;
  let inCellProperties = false;
  let inRowProperties = false;

  const currentRow = (): OpenRow | undefined => (table && tableDepth === 1 ? table.rows[table.rows.length - 1] : undefined);
  const currentCell = (): OpenCell | undefined => {
    const rows = table?.rows;
    const row = rows?.[rows.length - 1];
    return row?.cells[row.cells.length - 1];
  };

  scanXml(documentXml, {
    open(rawName, attributes, selfClosing) {
      const name = localName(rawName);
      // scanXml reports a close for every open, self-closing elements included.
      if (skipDepth > 0 || SKIPPED_ELEMENTS.has(name)) {
        skipDepth++;
        return;
      }
      const paragraph = paragraphs[paragraphs.length - 1];
      switch (name) {
        case "tbl":
          tableDepth++;
          if (tableDepth === 1) table = { rows: [] };
          break;
        case "tr":
          if (table && tableDepth === 1) table.rows.push({ cells: [], header: false, gridBefore: 0, gridAfter: 0 });
          break;
        case "trPr":
          inRowProperties = tableDepth === 1;
          break;
        case "tblHeader": {
          const row = currentRow();
          if (row && inRowProperties) row.header = isOn(attributes);
          break;
        }
        case "gridBefore":
        case "gridAfter": {
          const row = currentRow();
          const count = Math.min(Math.max(Number.parseInt(valueOf(attributes) ?? "0", 10) || 0, 0), 63);
          if (row && inRowProperties) row[name] = count;
          break;
        }
        case "tc":
          if (tableDepth === 1) currentRow()?.cells.push({ paragraphs: [], gridSpan: 1, vMerge: null });
          break;
        case "tcPr":
          inCellProperties = tableDepth === 1;
          break;
        case "gridSpan": {
          const cell = currentCell();
          if (cell && inCellProperties) cell.gridSpan = Math.min(Math.max(Number.parseInt(valueOf(attributes) ?? "1", 10) || 1, 1), 63);
          break;
        }
        case "vMerge": {
          const cell = currentCell();
          if (cell && inCellProperties) cell.vMerge = valueOf(attributes) === "restart" ? "restart" : "continue";
          break;
        }
        case "hMerge": {
          // Legacy horizontal merge (Word 2003 XML round trips): a continuing cell joins the one on its left.
          const cell = currentCell();
          if (cell && inCellProperties && valueOf(attributes) !== "restart") cell.gridSpan = 0;
          break;
        }
        case "p":
          paragraphs.push({ text: "", numId: null, ilvl: null, styleId: null });
          break;
        case "pPr":
          inParagraphProperties = true;
          break;
        case "numPr":
          inNumberingProperties = inParagraphProperties;
          break;
        case "pStyle":
          if (paragraph && inParagraphProperties) paragraph.styleId = valueOf(attributes) ?? null;
          break;
        case "numId":
          if (paragraph && inNumberingProperties) paragraph.numId = valueOf(attributes) ?? null;
          break;
        case "ilvl":
          if (paragraph && inNumberingProperties) paragraph.ilvl = Number.parseInt(valueOf(attributes) ?? "0", 10) || 0;
          break;
        case "t":
          inText = !selfClosing;
          break;
        case "tab":
          if (paragraph && !inParagraphProperties) paragraph.text += "\t";
          break;
        case "br":
        case "cr":
          if (paragraph && !inParagraphProperties) paragraph.text += "\n";
          break;
        case "noBreakHyphen":
          if (paragraph) paragraph.text += "-";
          break;
        default:
          break;
      }
    },
    close(rawName) {
      const name = localName(rawName);
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      switch (name) {
        case "t":
          inText = false;
          break;
        case "pPr":
          inParagraphProperties = false;
          break;
        case "numPr":
          inNumberingProperties = false;
          break;
        case "tcPr":
          inCellProperties = false;
          break;
        case "trPr":
          inRowProperties = false;
          break;
        case "p": {
          const paragraph = paragraphs.pop();
          if (!paragraph) break;
          const inCell = table !== null;
          const text = renderParagraph(paragraph, numberer, styles, inCell);
          if (inCell) currentCell()?.paragraphs.push(text);
          else blocks.push({ kind: "paragraph", text });
          break;
        }
        case "tbl":
          if (tableDepth === 0) break;
          tableDepth--;
          if (tableDepth === 0 && table) {
            const grid = toGrid(table);
            if (grid.rows.length > 0) blocks.push({ kind: "table", rows: grid.rows, headerRows: grid.headerRows });
            table = null;
          }
          break;
        default:
          break;
      }
    },
    text(text) {
      const paragraph = paragraphs[paragraphs.length - 1];
      if (inText && skipDepth === 0 && paragraph) paragraph.text += text;
    },
  });
  return blocks;
}

function renderParagraph(paragraph: OpenParagraph, numberer: ListNumberer, styles: ReadonlyMap<string, ParagraphStyle>, inCell: boolean): string {
  // Direct numbering wins over the style's; numId 0 explicitly switches numbering off.
  const fromStyle = paragraph.numId === null ? numberingFromStyle(styles, paragraph.styleId) : null;
  const numId = paragraph.numId ?? fromStyle?.numId ?? null;
  if (numId === null || numId === "0") return paragraph.text;
  // The paragraph's own w:ilvl wins over the style's, also when the list itself comes from the style.
  const ilvl = paragraph.numId !== null ? paragraph.ilvl ?? 0 : paragraph.ilvl ?? fromStyle?.ilvl ?? null;
  const label = numberer.next(numId, ilvl, fromStyle?.styleId ?? paragraph.styleId);
  if (label === null) return paragraph.text;
  // An empty numbered paragraph in running text shows nothing worth keeping; in a table cell
  // (the 序号 column numbered automatically) the number is the cell's content.
  if (paragraph.text.trim() === "") return inCell ? label.trim() : paragraph.text;
  const separator = /[、.．。）)：:\s]$/.test(label) ? "" : " ";
  return label + separator + paragraph.text;
}

function toGrid(table: OpenTable): { rows: GridCell[][]; headerRows: number[] } {
  const rows: GridCell[][] = [];
  const headerRows: number[] = [];
  table.rows.forEach((row, rowIndex) => {
    const out: GridCell[] = [];
    for (let i = 0; i < row.gridBefore; i++) out.push({ text: "" });
    for (const cell of row.cells) {
      if (cell.gridSpan === 0) {
        // Legacy hMerge continuation: one more covered column.
        out.push({ text: "", mergedFrom: "left" });
        continue;
      }
      const text = cell.paragraphs.join("\n").trim();
      out.push(cell.vMerge === "continue" ? { text: "", mergedFrom: "above" } : { text });
      for (let i = 1; i < cell.gridSpan; i++) out.push({ text: "", mergedFrom: "left" });
    }
    for (let i = 0; i < row.gridAfter; i++) out.push({ text: "" });
    if (row.header) headerRows.push(rowIndex);
    rows.push(out);
  });
  return { rows: rectangular(rows), headerRows };
}

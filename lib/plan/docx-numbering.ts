/**
 * Word automatic list numbering (word/numbering.xml + word/styles.xml), rebuilt the way
 * Word displays it, because mammoth and plain text extraction drop it ("一、" and "1."
 * of a plan are usually list numbers, not typed text).
 *
 * Model: w:num (numId) → w:abstractNum → w:lvl (start, numFmt, lvlText "%1、", lvlRestart).
 * Lists that share an abstractNum continue one another, as in Word; a w:num with
 * w:lvlOverride/w:startOverride starts its own sequence. Using a level restarts the deeper
 * levels unless their w:lvlRestart says otherwise.
 */
import { formatListNumber } from "./list-number-format";
import { scanXml } from "./xml-scan";

export interface LevelDefinition {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart: restart after a level ≤ this (1-based) is used; 0 = never; null = after any shallower level. */
  restartAfter: number | null;
  isLegal: boolean;
  /** w:pStyle inside w:lvl: the paragraph style bound to this level. */
  styleId: string | null;
}

interface AbstractNumbering {
  levels: Map<number, LevelDefinition>;
  numStyleLink: string | null;
}

interface LevelOverride {
  startOverride: number | null;
  level: LevelDefinition | null;
}

interface NumberingInstance {
  abstractNumId: string;
  overrides: Map<number, LevelOverride>;
}

export interface NumberingDefinitions {
  abstractNums: Map<string, AbstractNumbering>;
  nums: Map<string, NumberingInstance>;
}

export interface ParagraphStyle {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  isDefault: boolean;
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Attribute by local name ("w:val" and "val" alike). */
function attribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
}

function intAttribute(attributes: Readonly<Record<string, string>>, name = "val"): number | null {
  const value = Number.parseInt(attribute(attributes, name) ?? "", 10);
  return Number.isFinite(value) ? value : null;
}

const newLevel = (): LevelDefinition => ({ start: 1, numFmt: "decimal", lvlText: "", restartAfter: null, isLegal: false, styleId: null });

export function parseNumberingXml(xml: string): NumberingDefinitions {
  const definitions: NumberingDefinitions = { abstractNums: new Map(), nums: new Map() };
  let abstractNum: AbstractNumbering | null = null;
  let num: NumberingInstance | null = null;
  let override: LevelOverride | null = null;
  let level: LevelDefinition | null = null;
  scanXml(xml, {
    open(rawName, attributes) {
      const name = localName(rawName);
      switch (name) {
        case "abstractNum":
          abstractNum = { levels: new Map(), numStyleLink: null };
          definitions.abstractNums.set(attribute(attributes, "abstractNumId") ?? "", abstractNum);
          break;
        case "num":
          num = { abstractNumId: "", overrides: new Map() };
          definitions.nums.set(attribute(attributes, "numId") ?? "", num);
          break;
        case "abstractNumId":
          if (num) num.abstractNumId = attribute(attributes, "val") ?? "";
          break;
        case "lvlOverride":
          if (num) {
            override = { startOverride: null, level: null };
            num.overrides.set(intAttribute(attributes, "ilvl") ?? 0, override);
          }
          break;
        case "startOverride":
          if (override) override.startOverride = intAttribute(attributes);
          break;
        case "lvl": {
          level = newLevel();
          if (override) override.level = level;
          else if (abstractNum) abstractNum.levels.set(intAttribute(attributes, "ilvl") ?? 0, level);
          break;
        }
        case "start":
          if (level) level.start = intAttribute(attributes) ?? 1;
          break;
        case "numFmt":
          if (level) level.numFmt = attribute(attributes, "val") ?? "decimal";
          break;
        case "lvlText":
          if (level) level.lvlText = attribute(attributes, "val") ?? "";
          break;
        case "lvlRestart":
          if (level) level.restartAfter = intAttribute(attributes);
          break;
        case "isLgl":
          if (level) level.isLegal = attribute(attributes, "val") !== "0" && attribute(attributes, "val") !== "false";
          break;
        case "pStyle":
          if (level) level.styleId = attribute(attributes, "val") ?? null;
          break;
        case "numStyleLink":
          if (abstractNum) abstractNum.numStyleLink = attribute(attributes, "val") ?? null;
          break;
        default:
          break;
      }
    },
    close(rawName) {
      const name = localName(rawName);
      if (name === "abstractNum") abstractNum = null;
      else if (name === "num") num = null;
      else if (name === "lvlOverride") override = null;
      else if (name === "lvl") level = null;
    },
  });
  return definitions;
}

export function parseStylesXml(xml: string): Map<string, ParagraphStyle> {
  const styles = new Map<string, ParagraphStyle>();
  let style: ParagraphStyle | null = null;
  let inParagraphProperties = false;
  scanXml(xml, {
    open(rawName, attributes) {
      const name = localName(rawName);
      if (name === "style") {
        const isDefault = ["1", "true", "on"].includes(attribute(attributes, "default") ?? "");
        style = { basedOn: null, numId: null, ilvl: null, isDefault };
        styles.set(attribute(attributes, "styleId") ?? "", style);
        // Only a paragraph style can be the default for paragraphs without w:pStyle.
        const type = attribute(attributes, "type") ?? "paragraph";
        if (type !== "paragraph") style.isDefault = false;
      } else if (!style) {
        return;
      } else if (name === "basedOn") {
        style.basedOn = attribute(attributes, "val") ?? null;
      } else if (name === "pPr") {
        inParagraphProperties = true;
      } else if (inParagraphProperties && name === "numId") {
        style.numId = attribute(attributes, "val") ?? null;
      } else if (inParagraphProperties && name === "ilvl") {
        style.ilvl = intAttribute(attributes);
      }
    },
    close(rawName) {
      const name = localName(rawName);
      if (name === "style") style = null;
      else if (name === "pPr") inParagraphProperties = false;
    },
  });
  return styles;
}

/** Numbering a paragraph gets from its style chain (styles inherit through w:basedOn). */
export function numberingFromStyle(styles: ReadonlyMap<string, ParagraphStyle>, styleId: string | null): { numId: string; ilvl: number | null; styleId: string } | null {
  let id = styleId ?? [...styles.entries()].find(([, style]) => style.isDefault)?.[0] ?? null;
  for (let depth = 0; id !== null && depth < 20; depth++) {
    const style = styles.get(id);
    if (!style) return null;
    if (style.numId !== null) return { numId: style.numId, ilvl: style.ilvl, styleId: id };
    id = style.basedOn;
  }
  return null;
}

const MAX_LEVELS = 9;

/** Keeps list counters while walking the document and renders each paragraph's number. */
export class ListNumberer {
  private readonly counters = new Map<string, Array<number | null>>();

  constructor(
    private readonly definitions: NumberingDefinitions,
    private readonly styles: ReadonlyMap<string, ParagraphStyle>,
  ) {}

  /** The number text ("一、", "（二）", "3.") of the next paragraph in list numId at level ilvl; null for bullets and unknown lists. */
  next(numId: string, ilvl: number | null, styleId: string | null = null): string | null {
    const instance = this.definitions.nums.get(numId);
    if (!instance || numId === "0") return null;
    const abstractNum = this.resolveAbstract(instance.abstractNumId);
    if (!abstractNum) return null;
    // A style-bound list without an explicit level uses the level that names the style.
    const levelIndex = ilvl ?? [...abstractNum.levels.entries()].find(([, lvl]) => styleId !== null && lvl.styleId === styleId)?.[0] ?? 0;
    if (levelIndex < 0 || levelIndex >= MAX_LEVELS) return null;
    const levelOf = (index: number): LevelDefinition | undefined => instance.overrides.get(index)?.level ?? abstractNum.levels.get(index);
    const startOf = (index: number): number => instance.overrides.get(index)?.startOverride ?? levelOf(index)?.start ?? 1;
    const definition = levelOf(levelIndex);
    if (!definition) return null;

    const hasOwnSequence = [...instance.overrides.values()].some((o) => o.startOverride !== null || o.level !== null);
    const key = hasOwnSequence ? `num:${numId}` : `abstract:${instance.abstractNumId}`;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = new Array<number | null>(MAX_LEVELS).fill(null);
      this.counters.set(key, counters);
    }
    const previous = counters[levelIndex];
    counters[levelIndex] = previous === null || previous === undefined ? startOf(levelIndex) : previous + 1;
    for (let deeper = levelIndex + 1; deeper < MAX_LEVELS; deeper++) {
      const restartAfter = levelOf(deeper)?.restartAfter ?? null;
      if (restartAfter === null || (restartAfter !== 0 && levelIndex < restartAfter)) counters[deeper] = null;
    }

    if (definition.numFmt === "bullet" || definition.numFmt === "none") return null;
    const frozen = counters;
    return definition.lvlText.replace(/%([1-9])/g, (_all, digit: string) => {
      const index = Number(digit) - 1;
      const value = frozen[index] ?? startOf(index);
      const format = definition.isLegal && index !== levelIndex ? "decimal" : levelOf(index)?.numFmt ?? "decimal";
      return formatListNumber(value, format);
    });
  }

  private resolveAbstract(abstractNumId: string): AbstractNumbering | null {
    let abstractNum = this.definitions.abstractNums.get(abstractNumId) ?? null;
    // w:numStyleLink: the levels live in the abstractNum behind a numbering style.
    for (let depth = 0; abstractNum && abstractNum.levels.size === 0 && abstractNum.numStyleLink && depth < 5; depth++) {
      const linked = this.styles.get(abstractNum.numStyleLink)?.numId;
      const linkedInstance = linked ? this.definitions.nums.get(linked) : undefined;
      abstractNum = linkedInstance ? this.definitions.abstractNums.get(linkedInstance.abstractNumId) ?? null : null;
    }
    return abstractNum;
  }
}

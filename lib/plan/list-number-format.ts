/**
 * Word list number formats (w:numFmt) rendered as Word shows them: "chineseCounting" 12 → 十二,
 * "decimalEnclosedCircle" 2 → ②, … Unknown formats fall back to arabic digits.
 */
import { formatChineseCounting } from "./numerals";

const TRADITIONAL_STEMS = "甲乙丙丁戊己庚辛壬癸";
const ZODIAC = "子丑寅卯辰巳午未申酉戌亥";

export function formatListNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return formatChineseCounting(value);
    case "ideographDigital":
    case "taiwaneseDigital":
      return String(value).replace(/\d/g, (d) => "〇一二三四五六七八九"[Number(d)] ?? d);
    case "ideographTraditional":
      return value >= 1 && value <= 10 ? (TRADITIONAL_STEMS[value - 1] as string) : String(value);
    case "ideographZodiac":
      return value >= 1 && value <= 12 ? (ZODIAC[value - 1] as string) : String(value);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    case "lowerLetter":
    case "upperLetter": {
      const letter = String.fromCharCode(97 + ((Math.max(1, value) - 1) % 26)).repeat(Math.floor((Math.max(1, value) - 1) / 26) + 1);
      return numFmt === "upperLetter" ? letter.toUpperCase() : letter;
    }
    case "lowerRoman":
    case "upperRoman": {
      const roman = toRoman(value);
      return numFmt === "lowerRoman" ? roman.toLowerCase() : roman;
    }
    default:
      return String(value); // decimal, decimalFullWidth, … (width is normalised later)
  }
}

function toRoman(value: number): string {
  if (value < 1 || value > 3999) return String(value);
  const table: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = value;
  let out = "";
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

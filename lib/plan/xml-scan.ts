/**
 * A minimal, linear-time XML tokenizer for WordprocessingML parts. We only need element
 * names, attributes and character data in document order, so a full DOM parser (and a
 * new dependency) is not warranted. Malformed input never throws: scanning just stops
 * at the first unterminated construct.
 */

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function scanXml(xml: string, handlers: XmlHandlers): void {
  let i = 0;
  const length = xml.length;
  while (i < length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      emitText(xml.slice(i), handlers);
      return;
    }
    if (lt > i) emitText(xml.slice(i, lt), handlers);
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) return;
      handlers.text?.(xml.slice(lt + 9, end));
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) return;
    const body = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (body.startsWith("?") || body.startsWith("!")) continue; // declarations, DOCTYPE
    if (body.startsWith("/")) {
      handlers.close?.(body.slice(1).trim());
      continue;
    }
    const selfClosing = body.endsWith("/");
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameEnd = inner.search(/\s/);
    const name = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
    if (name === "") continue;
    handlers.open?.(name, nameEnd < 0 ? {} : parseAttributes(inner.slice(nameEnd)), selfClosing);
    if (selfClosing) handlers.close?.(name);
  }
}

function emitText(raw: string, handlers: XmlHandlers): void {
  if (handlers.text && raw.length > 0) handlers.text(decodeEntities(raw));
}

const ATTRIBUTE_RE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE_RE)) {
    attributes[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? "");
  }
  return attributes;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: "\"", apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (all, entity: string) => {
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED_ENTITIES[entity] ?? all;
  });
}

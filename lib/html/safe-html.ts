/**
 * Markup built as a string, escaped by construction, for the few server-rendered blocks whose React
 * rendering dominated a page's cost (README "Performance"): every interpolated value is escaped
 * unless it is itself `SafeHtml` made by `html`. Values go only into element text or into quoted
 * attribute values (`href="${url}"`), never into tag or attribute names, unquoted attributes,
 * `<script>`, `<style>` or event handlers. Pure: no React, no Next.js.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or a quoted attribute value, escaped (the five characters that can end either). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: html`<a href="${href}">${title}</a>`. null, undefined and booleans render nothing. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] as string);
  return new SafeHtml(out);
}

/**
 * A link target the portal built itself: a path on this site or a fragment. Anything else (a
 * `javascript:` or external URL) is refused, as React refuses `javascript:` hrefs.
 */
export function href(url: string): string {
  if (!/^(\/(?!\/)|#)/.test(url)) throw new Error(`not a path on this site: ${url}`);
  return url;
}

/** `class="…"` only when there are classes. */
export function classAttr(...names: readonly (string | null | undefined | false)[]): SafeHtml {
  const value = names.filter(Boolean).join(" ");
  return value ? html` class="${value}"` : new SafeHtml("");
}

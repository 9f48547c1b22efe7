import type { SafeHtml } from "./safe-html";

/**
 * Markup remembered for as long as the objects it was built from live. The dashboard's figures,
 * offices and reminders are memoised objects (lib/dashboard/cache.ts): the same instances until a
 * change moves the stamp, then new ones. So markup keyed on their identity is rebuilt exactly when
 * its inputs change, and dropped with them (WeakMap). `variant` names everything else the markup
 * depends on (filters, what the viewer may do). Pure: no React, no Next.js.
 */
type Level = { next: WeakMap<object, Level>; built: Map<string, SafeHtml> };

const root: Level = { next: new WeakMap(), built: new Map() };

/** Variants kept per set of inputs; the oldest is dropped beyond this. */
const VARIANTS = 32;

export function memoHtml(inputs: readonly object[], variant: string, build: () => SafeHtml): SafeHtml {
  let level = root;
  for (const input of inputs) {
    let next = level.next.get(input);
    if (!next) {
      next = { next: new WeakMap(), built: new Map() };
      level.next.set(input, next);
    }
    level = next;
  }
  const hit = level.built.get(variant);
  if (hit) return hit;
  const made = build();
  level.built.set(variant, made);
  if (level.built.size > VARIANTS) level.built.delete(level.built.keys().next().value as string);
  return made;
}

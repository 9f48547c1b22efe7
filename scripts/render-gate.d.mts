import type { EventEmitter } from "node:events";

export interface RenderGate {
  (response: EventEmitter, run: () => void): void;
  stats(): { active: number; waiting: number };
}
export function createRenderGate(limit: number): RenderGate;
export function isPageRequest(request: { method?: string; url?: string }): boolean;
export function renderConcurrency(env?: Record<string, string | undefined>): number;

import type { EventEmitter } from "node:events";

export interface IdleTrimOptions {
  delayMs: number;
  minGrowthBytes: number;
  collect: () => void;
  rssBytes: () => number;
  setTimer?: (fire: () => void, ms: number) => unknown;
  clearTimer?: (timer: never) => void;
}
export interface IdleTrim {
  (response: EventEmitter): void;
  stats(): { active: number; pending: boolean; trims: number };
}
export function createIdleTrim(options: IdleTrimOptions): IdleTrim;
export function idleTrimDelay(env?: Record<string, string | undefined>): number;

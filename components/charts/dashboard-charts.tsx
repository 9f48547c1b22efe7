"use client";

import { useMemo } from "react";
import { EChart, type ChartOption } from "./echart";

/** Status colours of the engine (STATUS_COLOR) used for series. */
const BLUE = "#2563eb";
const GREEN = "#16a34a";
const AMBER = "#ca8a04";
const SLATE = "#64748b";

const TOOLTIP = { trigger: "axis", renderMode: "richText", axisPointer: { type: "shadow" } } as const;
const pct = (v: unknown) => `${typeof v === "number" ? v : 0}%`;

export interface RateBar {
  label: string;
  /** 0–100 */
  value: number;
  href: string;
}

/** 各部分完成率: one horizontal bar per section of the plan. */
export function SectionChart({ bars }: { bars: RateBar[] }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { ...TOOLTIP, valueFormatter: pct },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 220, overflow: "truncate" } },
      series: [{ type: "bar", name: "完成率", data: bars.map((b) => b.value), itemStyle: { color: BLUE }, label: { show: true, position: "right", formatter: "{c}%" }, barMaxWidth: 28 }],
    }),
    [bars],
  );
  return <EChart option={option} hrefs={bars.map((b) => b.href)} label="各部分完成率" testId="chart-sections" className="h-64 w-full print:h-52" />;
}

export interface OfficeBar {
  label: string;
  lead: number | null;
  support: number | null;
  href: string;
}

/** 各科室完成率: points led (牵头) and supported (配合) side by side. */
export function OfficeChart({ bars }: { bars: OfficeBar[] }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { ...TOOLTIP, valueFormatter: (v: unknown) => (v === null || v === undefined || v === "-" ? "无" : pct(v)) },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: bars.length > 8 ? 40 : 0 } },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { type: "bar", name: "牵头", data: bars.map((b) => b.lead ?? "-"), itemStyle: { color: BLUE }, barMaxWidth: 22 },
        { type: "bar", name: "配合", data: bars.map((b) => b.support ?? "-"), itemStyle: { color: GREEN }, barMaxWidth: 22 },
      ],
    }),
    [bars],
  );
  return <EChart option={option} hrefs={bars.map((b) => b.href)} label="各科室完成率（牵头与配合）" testId="chart-offices" className="h-72 w-full print:h-52" />;
}

export interface ActivityMonth {
  label: string;
  entries: number;
  cumulativePersonTimes: number | null;
  expectedPersonTimes: number | null;
  href: string;
}

/** Monthly entries (bars) with cumulative person-times against their 序时进度 (lines). */
export function ActivityChart({ months, showPersonTimes }: { months: ActivityMonth[]; showPersonTimes: boolean }) {
  const option = useMemo<ChartOption>(() => {
    const series: object[] = [
      { type: "bar", name: "台账条数", data: months.map((m) => m.entries), itemStyle: { color: BLUE }, barMaxWidth: 24 },
    ];
    if (showPersonTimes) {
      series.push(
        { type: "line", name: "累计人次", yAxisIndex: 1, data: months.map((m) => m.cumulativePersonTimes ?? "-"), itemStyle: { color: GREEN }, symbolSize: 6 },
        { type: "line", name: "序时进度（人次）", yAxisIndex: 1, data: months.map((m) => m.expectedPersonTimes ?? "-"), itemStyle: { color: AMBER }, lineStyle: { type: "dashed" }, symbol: "none" },
      );
    }
    return {
      tooltip: { ...TOOLTIP },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: months.map((m) => m.label) },
      yAxis: [
        { type: "value", name: "条", minInterval: 1, axisLine: { show: true, lineStyle: { color: SLATE } } },
        ...(showPersonTimes ? [{ type: "value", name: "人次", splitLine: { show: false }, axisLine: { show: true, lineStyle: { color: SLATE } } }] : []),
      ],
      series,
    };
  }, [months, showPersonTimes]);
  return <EChart option={option} hrefs={months.map((m) => m.href)} label="每月台账与人次（对照序时进度）" testId="chart-activity" className="h-72 w-full print:h-56" />;
}

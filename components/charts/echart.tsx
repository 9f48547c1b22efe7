"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// Only what the dashboard draws, so the bundle stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts instance in a div. The canvas renderer and `tooltip.renderMode: "richText"` keep
 * every style in the CSSOM or the canvas: the page CSP forbids inline style attributes, which
 * ECharts' HTML tooltips would need. Clicking a data item opens hrefs[dataIndex].
 */
export function EChart({
  option,
  hrefs,
  label,
  className = "h-72 w-full",
  testId,
}: {
  option: ChartOption;
  hrefs?: readonly (string | null)[];
  label: string;
  className?: string;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const links = useRef(hrefs);
  const latest = useRef(option);
  const router = useRouter();

  useEffect(() => {
    links.current = hrefs;
    latest.current = option;
  }, [hrefs, option]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.setOption(latest.current);
    instance.on("click", (params) => {
      const href = typeof params.dataIndex === "number" ? links.current?.[params.dataIndex] : null;
      if (href) router.push(href);
    });
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    window.addEventListener("beforeprint", resize);
    window.addEventListener("afterprint", resize);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", resize);
      window.removeEventListener("afterprint", resize);
      instance.dispose();
      chart.current = null;
    };
  }, [router]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // min-w-0 + overflow-hidden: a drawn canvas must not hold its grid cell open when the window narrows.
  return <div ref={container} role="img" aria-label={label} className={`echart ${className} min-w-0 overflow-hidden`} data-testid={testId} />;
}

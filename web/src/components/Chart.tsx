import type { BarSeriesOption, PieSeriesOption } from "echarts/charts";
import type { DatasetComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption, ECharts } from "echarts/core";
import { useEffect, useRef, type CSSProperties } from "react";
import "./chart.css";

/** The ECharts option types Chart supports (bar and pie; grid, tooltip, legend, dataset). */
export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DatasetComponentOption
>;

/** What a click on a bar or slice hit. */
export interface ChartSelection {
  dataIndex: number;
  seriesIndex: number;
  seriesName: string | undefined;
  /** The category (axis label or slice name). */
  name: string;
}

interface ChartProps {
  option: ChartOption;
  /** Called when a bar or slice is clicked. */
  onSelect?: (selection: ChartSelection) => void;
  /**
   * What the chart shows, read aloud instead of the canvas. Put the numbers beside the chart as
   * text too (a table or list of links): a canvas is neither readable nor focusable.
   */
  label: string;
  height?: number;
  testId?: string;
}

/** The option with the page's font stack (so Japanese renders in a Japanese font) and canvas tooltips. */
function withDefaults(option: ChartOption, el: HTMLElement): ChartOption {
  return {
    animationDuration: 300,
    ...option,
    textStyle: { fontFamily: getComputedStyle(el).fontFamily, ...(option.textStyle as object | undefined) },
    // HTML tooltips carry inline style attributes, which the CSP refuses: draw them on the canvas.
    ...(option.tooltip && !Array.isArray(option.tooltip) && { tooltip: { renderMode: "richText", ...option.tooltip } }),
  };
}

/**
 * An Apache ECharts chart: loads ECharts on first use, is created on mount, updated when `option`
 * changes, resized with its box and disposed on unmount.
 */
export function Chart({ option, onSelect, label, height = 260, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(undefined);
  const latest = useRef({ option, onSelect });
  latest.current = { option, onSelect };

  useEffect(() => {
    let instance: ECharts | undefined;
    let observer: ResizeObserver | undefined;
    let disposed = false;
    void import("./chart-engine.ts").then(({ createChart }) => {
      const el = box.current;
      if (disposed || !el) return;
      instance = createChart(el);
      chart.current = instance;
      instance.setOption(withDefaults(latest.current.option, el), { notMerge: true });
      instance.on("click", (params) => {
        latest.current.onSelect?.({ dataIndex: params.dataIndex, seriesIndex: params.seriesIndex ?? 0, seriesName: params.seriesName, name: params.name });
      });
      const resize = instance.resize.bind(instance);
      observer = new ResizeObserver(() => resize());
      observer.observe(el);
      el.dataset.ready = "true";
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (chart.current && box.current) chart.current.setOption(withDefaults(option, box.current), { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" style={{ height } as CSSProperties} role="img" aria-label={label} data-testid={testId} />;
}

import { BarChart, PieChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, CanvasRenderer]);

/**
 * ECharts with only what Musubi's charts use (bar, pie; grid, tooltip, legend, dataset; canvas).
 * Loaded on demand by Chart.tsx, so pages without charts do not download it.
 */
export function createChart(el: HTMLElement): echarts.ECharts {
  return echarts.init(el, undefined, { renderer: "canvas" });
}

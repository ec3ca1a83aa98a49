import { BarChart as EBarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef } from 'react';

// Only what the reports draw: bar charts in SVG (sharp in screenshots and print, text selectable).
use([EBarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface BarSeries {
  name: string;
  values: number[];
  color?: string;
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
}

export interface BarChartProps {
  /** What the chart shows, in one sentence: read by screen readers (the table beside it holds the figures). */
  label: string;
  categories: string[];
  series: BarSeries[];
  height?: number;
  horizontal?: boolean;
  /** Unit after values in the tooltip, e.g. "件" or "毫秒". */
  unit?: string;
}

/** A bar chart (ECharts, SVG). The figures are also in the page's table, so the chart is one image for assistive tech. */
export function BarChart({
  label,
  categories,
  series,
  height = 280,
  horizontal = false,
  unit = '',
}: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return undefined;
    const instance = init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      axisLabel: { interval: 0, rotate: horizontal || categories.length <= 6 ? 0 : 30, fontSize: 12 },
    };
    const valueAxis = { type: 'value' as const, minInterval: 1 };
    const option: Option = {
      aria: { enabled: false },
      animation: false,
      grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
      legend: series.length > 1 ? { top: 0 } : undefined,
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}${unit}` },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        stack: s.stack,
        itemStyle: s.color ? { color: s.color } : undefined,
        barMaxWidth: 28,
      })),
    };
    chart.current?.setOption(option, true);
  }, [categories, series, horizontal, unit]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

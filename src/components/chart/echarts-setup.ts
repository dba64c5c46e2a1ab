import { use, init } from 'echarts/core';
import { BarChart, LineChart, PieChart, SankeyChart, BoxplotChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  DataZoomComponent,
  TitleComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only the chart types the app draws are registered, keeping the bundle small.
use([
  BarChart,
  LineChart,
  PieChart,
  SankeyChart,
  BoxplotChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  DataZoomComponent,
  TitleComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** The chart as an SVG document, rendered off-screen with the same option. */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

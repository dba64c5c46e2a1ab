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
import { svgVNodeToXml, type SvgVNode } from '@/charts/export-frame';

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

/** What the SVG painter of an `ssr` chart offers beyond ECharts' typed surface. */
interface SvgPainter {
  renderToVNode(opts: {
    animation: boolean;
    emphasis: boolean;
    willUpdate: boolean;
    compress: boolean;
    useViewBox: boolean;
  }): SvgVNode;
}

/**
 * The chart as an SVG element, rendered off-screen with the same option. ZRender's tree is
 * serialised by `svgVNodeToXml`, which escapes attribute values (ECharts' `renderToSVGString`
 * does not, and its font list's quotes made every file malformed).
 */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
    const painter = chart.getZr().painter as unknown as SvgPainter;
    const tree = painter.renderToVNode({
      animation: false,
      emphasis: false,
      willUpdate: false,
      compress: true,
      useViewBox: true,
    });
    return svgVNodeToXml(tree);
  } finally {
    chart.dispose();
  }
}

import { theme } from "antd";
import { BarChart, type BarSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, type ECharts, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useElderlyMode } from "../elderly/elderly-mode.tsx";

// Only the parts the app draws are registered, so the bundle carries them and not all of ECharts.
// A new kind of chart registers its series (and any component it needs) here.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** What a chart may be given: the series and components registered above. */
export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/**
 * An ECharts chart for a fixed-height block. The canvas is an image to assistive technology (role="img",
 * named by `label`, which should state what the chart shows); the page keeps the data in a table beside
 * it. Text follows the Ant Design theme, so 长辈版 enlarges it, and motion is off there and for people
 * who ask the system for reduced motion.
 */
export function Chart({
  option,
  label,
  height,
  className,
}: {
  option: ChartOption;
  label: string;
  height: number;
  className?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const { token } = theme.useToken();
  const { isElderly } = useElderlyMode();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const reduceMotion = isElderly || window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    chart.current?.setOption(
      {
        animation: !reduceMotion,
        textStyle: { fontFamily: token.fontFamily, fontSize: token.fontSize, color: token.colorText },
        ...option,
      },
      { notMerge: true },
    );
  }, [option, isElderly, token.fontFamily, token.fontSize, token.colorText]);

  return <div ref={container} role="img" aria-label={label} className={className} style={{ height }} />;
}

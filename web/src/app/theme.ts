import type { ThemeConfig } from "antd";

// AntD's default blue (#1677ff) and secondary grey reach only ~4:1 and ~3.4:1 on white;
// these keep every text colour at WCAG AA (4.5:1) or better.
const standard: ThemeConfig = {
  token: {
    colorPrimary: "#0958d9",
    // The derived hover/active shades are lighter and would drop white button text below 4.5:1.
    colorPrimaryHover: "#003eb3",
    colorPrimaryActive: "#002c8c",
    colorLink: "#0958d9",
    colorLinkHover: "#003eb3",
    colorTextSecondary: "#595959",
    colorTextDescription: "#595959",
    colorTextTertiary: "#595959",
    colorTextPlaceholder: "#707070",
    colorBorder: "#8c8c8c",
    // AntD's red (#ff4d4f) is 3.3:1 on white: danger buttons and form errors need a darker one.
    colorError: "#cf1322",
    fontSize: 15,
    borderRadius: 6,
  },
};

// 长辈版: large type (≥ 18px), near-black text and AAA (≥ 7:1) colours, 48px controls (≥ 44px targets).
const elderly: ThemeConfig = {
  token: {
    colorPrimary: "#003a8c",
    colorPrimaryHover: "#002766",
    colorPrimaryActive: "#002766",
    colorLink: "#003a8c",
    colorLinkHover: "#002766",
    colorText: "#000000",
    colorTextHeading: "#000000",
    colorTextSecondary: "#1f1f1f",
    colorTextDescription: "#1f1f1f",
    colorTextTertiary: "#262626",
    colorTextPlaceholder: "#434343",
    colorBorder: "#434343",
    colorBorderSecondary: "#8c8c8c",
    colorBgLayout: "#ffffff",
    colorError: "#a8071a",
    fontSize: 20,
    fontSizeSM: 18,
    fontSizeLG: 22,
    controlHeight: 48,
    controlHeightSM: 44,
    controlHeightLG: 56,
    lineHeight: 1.7,
    borderRadius: 4,
    // No `motion: false` here: toggling that token makes AntD rebuild the whole tree (losing form input);
    // elderly.css stops animations instead.
  },
};

/** The AntD theme for the current mode. */
export function themeFor(isElderly: boolean): ThemeConfig {
  return isElderly ? elderly : standard;
}

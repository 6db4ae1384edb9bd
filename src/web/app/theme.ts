import type { ThemeConfig } from "antd";

/** A calm theme: Party red for actions, white surfaces, light grey page. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: "#b71c1c",
    colorLink: "#b71c1c",
    colorInfo: "#1565c0",
    borderRadius: 6,
    colorBgLayout: "#f4f5f7",
    fontSize: 15,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  },
  components: {
    Layout: { headerBg: "#ffffff", siderBg: "#ffffff", headerPadding: "0 16px", headerHeight: 60 },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8 },
    Table: { headerBg: "#fafafa" },
  },
};

/** The same theme without animations, for users whose system asks for reduced motion. */
export const withoutMotion: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

import { Badge, createTheme } from '@mantine/core';

/** System fonts only (no downloads); Chinese faces first so Windows and Kylin/UOS pick a proper CJK font. */
const FONT_FAMILY =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY },
  components: {
    // Upper-case badges suit neither Chinese nor sentence-case English status words.
    Badge: Badge.extend({ defaultProps: { tt: 'none' } }),
  },
});

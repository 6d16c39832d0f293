/**
 * What 雷州市 published in 2018 by category, from the city's own 2018 annual report (../shared/seed/):
 * the figures the demo data set must reproduce, restated here from the report rather than taken
 * from the loader, so the tests check the loader against the source.
 */
export const LEIZHOU_2018_PUBLISHED_BY_CATEGORY = {
  政府文件: 66,
  政策解读: 22,
  动态信息: 1078,
  公告公示: 46,
  政府信息公开年度报告: 1,
  政府网站工作年度报表: 1,
  政府信息公开指南: 1,
  重点领域信息: 441,
  专题: 124,
} as const;

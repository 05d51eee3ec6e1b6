/** The web app's words for the scorecards pages, in Chinese (spread into zh-CN.ts under `scorecards`). */
export const scorecardsZhCN = {
  title: 'scorecards',
};

/** The web app's words for the cycles pages, in Chinese (spread into zh-CN.ts under `cycles`). */
export const cyclesZhCN = {
  title: 'cycles',
};

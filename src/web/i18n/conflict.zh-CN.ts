/** The dialog of an edit that someone else's change made stale (components/StaleVersionDialog.tsx), in Chinese. */
export const conflictZhCN = {
  conflict: {
    title: '这条记录已被他人修改',
    changedBy: '{by} 于 {at} 修改了这条记录。',
    changedAt: '这条记录已于 {at} 被修改。',
    explain: '你的修改还没有保存。可以载入最新内容（放弃你的修改），或保留你的修改并保存（覆盖对方的修改）。',
    reload: '载入最新',
    apply: '保留我的修改并保存',
  },
};

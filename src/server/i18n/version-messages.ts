/** Messages of versions and conflicts (issue 13; http/versions.ts). */
export const versionMessages = {
  'zh-CN': {
    'request.stale_version': '这条记录已于 {at} 被{?by}修改（现为第 {currentVersion} 版，你的修改基于第 {expectedVersion} 版），你的修改没有保存。请刷新后再改，或在最新版本上重做你的修改。',
    'request.stale_version.by': ' {by} ',
    'request.version_mismatch': 'If-Match 头（版本 {header}）与请求体的 version（{body}）不一致，请只发送其中一个，或让两者相同。',
    'request.bad_if_match': 'If-Match 头“{value}”不是版本号。请发送上次读取时得到的 ETag，例如 If-Match: "3"。',
  },
  en: {
    'request.stale_version': 'This record was changed{?by} at {at} (it is now version {currentVersion}; your change was based on version {expectedVersion}), so your change was not saved. Reload and change it again, or redo your change on the latest version.',
    'request.stale_version.by': ' by {by}',
    'request.version_mismatch': 'The If-Match header (version {header}) and the body’s version ({body}) disagree. Send one of them, or the same version in both.',
    'request.bad_if_match': 'The If-Match header "{value}" is not a version. Send the ETag you last read, e.g. If-Match: "3".',
  },
} as const;

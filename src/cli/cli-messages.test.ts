import { describe, expect, it } from 'vitest';
import { type CliMessage, cliLang, say } from './cli-messages.ts';

const keys: CliMessage[] = [
  'admin.invalid_options', 'admin.no_workspace', 'admin.added', 'admin.already_set_up', 'admin.created',
  'api.no_token', 'api.bad_url', 'api.unreachable', 'api.bad_method', 'api.bad_path', 'api.bad_json', 'file.unreadable',
  'backup.written', 'backup.restored', 'backup.no_rows', 'backup.refused',
  'restore.warning', 'restore.pass_yes', 'restore.ask', 'restore.cancelled',
  'serve.port_in_use', 'serve.db_unreachable', 'serve.migrated',
];

describe('CLI messages', () => {
  it('follow LANG: English for en*, Chinese otherwise', () => {
    expect(cliLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(cliLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLang({ LANG: 'C.UTF-8' })).toBe('zh-CN');
    expect(cliLang({})).toBe('zh-CN');
  });

  it('say every message in both languages, with its parameters filled in', () => {
    const params = { lines: 'L', slug: 'S', email: 'E', workspace: 'W', url: 'U', detail: 'D', method: 'M', path: 'P', file: 'F', tables: 'T', createdAt: 'C', version: 'V', warning: 'X', kind: 'embedded' };
    for (const key of keys) {
      const zh = say(key, params, 'zh-CN');
      const en = say(key, params, 'en');
      expect(zh, key).not.toBe('');
      expect(en, key).not.toBe(zh);
      expect(zh, key).not.toMatch(/undefined|\$\{/);
      expect(en, key).not.toMatch(/undefined|\$\{/);
    }
    expect(say('api.bad_path', { path: 'x' }, 'zh-CN')).toBe('路径必须以 /api/ 开头（现在是 “x”）');
  });
});

import fs from 'node:fs';
import type { Command } from 'commander';
import { CliError } from './cli-error.ts';
import { say } from './cli-messages.ts';

export type Remote = { url: string; token: string };

/** The server and API token: --url/--token, else KEDU_URL/KEDU_TOKEN. */
export function remote(opts: { url?: string; token?: string }): Remote {
  const url = (opts.url ?? process.env.KEDU_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const token = opts.token ?? process.env.KEDU_TOKEN;
  if (!token) throw new CliError(say('api.no_token'), 2);
  if (!/^https?:\/\//.test(url)) throw new CliError(say('api.bad_url', { url }), 2);
  return { url, token };
}

async function call(r: Remote, method: string, path: string, body?: string) {
  let res: Response;
  try {
    res = await fetch(`${r.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${r.token}`, ...(body ? { 'content-type': 'application/json' } : {}), 'accept-language': process.env.LANG?.startsWith('en') ? 'en' : 'zh-CN' },
      body,
    });
  } catch (err) {
    throw new CliError(say('api.unreachable', { url: r.url, detail: (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message }), 1);
  }
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a file download, say): printed as it is
  }
  if (!res.ok) {
    const error = (json as { error?: { code: string; message: string; details?: { path?: unknown[]; message: string }[] } }).error;
    const details = (error?.details ?? []).map((d) => `  ${d.path ? `${d.path.join('.')}: ` : ''}${d.message}`).join('\n');
    throw new CliError(`${res.status} ${error?.code ?? ''}: ${error?.message ?? text}${details ? `\n${details}` : ''}`, 1);
  }
  return json;
}

export function registerApiCommands(program: Command): void {
  const withRemote = (cmd: Command) =>
    cmd.option('--url <url>', 'Kedu server (default: $KEDU_URL or http://localhost:3000)').option('--token <token>', 'API token (default: $KEDU_TOKEN)');

  withRemote(program.command('whoami').description('show the account an API token belongs to, and its workspaces')).action(async (opts) => {
    const me = (await call(remote(opts), 'GET', '/api/v1/auth/me')) as { user: { name: string; email: string }; workspaces: { slug: string; name: string; role: string }[] };
    process.stdout.write(`${me.user.name} <${me.user.email}>\n`);
    for (const w of me.workspaces) process.stdout.write(`  ${w.slug}\t${w.role}\t${w.name}\n`);
  });

  withRemote(
    program
      .command('api')
      .description('call the REST API with your token and print the JSON answer, e.g. kedu api GET /api/v1/workspaces/demo/units')
      .argument('<method>', 'GET, POST, PATCH or DELETE')
      .argument('<path>', 'path starting with /api/v1/')
      .option('-d, --data <json>', 'request body: JSON text, or @file to read it from a file'),
  ).action(async (method: string, path: string, opts: { data?: string; url?: string; token?: string }) => {
    const verb = method.toUpperCase();
    if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(verb)) throw new CliError(say('api.bad_method', { method }), 2);
    if (!path.startsWith('/api/')) throw new CliError(say('api.bad_path', { path }), 2);
    let body: string | undefined;
    if (opts.data !== undefined) {
      body = opts.data.startsWith('@') ? readFile(opts.data.slice(1)) : opts.data;
      try {
        JSON.parse(body);
      } catch (err) {
        throw new CliError(say('api.bad_json', { detail: (err as Error).message }), 2);
      }
    }
    const result = await call(remote(opts), verb, path, body);
    process.stdout.write(typeof result === 'string' ? result : `${JSON.stringify(result, null, 2)}\n`);
  });
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(say('file.unreadable', { file }), 2);
  }
}

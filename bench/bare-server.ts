/**
 * The baseline of bench/dashboard.bench.ts: a bare Fastify server in its own process, as the
 * real server runs in its own, that answers each path with a JSON body it holds in memory —
 * no authentication, no database, no validation or serialisation. Usage:
 * `node --import tsx bench/bare-server.ts <bodies.json>` (an object: path → body text);
 * prints `listening <port>` once it listens on 127.0.0.1.
 */
import fs from 'node:fs';
import Fastify from 'fastify';

const bodies = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Record<string, string>;
const app = Fastify({ logger: false });
for (const [path, body] of Object.entries(bodies)) {
  app.get(path, async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
}
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);

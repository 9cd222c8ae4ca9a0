// npm run start:cluster [-- -p <port>] [-H <host>]: the production server on
// every core. A Node process runs JavaScript on one core, and a search runs
// synchronously, so `next start` serves one search at a time; here the primary
// forks KAVOSH_WORKERS processes (default: the machine's available cores), each
// its own Next.js server with its own engine and its own copy of the index in
// memory, all sharing one port through node:cluster. A worker that dies is
// replaced. Plain JavaScript, so that it runs where only the production
// dependencies are installed.
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(names, fallback) {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length - 1; i++) if (names.includes(argv[i])) return argv[i + 1];
  return fallback;
}

const port = Number(flag(['-p', '--port'], process.env.PORT ?? '3000'));
const hostname = flag(['-H', '--hostname'], '0.0.0.0');
const given = process.env.KAVOSH_WORKERS?.trim();
const workers = given ? Number(given) : os.availableParallelism();
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`KAVOSH_WORKERS: expected a whole number of processes ≥ 1, got "${given}"`);
  process.exit(2);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`-p: expected a port number, got "${flag(['-p', '--port'], '')}"`);
  process.exit(2);
}

if (cluster.isPrimary) {
  let stopping = false;
  const fork = () => cluster.fork({ NODE_ENV: 'production' });
  for (let i = 0; i < workers; i++) fork();
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === workers) console.log(`kavosh: ${workers} server process${workers === 1 ? '' : 'es'} on http://${hostname}:${port}`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`kavosh: server process ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another`);
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: ROOT, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  http.createServer((req, res) => handle(req, res)).listen(port, hostname);
}

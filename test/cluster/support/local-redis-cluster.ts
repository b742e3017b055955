import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MASTERS = 3;
/** Redis Cluster's bus listens on the client port + 10 000. */
const BUS_OFFSET = 10_000;

/** Whether `port` and its cluster-bus port can both be bound on 127.0.0.1 now. */
async function canBind(port: number): Promise<boolean> {
  const bind = (candidate: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(candidate, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  return (await bind(port)) && (await bind(port + BUS_OFFSET));
}

/** Free ports (with free bus ports) in 20 000–29 999, picked at random so parallel runs rarely meet. */
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let attempt = 0; ports.length < count && attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (!ports.includes(port) && (await canBind(port))) ports.push(port);
  }
  if (ports.length < count) throw new Error('No free ports for a local Redis Cluster between 20000 and 29999.');
  return ports;
}

function clusterState(port: number): string {
  const info = spawnSync('redis-cli', ['-p', String(port), 'cluster', 'info'], { encoding: 'utf8', timeout: 5_000 });
  return /cluster_state:(\w+)/.exec(info.stdout ?? '')?.[1] ?? 'down';
}

/**
 * A three-master Redis Cluster of its own for one test: `redis-server --cluster-enabled yes` on
 * free ports with data in a temp dir, joined by `redis-cli --cluster create`. `stop()` ends the
 * servers and removes the temp dir.
 */
export async function startLocalRedisCluster() {
  const ports = await freeClusterPorts(MASTERS);
  const dir = mkdtempSync(join(tmpdir(), 'pco-cluster-'));
  const servers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null || server.signalCode !== null) return resolve();
            server.once('exit', () => resolve());
            server.kill('SIGKILL');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const nodeDir = join(dir, String(port));
      mkdirSync(nodeDir);
      servers.push(
        spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--dir', nodeDir, '--appendonly', 'no', '--save', ''], { stdio: 'ignore' }),
      );
    }
    await waitUntil(() => ports.every((port) => spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', timeout: 2_000 }).stdout?.trim() === 'PONG'), 'the cluster nodes to answer PING');
    const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-yes'], { encoding: 'utf8', timeout: 30_000 });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    await waitUntil(() => ports.every((port) => clusterState(port) === 'ok'), 'cluster_state:ok on every node');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    /** `host:port` of every master, as REDIS_CLUSTER_NODES takes them. */
    nodes: ports.map((port) => `127.0.0.1:${port}`),
    dir,
    stop,
  };
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// A Redis server for the queue's tests: TRIANGULATE_TEST_REDIS (set by .ci/run), or a
// redis-server of the test's own on a free port when the binary is installed; its database is
// emptied first.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { connectRedis } from '../../src/queue/work-queue.ts';

export const hasRedis = Boolean(process.env.TRIANGULATE_TEST_REDIS) || spawnSync('redis-server', ['--version']).status === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface TestRedis {
  url: string;
  stop(): void;
}

export async function testRedis(): Promise<TestRedis> {
  let child: ChildProcess | null = null;
  let url = process.env.TRIANGULATE_TEST_REDIS;
  if (!url) {
    const port = await freePort();
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    url = `redis://127.0.0.1:${port}/0`;
  }
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      const redis = await connectRedis(url);
      await redis.flushdb();
      redis.disconnect();
      break;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => child?.kill('SIGKILL') };
}

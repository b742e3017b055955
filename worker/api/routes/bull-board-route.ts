import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';

/**
 * Bull Board (the standard BullMQ dashboard) for operators, served under `basePath`. Auth is
 * applied by the caller in front of it. Its packages are pinned to exact versions in package.json.
 */
export function createBullBoardRoute(queues: readonly Queue[], basePath: string) {
  const serverAdapter = new HonoAdapter(serveStatic);
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'pc-onboard' } },
  });
  return serverAdapter.registerPlugin();
}

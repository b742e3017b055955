import { existsSync } from 'node:fs';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { connectRedis, redactUrl } from './connect-redis.ts';
import { TEST_REDIS_URL } from '../../test/support/redis/with-redis.ts';

describe('connectRedis', () => {
  it('should use the configured Redis when it answers', async () => {
    const handle = await connectRedis({ redisUrl: TEST_REDIS_URL, dataDir: makeTempDir('pco-redis-') });
    try {
      expect(handle.embeddedPid).toBeUndefined();
      expect(await handle.redis.ping()).toBe('PONG');
    } finally {
      await handle.close();
    }
  });

  it('should start redis-server with AOF in the data directory when nothing answers, and stop it on close', async () => {
    const dataDir = makeTempDir('pco-redis-');
    const handle = await connectRedis({ redisUrl: 'redis://127.0.0.1:1', dataDir });
    const pid = handle.embeddedPid!;
    expect(pid).toBeGreaterThan(0);
    expect(handle.url).toMatch(/^redis:\/\/127\.0\.0\.1:(639\d|64\d\d)$/);
    await handle.redis.set('probe', 'value');
    expect(await handle.redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    // A second process of the same data directory shares that Redis and does not stop it.
    const second = await connectRedis({ redisUrl: 'redis://127.0.0.1:1', dataDir });
    expect(second.url).toBe(handle.url);
    expect(second.embeddedPid).toBeUndefined();
    expect(await second.redis.get('probe')).toBe('value');
    await second.close();
    expect(() => process.kill(pid, 0)).not.toThrow();
    await handle.close();
    expect(existsSync(join(dataDir, 'redis', 'port'))).toBe(false);
    expect(existsSync(join(dataDir, 'redis'))).toBe(true);
    expect(() => process.kill(pid, 0)).toThrow();
  }, 20_000);

  it('should report a lost connection once per connection, not on every reconnect attempt', async () => {
    const dataDir = makeTempDir('pco-redis-');
    const errors: string[] = [];
    const handle = await connectRedis({ redisUrl: 'redis://127.0.0.1:1', dataDir }, { onConnectionError: (error) => errors.push(error.message) });
    const subscriber = handle.duplicate();
    try {
      await subscriber.subscribe('probe');
      expect(await handle.redis.ping()).toBe('PONG');
      process.kill(handle.embeddedPid!, 'SIGKILL');
      await vi.waitFor(() => expect(errors.length).toBe(2), { timeout: 10_000 });
      // The scenario is time passing: ioredis retries every 50-2000 ms, and several more attempts must report nothing.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(errors.length).toBe(2);
    } finally {
      subscriber.disconnect();
      await handle.close();
    }
  }, 20_000);

  it('should not replace a configured remote Redis that is down by a local one', async () => {
    await expect(connectRedis({ redisUrl: 'redis://:pw@192.0.2.1:6379', dataDir: makeTempDir('pco-redis-') })).rejects.toThrow(
      'No Redis answers at redis://***@192.0.2.1:6379',
    );
  });

  it('should hide the password of a Redis URL in messages', () => {
    expect(redactUrl('redis://user:s3cret@cache:6379/0')).toBe('redis://***@cache:6379/0');
  });
});

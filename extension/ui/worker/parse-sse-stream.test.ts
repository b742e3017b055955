import { describe, expect, it } from 'vitest';
import { parseSseStream, type ServerSentEvent } from './parse-sse-stream.ts';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of parseSseStream(streamOf(chunks))) events.push(event);
  return events;
}

describe('parseSseStream', () => {
  it('should read named events with JSON data', async () => {
    const events = await collect(['event: progress\ndata: {"a":1}\n\n', 'event: row\ndata: {"b":2}\n\n']);
    expect(events).toEqual([
      { event: 'progress', data: '{"a":1}', id: undefined },
      { event: 'row', data: '{"b":2}', id: undefined },
    ]);
  });

  it('should join events split across chunks, even inside a line and between CR and LF', async () => {
    const events = await collect(['event: ro', 'w\r', '\ndata: {"row"', ':3}\r\n\r', '\n']);
    expect(events).toEqual([{ event: 'row', data: '{"row":3}', id: undefined }]);
  });

  it('should skip comments such as heartbeats and default the event name to message', async () => {
    const events = await collect([': heartbeat\n\n', 'data: one\ndata: two\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo', id: undefined }]);
  });

  it('should not emit an event that was never terminated by a blank line', async () => {
    expect(await collect(['event: row\ndata: {}\n'])).toEqual([]);
  });
});

/** One server-sent event: its `event:` name (default `message`) and joined `data:` lines. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Parses a `text/event-stream` body (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream).
 * EventSource can't send an `Authorization` header, so the side panel reads SSE through `fetch`.
 */
export async function* parseSseStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = { name: '', data: [] as string[], id: undefined as string | undefined };
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      // Any of CRLF, LF, CR ends a line; keep a trailing CR in the buffer in case LF follows.
      let match: RegExpExecArray | null;
      while ((match = /\r\n|\n|\r(?=[^\n])/.exec(buffer))) {
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === '') {
          if (event.data.length > 0) yield { event: event.name || 'message', data: event.data.join('\n'), id: event.id };
          event = { name: '', data: [], id: event.id };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const fieldValue = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'data') event.data.push(fieldValue);
        else if (field === 'event') event.name = fieldValue;
        else if (field === 'id') event.id = fieldValue;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

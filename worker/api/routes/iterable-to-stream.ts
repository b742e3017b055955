/**
 * A web ReadableStream over an async iterable of bytes, pulled on demand; cancelling the stream
 * (client gone) ends the iterator. (`ReadableStream.from` exists in Node but not in the DOM types.)
 */
export function iterableToStream(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

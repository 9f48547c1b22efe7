/**
 * A request body of `chunks` chunks of `size` bytes that counts the chunks pulled from it (and
 * whether it was cancelled), to prove a reader stopped at its cap instead of reading everything.
 * highWaterMark 0: nothing is pulled ahead of the reader.
 */
export function countingStream(chunks: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= chunks) return controller.close();
        state.pulled += 1;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

import type { DestinationStream } from 'pino';

const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/**
 * Where the server's log lines go: stdout, without ever blocking the event loop on it. pino's
 * default destination writes synchronously and, when a pipe is full because nobody reads it any
 * more, sleeps and retries for ever, so requests and even a SIGTERM shutdown hang. Here a line is
 * handed to process.stdout, which queues it when the pipe is full; past a few megabytes queued,
 * or once the pipe has broken (EPIPE), lines are dropped rather than held.
 */
export function stdoutDestination(out: NodeJS.WriteStream = process.stdout): DestinationStream {
  let broken = false;
  out.on('error', () => {
    broken = true;
  });
  return {
    write(line: string) {
      if (broken || out.writableLength > MAX_PENDING_BYTES) return;
      out.write(line);
    },
  };
}

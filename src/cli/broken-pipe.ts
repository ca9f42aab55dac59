/**
 * `coachlint transcripts/ | head`: once the reader of the output has gone, writing more fails
 * with EPIPE. Node reports that as an unhandled stream error with a stack trace; command-line
 * tools stop quietly instead (they are killed by SIGPIPE, which Node ignores). This stops the
 * process quietly with the status such a tool ends with, 128 + SIGPIPE's number.
 */
export const BROKEN_PIPE_EXIT_CODE = 141

export function stopQuietlyOnBrokenPipe(streams: readonly NodeJS.WriteStream[], exit: (code: number) => never = process.exit): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') exit(BROKEN_PIPE_EXIT_CODE)
      throw error
    })
  }
}

/** A one-line progress display on stderr for long runs on a terminal: done, rate, ETA. */

export interface Progress {
  tick(conversations: number, bytesDone: number): void
  done(): void
}

const silent: Progress = { tick() {}, done() {} }

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--'
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`
}

export function createProgress(stream: NodeJS.WriteStream, totalBytes: number, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return silent
  const started = Date.now()
  let conversations = 0
  let last = 0
  let shown = false
  return {
    tick(n, bytesDone) {
      conversations += n
      const now = Date.now()
      if (now - last < 120 && bytesDone < totalBytes) return
      last = now
      const elapsed = (now - started) / 1000
      const rate = elapsed > 0 ? conversations / elapsed : 0
      const share = totalBytes > 0 ? Math.min(1, bytesDone / totalBytes) : 0
      const eta = share > 0 ? elapsed * (1 / share - 1) : NaN
      const width = 24
      const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░')
      stream.write(`\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${conversations.toLocaleString('en')} conversations  ${Math.round(rate).toLocaleString('en')}/s  ETA ${clock(eta)} `)
      shown = true
    },
    done() {
      if (shown) stream.write('\r\x1b[2K')
    }
  }
}

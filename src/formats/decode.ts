/**
 * Bytes to text: UTF-8 (with or without BOM) and UTF-16 with a BOM. Invalid
 * UTF-8 does not throw: each bad sequence becomes U+FFFD and is reported with
 * its offset in the decoded text, so the caller can drop only what it touches.
 */

export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
  /** Offsets (in `text`) of replacement characters standing for invalid bytes. */
  invalid: Array<{ offset: number; byte: number }>
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when invalid. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!
  if (b0 < 0x80) return 1
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = bytes[i + 1] ?? 0
    if (b0 === 0xe0 && b1 < 0xa0) return 0
    if (b0 === 0xed && b1 > 0x9f) return 0
    return cont(1) && cont(2) ? 3 : 0
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = bytes[i + 1] ?? 0
    if (b0 === 0xf0 && b1 < 0x90) return 0
    if (b0 === 0xf4 && b1 > 0x8f) return 0
    return cont(1) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', invalid: [] }
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', invalid: [] }
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', invalid: [] }
  } catch {
    return decodeLenient(body)
  }
}

function decodeLenient(bytes: Uint8Array): DecodedText {
  const decoder = new TextDecoder('utf-8')
  const invalid: DecodedText['invalid'] = []
  let text = ''
  let chunkStart = 0
  let i = 0
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) { i++; continue }
    const len = sequenceLength(bytes, i)
    if (len > 0) { i += len; continue }
    text += decoder.decode(bytes.subarray(chunkStart, i))
    invalid.push({ offset: text.length, byte: bytes[i]! })
    text += '\uFFFD'
    i++
    chunkStart = i
  }
  text += decoder.decode(bytes.subarray(chunkStart))
  return { text, encoding: 'utf-8', invalid }
}

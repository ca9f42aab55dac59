/** A list of twice the length holding `a`'s numbers first (scratch lists grow this way). */
export function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2)
  b.set(a)
  return b
}

/**
 * Sorts a list in place and returns it, stably, as `list.sort(compare)` does:
 * by insertion while it is short (no temporary copy, which a sort with a
 * comparator makes), by `Array.prototype.sort` otherwise. Hot paths sort
 * many short lists (a text's matches, a scan's units).
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 32) return list.sort(compare)
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!
    let j = i - 1
    while (j >= 0 && compare(list[j]!, x) > 0) {
      list[j + 1] = list[j]!
      j--
    }
    list[j + 1] = x
  }
  return list
}

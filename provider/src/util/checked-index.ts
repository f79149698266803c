/**
 * Reading a list at an index that is in range by construction (a table's last row, the item a
 * parallel list keeps at the same index): the item, typed as one, or an error naming the list when
 * that does not hold.
 */

/** `items[index]`; throws a `RangeError` naming `what` when `index` is not an index of `items`. */
export function itemAt<T>(items: readonly T[], index: number, what: string): T {
    if (!Number.isInteger(index) || index < 0 || index >= items.length) throw new RangeError(`${what}: no item at index ${index} (it has ${items.length})`);
    // In range, checked above: the item is a T (possibly an undefined one, when T allows it).
    return items[index] as T;
}

/** The last item of `items`; throws a `RangeError` naming `what` when it is empty. */
export function lastItem<T>(items: readonly T[], what: string): T {
    return itemAt(items, items.length - 1, what);
}

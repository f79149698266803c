/**
 * Two lists that run in step (keys and their resolved values, resources and the names they were
 * made for) as one list of pairs.
 */

/** `[first[i], second[i]]` for every index; throws a `RangeError` when the lists differ in length. */
export function zip<A, B>(first: readonly A[], second: readonly B[]): Array<[A, B]> {
    if (first.length !== second.length) throw new RangeError(`zip: lists of ${first.length} and ${second.length} items do not run in step`);
    const seconds = second[Symbol.iterator]();
    return first.map((a): [A, B] => {
        const b = seconds.next();
        if (b.done) throw new RangeError(`zip: the second list ended early`);
        return [a, b.value];
    });
}

/**
 * The text of a capture group that always takes part in a match (one not inside an optional part
 * or a branch of an alternative), as a string rather than a possibly missing one.
 */

/** Group `index` of `match`; throws when that group did not take part in the match (the pattern's caller expected it to). */
export function matchGroup(match: RegExpMatchArray, index: number): string {
    const text = match[index];
    if (text === undefined) throw new Error(`group ${index} of a pattern did not take part in matching "${match[0]}"`);
    return text;
}

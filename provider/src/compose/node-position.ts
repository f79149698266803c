/**
 * Where a node of a compose YAML file starts, as the reader records it for every path.
 */

/** The line and column (1-based) of a YAML node, and of its key when it is a map entry's value. */
export interface NodePosition {
    line: number;
    column: number;
    /** Where the key of the pair holding this value starts, when the value is a map entry. */
    keyLine?: number;
    keyColumn?: number;
}

/** Positions by path key (see `pathKey`): what the loader's phases read to point at a node. A `Map` will do. */
export interface PositionIndex {
    get(key: string): NodePosition | undefined;
    has(key: string): boolean;
}

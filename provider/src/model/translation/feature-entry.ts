/**
 * The shape of one entry of the feature table (`features.ts`). A file of its own so that the table
 * does not import the attribute shapes (`types.ts`), which name its feature ids.
 */
import { CloudName } from "../cloud-name";

/** A value-dependent or refused feature: its message and fix, and what each cloud does with it. */
export interface FeatureEntry {
    message: string;
    hint: string;
    /** The clouds that refuse a project using it. */
    refusedOn: readonly CloudName[];
    /** The clouds that run it differently: the message is printed as a warning there. */
    approximatedOn?: readonly CloudName[];
}

/**
 * Rule priorities on a load balancer listener: pure, no resources. Each listener hands out
 * priorities in the order services ask, so that a program that creates the same services in the
 * same order gets the same priorities.
 */

/** The first rule priority of a listener (lower numbers are evaluated first; 1 is the lowest AWS accepts). */
export const FIRST_RULE_PRIORITY = 1;

/** The highest rule priority AWS accepts on a listener. */
export const MAX_RULE_PRIORITY = 50000;

/** A counter that returns FIRST_RULE_PRIORITY, then the next number on each call; throws past MAX_RULE_PRIORITY. */
export function priorityCounter(port: number): () => number {
    let next = FIRST_RULE_PRIORITY;
    return () => {
        if (next > MAX_RULE_PRIORITY) throw new Error(`the load balancer listener on port ${port} has no rule priority left (at most ${MAX_RULE_PRIORITY} rules)`);
        return next++;
    };
}

/**
 * A counter for catch-all rules (`/*`): MAX_RULE_PRIORITY, then the number below on each call, so
 * that they are evaluated after every host rule of the listener (a domain's redirect to HTTPS, a
 * domain's forward), whichever service asked first.
 */
export function catchAllPriorityCounter(port: number): () => number {
    let next = MAX_RULE_PRIORITY;
    return () => {
        if (next < FIRST_RULE_PRIORITY) throw new Error(`the load balancer listener on port ${port} has no rule priority left (at most ${MAX_RULE_PRIORITY} rules)`);
        return next--;
    };
}
